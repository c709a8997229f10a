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
}
