using FinPilot.Domain.Common;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.ApiTokens;

public sealed record NewApiToken(string Name, int ExpiresInDays = 90);

/// <summary>A user's own tokens: nobody, not even an administrator, creates or lists another's.</summary>
public sealed class ApiTokenService(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    public const int MaxActivePerUser = 20;

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == current.Id).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public async Task<Result<(ApiToken Token, string Secret)>> CreateAsync(NewApiToken input, CancellationToken cancellationToken = default)
    {
        var userId = current.Id ?? throw new InvalidOperationException("No signed-in user.");
        var errors = Text.Required(input.Name, nameof(NewApiToken.Name), ApiToken.MaxNameLength).ToList();
        if (input.ExpiresInDays is < 1 or > ApiToken.MaxLifetimeDays)
        {
            errors.Add(new Error(ApiTokenErrors.LifetimeOutOfRange, nameof(NewApiToken.ExpiresInDays), ApiToken.MaxLifetimeDays));
        }

        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        if (tokens.Count(t => t.IsActive(now)) >= MaxActivePerUser)
        {
            errors.Add(new Error(ApiTokenErrors.TooMany, nameof(NewApiToken.Name), MaxActivePerUser));
        }

        if (errors.Count > 0)
        {
            return Result<(ApiToken, string)>.Fail([.. errors]);
        }

        var issued = ApiToken.Issue(userId, input.Name, now, now.AddDays(input.ExpiresInDays));
        db.ApiTokens.Add(issued.Token);
        await commands.SaveAsync(cancellationToken, AuditLines.ApiToken(AuditActions.TokenCreated, issued.Token.Id, new { issued.Token.Name, issued.Token.Hint, issued.Token.ExpiresAt }));
        return issued;
    }

    public async Task<Result> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // Another user's token answers exactly like a missing one, so ids cannot be probed.
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == current.Id, cancellationToken);
        if (token is null)
        {
            return new Error(ApiTokenErrors.NotFound);
        }

        token.Revoke(clock.GetUtcNow());
        await commands.SaveAsync(cancellationToken, AuditLines.ApiToken(AuditActions.TokenRevoked, token.Id, new { token.Name, token.Hint }));
        return Result.Ok();
    }

    /// <summary>
    /// Revokes every token of the account whose password has just been changed or reset: whoever
    /// knew the old password may have made tokens with it. Returns how many were still active.
    /// </summary>
    public async Task<int> RevokeAllAfterPasswordChangeAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        var active = tokens.Where(t => t.IsActive(now)).ToList();
        if (active.Count == 0)
        {
            return 0;
        }

        foreach (var token in active)
        {
            token.Revoke(now);
        }

        await commands.SaveAsync(cancellationToken, AuditLines.User(AuditActions.TokensRevokedWithPassword, userId, new { count = active.Count, hints = active.Select(t => t.Hint).ToArray() }));
        return active.Count;
    }
}

public static class ApiTokenErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("ApiToken.NotFound");
    public static readonly ErrorCode LifetimeOutOfRange = ErrorCode.Validation("ApiToken.LifetimeOutOfRange");
    public static readonly ErrorCode TooMany = ErrorCode.Validation("ApiToken.TooMany");
}
