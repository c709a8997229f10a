using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Solutions (解决方案): an organisation's applicants offer them as a standing capability or in answer
/// to a published scenario they can see; and organisations subscribe to new scenarios by area or technology.
/// </summary>
public sealed class SolutionCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, VisibleScenarios visible, ScenarioNotifications notifications, ScenarioIndex index, TimeProvider clock)
{
    public async Task<Result<Solution>> DraftAsync(SolutionInput input, Guid organisationId, Guid? scenarioId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return new Error(ScenarioErrors.OrganisationNotFound, "organisationId");
        }

        if (!await commands.AllowsAsync(new MatchingParty(region.Value, organisationId), ScenarioOperations.Act))
        {
            return Problems.Forbidden;
        }

        if (scenarioId is { } sid)
        {
            // The visibility rule decides: an invited scenario the offerer was not invited to does not exist for it.
            var viewer = await visible.ViewerAsync(ct);
            var status = await visible.Scenarios(viewer).Where(s => s.Id == sid).Select(s => (ScenarioStatus?)s.Status).SingleOrDefaultAsync(ct);
            if (status is null)
            {
                return new Error(ScenarioErrors.NotFound, "scenarioId");
            }

            if (status != ScenarioStatus.Published)
            {
                return new Error(ScenarioErrors.ScenarioNotOpen, "scenarioId");
            }
        }

        var drafted = Solution.Draft(input, organisationId, region.Value, scenarioId, clock.GetUtcNow(), current.Id!);
        if (!drafted.Succeeded)
        {
            return drafted;
        }

        db.Solutions.Add(drafted.Value);
        await commands.SaveAsync(ct);
        return drafted.Value;
    }

    public Task<Result<Solution>> EditAsync(Guid id, SolutionInput input, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, s => Task.FromResult(s.Edit(input, clock.GetUtcNow())), ct);

    public Task<Result<Solution>> PublishAsync(Guid id, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, async s =>
        {
            var published = s.Publish(clock.GetUtcNow());
            if (published.Succeeded && s.ScenarioId is { } sid && await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(x => x.Id == sid, ct) is { } scenario)
            {
                await notifications.OfferedAsync(s, scenario, ct);
            }

            return published;
        }, ct);

    public Task<Result<Solution>> WithdrawAsync(Guid id, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, s => Task.FromResult(s.Withdraw(clock.GetUtcNow())), ct);

    /// <summary>An organisation's applicants subscribe it to new scenarios of one area or one technology.</summary>
    public async Task<Result<ScenarioSubscription>> SubscribeAsync(Guid organisationId, BusinessArea? area, Technology? technology, CancellationToken ct = default)
    {
        var region = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return new Error(ScenarioErrors.OrganisationNotFound, "organisationId");
        }

        if (!await commands.AllowsAsync(new MatchingParty(region.Value, organisationId), ScenarioOperations.Act))
        {
            return Problems.Forbidden;
        }

        if ((area is null) == (technology is null))
        {
            return new Error(ScenarioErrors.AreaInvalid, "area");
        }

        if (area is { } a && !Enum.IsDefined(a))
        {
            return new Error(ScenarioErrors.AreaInvalid, "area");
        }

        if (technology is { } t && !Enum.IsDefined(t))
        {
            return new Error(ScenarioErrors.TechnologiesInvalid, "technology");
        }

        var existing = await db.ScenarioSubscriptions.SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.Area == area && s.Technology == technology, ct);
        if (existing is not null)
        {
            return existing;
        }

        var subscription = ScenarioSubscription.For(organisationId, area, technology, clock.GetUtcNow());
        db.ScenarioSubscriptions.Add(subscription);
        await commands.SaveAsync(ct, new AuditLine(ScenarioActions.Subscribed, AuditResource.ScenarioSubscription, subscription.Id.ToString(),
            new { organisationId, area = area?.ToString(), technology = technology?.ToString() }, region));
        return subscription;
    }

    public async Task<Result> UnsubscribeAsync(Guid subscriptionId, CancellationToken ct = default)
    {
        var subscription = await db.ScenarioSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null)
        {
            return new Error(ScenarioErrors.SubscriptionNotFound);
        }

        var region = await db.Organisations.AsNoTracking().Where(o => o.Id == subscription.OrganisationId).Select(o => o.RegionId).SingleAsync(ct);
        if (!await commands.AllowsAsync(new MatchingParty(region, subscription.OrganisationId), ScenarioOperations.Act))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        db.ScenarioSubscriptions.Remove(subscription);
        await commands.SaveAsync(ct, new AuditLine(ScenarioActions.Unsubscribed, AuditResource.ScenarioSubscription, subscription.Id.ToString(),
            new { subscription.OrganisationId }, region));
        return Result.Ok();
    }

    private async Task<Result<Solution>> ChangeAsync(Guid id, Guid expected, Func<Solution, Task<Result>> change, CancellationToken ct)
    {
        var viewer = await visible.ViewerAsync(ct);
        var solution = await visible.Solutions(viewer).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (solution is null)
        {
            return new Error(ScenarioErrors.SolutionNotFound);
        }

        if (!await commands.AllowsAsync(MatchingParty.Of(solution), ScenarioOperations.Act))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (solution.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(ScenarioErrors.Concurrency);
        }

        var result = await change(solution);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Solution>.Fail([.. result.Errors]);
        }

        var saved = await commands.SaveAsync(solution, ScenarioErrors.Concurrency, ct);
        index.Changed();
        return saved;
    }
}
