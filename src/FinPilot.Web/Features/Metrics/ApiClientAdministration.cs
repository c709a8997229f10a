using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Metrics;

public sealed record NewApiClient(string Name, int ExpiresInDays = 90);

public sealed record SecretLifetime(int ExpiresInDays = 90);

/// <summary>An organisation that the current user may manage API clients for, for the page's choice.</summary>
public sealed record ClientOrganisation(Guid Id, string NameZh, string NameEn);

/// <summary>
/// The use cases of API clients: an organisation's applicants (or an administrator) create, list,
/// rotate, retire and revoke its clients. Every change is audited; secrets appear only in the
/// answer to the change that made them.
/// </summary>
public sealed class ApiClientAdministration(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    public const int MaxClientsPerOrganisation = 20;

    /// <summary>Audit actions of API clients (the trail stores these names).</summary>
    public static class Actions
    {
        public const string Created = "api-client.created";
        public const string Rotated = "api-client.rotated";
        public const string SecretRetired = "api-client.secret-retired";
        public const string Revoked = "api-client.revoked";
    }

    public async Task<IReadOnlyList<ClientOrganisation>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var query = db.Organisations.AsNoTracking();
        if (!grants.IsAdmin())
        {
            var mine = grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
            query = query.Where(o => mine.Contains(o.Id));
        }

        return await query.OrderBy(o => o.NameZh).Select(o => new ClientOrganisation(o.Id, o.NameZh, o.NameEn)).ToListAsync(cancellationToken);
    }

    public async Task<Result<IReadOnlyList<ApiClient>>> ListAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        if (await CheckOrganisationAsync(organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var clients = await db.Set<ApiClient>().AsNoTracking().Include(c => c.Secrets)
            .Where(c => c.OrganisationId == organisationId).OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        return clients;
    }

    public async Task<Result<(ApiClient Client, string Secret)>> CreateAsync(Guid organisationId, NewApiClient input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CheckOrganisationAsync(organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await db.Set<ApiClient>().CountAsync(c => c.OrganisationId == organisationId && c.RevokedAt == null, cancellationToken) >= MaxClientsPerOrganisation)
        {
            return new Error(MetricsErrors.TooManyClients, nameof(NewApiClient.Name), MaxClientsPerOrganisation);
        }

        var now = clock.GetUtcNow();
        var created = ApiClient.Create(organisationId, input.Name ?? string.Empty, input.ExpiresInDays, now, current.Id!);
        if (created.Failed)
        {
            return created;
        }

        var (client, secret) = created.Value;
        db.Add(client);
        await commands.SaveAsync(cancellationToken);
        return created;
    }

    /// <summary>A new secret beside the valid one; the old keeps working until it expires or is retired.</summary>
    public async Task<Result<(ApiClientSecret Secret, string Value)>> RotateAsync(Guid clientId, SecretLifetime input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await LoadAsync(clientId, cancellationToken);
        if (loaded.Failed)
        {
            return Result<(ApiClientSecret, string)>.Fail([.. loaded.Errors]);
        }

        var client = loaded.Value;
        var rotated = client.Rotate(input.ExpiresInDays, clock.GetUtcNow());
        if (rotated.Failed)
        {
            return rotated;
        }

        db.Add(rotated.Value.Secret);
        var saved = await commands.SaveAsync(MetricsErrors.ClientChangedByAnother, cancellationToken);
        return saved.Succeeded ? rotated : Result<(ApiClientSecret, string)>.Fail([.. saved.Errors]);
    }

    public async Task<Result> RetireSecretAsync(Guid clientId, Guid secretId, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(clientId, cancellationToken);
        if (loaded.Failed)
        {
            return Result.Fail(loaded.Errors);
        }

        var client = loaded.Value;
        var retired = client.RetireSecret(secretId, clock.GetUtcNow());
        if (!retired.Succeeded)
        {
            return retired;
        }

        return await commands.SaveAsync(MetricsErrors.ClientChangedByAnother, cancellationToken);
    }

    public async Task<Result> RevokeAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(clientId, cancellationToken);
        if (loaded.Failed)
        {
            return Result.Fail(loaded.Errors);
        }

        var client = loaded.Value;
        var revoked = client.Revoke(clock.GetUtcNow(), current.Id!);
        return revoked.Succeeded
            ? await commands.SaveAsync(MetricsErrors.ClientChangedByAnother, cancellationToken)
            : revoked;
    }

    private async Task<Error?> CheckOrganisationAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return new Error(MetricsErrors.ClientNotFound);
        }

        return await commands.AllowsAsync(new OrganisationScope(organisationId), MetricsOperations.ManageClients) ? null : Problems.Forbidden;
    }

    private async Task<Result<ApiClient>> LoadAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var client = await db.Set<ApiClient>().Include(c => c.Secrets).SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return new Error(MetricsErrors.ClientNotFound);
        }

        return await commands.AllowsAsync(client, MetricsOperations.ManageClients) ? client : Problems.Forbidden;
    }
}
