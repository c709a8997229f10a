using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Scenarios (应用场景): an organisation's applicants, or a region's working group, draft, edit,
/// publish and close them. A scenario the caller may not see is not found; one it sees but does
/// not publish is forbidden. Publishing tells the subscribed organisations that may see it.
/// </summary>
public sealed class ScenarioCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, VisibleScenarios visible, ScenarioNotifications notifications, ScenarioIndex index, TimeProvider clock)
{
    /// <summary>Drafts a scenario for <paramref name="organisationId"/> (its region follows), or for <paramref name="regionId"/>'s working group.</summary>
    public async Task<Result<Scenario>> DraftAsync(ScenarioInput input, Guid? organisationId, int? regionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        int region;
        if (organisationId is { } org)
        {
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => (int?)o.RegionId).SingleOrDefaultAsync(ct);
            if (organisation is null)
            {
                return new Error(ScenarioErrors.OrganisationNotFound, "organisationId");
            }

            region = organisation.Value;
        }
        else if (regionId is { } r && await db.Regions.AnyAsync(x => x.Id == r, ct))
        {
            region = r;
        }
        else
        {
            return new Error(ScenarioErrors.RegionNotFound, "regionId");
        }

        if (!await commands.AllowsAsync(new MatchingParty(region, organisationId), ScenarioOperations.Act))
        {
            return Problems.Forbidden;
        }

        if (await UnknownInviteesAsync(input, ct) is { } unknown)
        {
            return unknown;
        }

        var drafted = Scenario.Draft(input, organisationId, region, clock.GetUtcNow(), current.Id!);
        if (!drafted.Succeeded)
        {
            return drafted;
        }

        db.Scenarios.Add(drafted.Value);
        await commands.SaveAsync(ct);
        return drafted.Value;
    }

    public Task<Result<Scenario>> EditAsync(Guid id, ScenarioInput input, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, async s =>
        {
            if (await UnknownInviteesAsync(input, ct) is { } unknown)
            {
                return unknown;
            }

            return s.Edit(input, clock.GetUtcNow());
        }, ct);

    public Task<Result<Scenario>> PublishAsync(Guid id, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, async s =>
        {
            var published = s.Publish(clock.GetUtcNow());
            if (published.Succeeded)
            {
                await notifications.PublishedAsync(s, ct);
            }

            return published;
        }, ct);

    public Task<Result<Scenario>> CloseAsync(Guid id, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, expected, s => Task.FromResult(s.Close(clock.GetUtcNow())), ct);

    private async Task<Error?> UnknownInviteesAsync(ScenarioInput input, CancellationToken ct)
    {
        if (input.Visibility != ScenarioVisibility.Invited || input.InvitedOrganisationIds.Count == 0)
        {
            return null;
        }

        var ids = input.InvitedOrganisationIds.Distinct().ToList();
        var known = await db.Organisations.CountAsync(o => ids.Contains(o.Id), ct);
        return known == ids.Count ? null : new Error(ScenarioErrors.OrganisationNotFound, "invitedOrganisationIds");
    }

    private async Task<Result<Scenario>> ChangeAsync(Guid id, Guid expected, Func<Scenario, Task<Result>> change, CancellationToken ct)
    {
        var viewer = await visible.ViewerAsync(ct);
        var scenario = await visible.Scenarios(viewer).Include(s => s.Invitations).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return new Error(ScenarioErrors.NotFound);
        }

        if (!await commands.AllowsAsync(MatchingParty.Of(scenario), ScenarioOperations.Act))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (scenario.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(ScenarioErrors.Concurrency);
        }

        var result = await change(scenario);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<Scenario>.Fail([.. result.Errors]);
        }

        var saved = await commands.SaveAsync(scenario, ScenarioErrors.Concurrency, ct);
        index.Changed();
        return saved;
    }
}
