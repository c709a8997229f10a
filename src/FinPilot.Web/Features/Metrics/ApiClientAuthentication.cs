using System.Security.Claims;
using System.Text.Encodings.Web;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Metrics;

/// <summary>The claims of an authenticated API client: it is no user, so it carries no name identifier and no roles.</summary>
public static class ApiClientClaims
{
    public const string ClientId = "finpilot:api-client";
    public const string OrganisationId = "finpilot:api-client-organisation";

    public static Guid? ClientOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClientId), out var id) ? id : null;

    public static Guid? OrganisationOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(OrganisationId), out var id) ? id : null;
}

/// <summary>
/// Authenticates <c>Authorization: Bearer fpc_…</c>, an organisation's API client. The scheme is
/// asked for by the submission endpoints' policy only: the platform's default scheme knows no
/// <c>fpc_</c> secret, so a client is refused everywhere else, and a person's token or cookie is
/// refused here. The principal has no user id, so no person's permission can reach it.
/// </summary>
public sealed class ApiClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FinPilotDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiClient";

    /// <summary>The policy of the submission endpoints: an API client, nothing else.</summary>
    public const string Policy = "api-client";

    private const int MaxSecretLength = 100;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiClient.SecretPrefix, StringComparison.Ordinal) || secret.Length > MaxSecretLength)
        {
            return AuthenticateResult.Fail("Not an API client's secret.");
        }

        var hash = ApiClient.HashOf(secret);
        var now = clock.GetUtcNow();
        var found = await db.Set<ApiClientSecret>().AsNoTracking()
            .Where(s => s.Hash == hash)
            .Join(db.Set<ApiClient>(), s => s.ClientId, c => c.Id, (s, c) => new { s.ExpiresAt, s.RetiredAt, c.Id, c.OrganisationId, c.RevokedAt, c.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.RevokedAt is not null || found.RetiredAt is not null || now >= found.ExpiresAt)
        {
            return AuthenticateResult.Fail("Unknown, expired, retired or revoked API client secret.");
        }

        // Recording every use would write on every batch; a minute's precision tells a stale client.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.Set<ApiClient>().Where(c => c.Id == found.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ApiClientClaims.ClientId, found.Id.ToString()), new Claim(ApiClientClaims.OrganisationId, found.OrganisationId.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, StatusCodes.Status401Unauthorized, MetricsStrings.Auth_ClientRequired);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, MetricsStrings.Auth_ClientRequired);
}
