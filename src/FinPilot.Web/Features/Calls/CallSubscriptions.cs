using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// Which regions' calls an organisation hears about. Its own applicants decide; when a user acts
/// for several organisations they name one, otherwise their only one is meant.
/// </summary>
public sealed class CallSubscriptions(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    /// <summary>Organisations the user may subscribe for (their applicant organisations).</summary>
    public async Task<IReadOnlyList<Guid>> OrganisationIdsAsync(CancellationToken cancellationToken = default) =>
        (await current.GrantsAsync(cancellationToken))
            .Where(g => g.Role == Role.Applicant && g.OrganisationId is not null)
            .Select(g => g.OrganisationId!.Value)
            .Distinct()
            .ToList();

    /// <summary>The subscriptions of the user's organisations.</summary>
    public async Task<IReadOnlyList<CallSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        var organisations = await OrganisationIdsAsync(cancellationToken);
        return await db.CallSubscriptions.AsNoTracking()
            .Where(s => organisations.Contains(s.OrganisationId))
            .OrderBy(s => s.RegionId)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Subscribes; subscribing again changes nothing.</summary>
    public async Task<Result<CallSubscription>> SubscribeAsync(int regionId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(regionId, organisationId, cancellationToken);
        if (!resolved.Succeeded)
        {
            return Result<CallSubscription>.Fail([.. resolved.Errors]);
        }

        var organisation = resolved.Value;
        var existing = await db.CallSubscriptions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganisationId == organisation && s.RegionId == regionId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var subscription = CallSubscription.For(organisation, regionId, clock.GetUtcNow(), current.Id!);
        db.CallSubscriptions.Add(subscription);
        commands.Audit(AuditLines.Organisation(CallActions.Subscribed, organisation, new { regionId }, regionId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same subscription was saved a moment ago by another request: the wish is met.
            db.ChangeTracker.Clear();
        }

        return subscription;
    }

    /// <summary>Unsubscribes; unsubscribing when not subscribed changes nothing.</summary>
    public async Task<Result> UnsubscribeAsync(int regionId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(regionId, organisationId, cancellationToken);
        if (!resolved.Succeeded)
        {
            return Result.Fail(resolved.Errors);
        }

        var organisation = resolved.Value;
        var existing = await db.CallSubscriptions.SingleOrDefaultAsync(s => s.OrganisationId == organisation && s.RegionId == regionId, cancellationToken);
        if (existing is not null)
        {
            db.CallSubscriptions.Remove(existing);
            await commands.SaveAsync(cancellationToken, AuditLines.Organisation(CallActions.Unsubscribed, organisation, new { regionId }, regionId));
        }

        return Result.Ok();
    }

    private async Task<Result<Guid>> ResolveAsync(int regionId, Guid? organisationId, CancellationToken cancellationToken)
    {
        Guid organisation;
        if (organisationId is { } named)
        {
            if (!await commands.AllowsAsync(new OrganisationScope(named), OrganisationOperations.ActFor))
            {
                return Problems.Forbidden;
            }

            organisation = named;
        }
        else
        {
            var own = await OrganisationIdsAsync(cancellationToken);
            if (own.Count == 0)
            {
                return Problems.Forbidden;
            }

            if (own.Count > 1)
            {
                return new Error(Domain.Calls.CallErrors.OrganisationRequired, "organisationId");
            }

            organisation = own[0];
        }

        return await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken) ? organisation : new Error(RegionErrors.NotFound);
    }
}
