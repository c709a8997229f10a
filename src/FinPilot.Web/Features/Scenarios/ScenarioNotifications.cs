using FinPilot.Domain.Identity;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Who hears of scenario matching: the subscribed organisations of a newly published scenario —
/// only those that may see it, so an invited scenario tells nobody but its invitees — and the
/// publisher's side of a solution offered in answer.
/// </summary>
public sealed class ScenarioNotifications(FinPilotDbContext db, Notifier notifier)
{
    public static string Link(Scenario scenario) => $"/scenarios/{scenario.Id}";

    public static string Link(Solution solution) => $"/scenarios/solutions/{solution.Id}";

    public async Task PublishedAsync(Scenario scenario, CancellationToken ct)
    {
        var area = scenario.Area;
        var technologies = scenario.Technologies.Select(t => (Technology?)t).ToList();
        var subscribers = await db.ScenarioSubscriptions.AsNoTracking()
            .Where(s => s.Area == area || technologies.Contains(s.Technology))
            .Select(s => s.OrganisationId).Distinct().ToListAsync(ct);
        if (scenario.Visibility == ScenarioVisibility.Invited)
        {
            var invited = scenario.Invitations.Select(i => i.OrganisationId).ToHashSet();
            subscribers = [.. subscribers.Where(invited.Contains)];
        }

        subscribers.RemoveAll(o => o == scenario.PublisherOrganisationId);
        if (subscribers.Count == 0)
        {
            return;
        }

        // Members-only scenarios reach applicants, who are members; public ones too.
        var users = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Applicant && a.OrganisationId != null && subscribers.Contains(a.OrganisationId.Value))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        notifier.Enqueue(users, NotificationKind.ScenarioPublished, Link(scenario), new Dictionary<string, string>
        {
            [NotificationValues.Title] = scenario.Title,
            [NotificationValues.Area] = ScenarioTexts.Of(scenario.Area, ScenarioTexts.Chinese),
            [NotificationValues.Area + NotificationTexts.EnglishSuffix] = ScenarioTexts.Of(scenario.Area, ScenarioTexts.English),
        });
    }

    public async Task OfferedAsync(Solution solution, Scenario scenario, CancellationToken ct)
    {
        var organisation = scenario.PublisherOrganisationId;
        var region = scenario.RegionId;
        var users = await db.RoleAssignments.AsNoTracking()
            .Where(a => (organisation != null && a.Role == Role.Applicant && a.OrganisationId == organisation)
                || (organisation == null && a.Role == Role.RegionalWorkingGroup && a.RegionId == region))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        notifier.Enqueue(users, NotificationKind.SolutionOffered, Link(solution), new Dictionary<string, string>
        {
            [NotificationValues.Title] = scenario.Title,
            [NotificationValues.Solution] = solution.Title,
        });
    }

    /// <summary>To the other side when one side expresses interest; to both sides and the region's working group when the match is made.</summary>
    public async Task InterestAsync(ScenarioMatch match, MatchParty by, string scenarioTitle, string solutionTitle, CancellationToken ct)
    {
        var values = new Dictionary<string, string> { [NotificationValues.Title] = scenarioTitle, [NotificationValues.Solution] = solutionTitle };
        if (match.Status == MatchStatus.Matched)
        {
            var everyone = (await ScenarioSideAsync(match, ct)).Concat(await SolutionSideAsync(match, ct)).Concat(await WorkingGroupAsync(match.RegionId, ct));
            notifier.Enqueue(everyone, NotificationKind.MatchFormed, Link(match), values);
            return;
        }

        var other = by == MatchParty.Scenario ? await SolutionSideAsync(match, ct) : await ScenarioSideAsync(match, ct);
        notifier.Enqueue(other, NotificationKind.MatchInterestExpressed, Link(match), values);
    }

    /// <summary>To everyone else in the thread when a message is posted.</summary>
    public async Task MessageAsync(ScenarioMatch match, string authorUserId, CancellationToken ct)
    {
        var title = await db.Scenarios.AsNoTracking().Where(s => s.Id == match.ScenarioId).Select(s => s.Title).SingleAsync(ct);
        var everyone = (await ScenarioSideAsync(match, ct)).Concat(await SolutionSideAsync(match, ct)).Concat(await WorkingGroupAsync(match.RegionId, ct))
            .Where(u => u != authorUserId);
        notifier.Enqueue(everyone, NotificationKind.MatchMessagePosted, Link(match), new Dictionary<string, string> { [NotificationValues.Title] = title });
    }

    public static string Link(ScenarioMatch match) => $"/scenarios/matches/{match.Id}";

    private Task<List<string>> ScenarioSideAsync(ScenarioMatch match, CancellationToken ct) =>
        match.ScenarioOrganisationId is { } org ? ApplicantsAsync(org, ct) : WorkingGroupAsync(match.RegionId, ct);

    private Task<List<string>> SolutionSideAsync(ScenarioMatch match, CancellationToken ct) => ApplicantsAsync(match.SolutionOrganisationId, ct);

    private Task<List<string>> ApplicantsAsync(Guid organisationId, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.Applicant && a.OrganisationId == organisationId).Select(a => a.UserId).Distinct().ToListAsync(ct);

    private Task<List<string>> WorkingGroupAsync(int regionId, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.RegionalWorkingGroup && a.RegionId == regionId).Select(a => a.UserId).Distinct().ToListAsync(ct);
}
