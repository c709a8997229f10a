using System.Security.Claims;
using FinPilot.Domain.Identity;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Components.Layout;

/// <summary>
/// What the navigation offers each role. It only hides what a role cannot use; every page and
/// endpoint still checks the user's rights against the record itself.
/// </summary>
public static class NavItems
{
    public sealed record Item(string Key, string Href, string Text);

    public static IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        // Published calls, notices and the register of pilots are public: everyone, signed in or not, finds them first.
        var items = new List<Item>
        {
            new("calls", "calls", CallsStrings.Nav_Calls), new("notices", "notices", DisclosureStrings.Nav_Notices), new("pilots", "pilots", DisclosureStrings.Nav_Pilots),
            new("ledger", "ledger", LedgerStrings.Nav_Ledger), new("scenarios", "scenarios", ScenariosStrings.List_Title),
            new("statistics", "statistics", Features.Statistics.StatisticsStrings.Nav_Statistics), new("open-data", "open-data", Features.Statistics.StatisticsStrings.Nav_OpenData),
        };
        if (user.Identity?.IsAuthenticated != true)
        {
            return items;
        }

        if (user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.RegionalWorkingGroup))
        {
            items.Add(new("calls-manage", "calls/manage", CallsStrings.Nav_ManageCalls));
        }

        var staffReader = user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.EvaluationSecretariat) || user.IsIn(Role.IntegrityOfficer);
        if (staffReader)
        {
            items.Add(new("organisations", "organisations", Strings.Nav_Organisations));
        }
        else if (user.IsIn(Role.Applicant))
        {
            items.Add(new("my-organisation", "organisations", Strings.Nav_MyOrganisation));
        }

        if (user.IsIn(Role.Applicant))
        {
            items.Add(new("applications", "applications", Strings.Nav_Applications));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("screening", "screening", Strings.Nav_Screening));
        }

        if (user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.RegionalWorkingGroup))
        {
            items.Add(new("notices-manage", "notices/manage", DisclosureStrings.Nav_ManageNotices));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.Applicant) || user.IsIn(Role.CoordinationGroup) || user.IsIn(Role.IntegrityOfficer)
            || user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("supervision", "supervision", SupervisionStrings.Nav_Supervision));
        }

        if (user.IsIn(Role.CoordinationGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer))
        {
            items.Add(new("deliberation", "deliberation", DeliberationStrings.Nav_Deliberation));
        }

        if (user.IsIn(Role.EvaluationSecretariat) || user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("experts", "evaluation/experts", EvaluationStrings.Nav_Experts));
        }

        if (user.IsIn(Role.EvaluationSecretariat) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.RegionalWorkingGroup))
        {
            items.Add(new("rounds", "evaluation/rounds", EvaluationStrings.Nav_Rounds));
        }

        if (user.IsIn(Role.Expert))
        {
            items.Add(new("my-evaluations", "evaluation/assignments", EvaluationStrings.Nav_MyAssignments));
        }

        if (user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer))
        {
            items.Add(new("integrity", "integrity", EvaluationStrings.Nav_Integrity));
        }

        if (user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("users", "admin/users", Strings.Nav_Users));
            items.Add(new("regions", "admin/regions", Strings.Nav_Regions));
            items.Add(new("calendar", "admin/calendar", CalendarStrings.Nav_Calendar));
            items.Add(new("reference", "admin/reference", Strings.Nav_Reference));
        }

        if (user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer))
        {
            items.Add(new("audit", "audit", Strings.Nav_Audit));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup))
        {
            items.Add(new("obligations", "obligations/region", ObligationsStrings.Nav_Obligations));
        }
        else if (user.IsIn(Role.Applicant))
        {
            items.Add(new("obligations", "obligations", ObligationsStrings.Nav_Obligations));
        }

        items.Add(new("tokens", "tokens", Strings.Nav_ApiTokens));
        if (user.IsIn(Role.Applicant) || user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("api-clients", "supervision/api-clients", Features.Metrics.MetricsStrings.Nav_ApiClients));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.Applicant) || user.IsIn(Role.CoordinationGroup) || user.IsIn(Role.IntegrityOfficer)
            || user.IsIn(Role.PlatformAdmin))
        {
            items.Add(new("alerts", "alerts", Features.Alerts.AlertsStrings.Nav_Alerts));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.Applicant))
        {
            items.Add(new("incidents", "incidents", Features.Incidents.IncidentsStrings.Nav_Incidents));
            items.Add(new("corrections", "corrections", Features.Corrections.CorrectionsStrings.Nav_Corrections));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.Applicant))
        {
            items.Add(new("disposal", "disposal", Features.Disposal.DisposalStrings.Nav_Disposal));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.Applicant))
        {
            items.Add(new("plan-changes", "plan-changes", Features.PlanChanges.PlanChangesStrings.Nav_PlanChanges));
        }

        if (user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup))
        {
            items.Add(new("integrity-flags", "integrity/flags", Features.Integrity.IntegrityStrings.Nav_Flags));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.IntegrityOfficer) || user.IsIn(Role.CoordinationGroup)
            || user.IsIn(Role.Applicant))
        {
            items.Add(new("exits", "exits", Features.Exit.ExitStrings.Nav_Exits));
        }

        if (user.IsIn(Role.Expert))
        {
            items.Add(new("exit-reviews", "exits/reviews", Features.Exit.ExitStrings.Nav_ExitReviews));
        }

        if (user.IsIn(Role.RegionalWorkingGroup) || user.IsIn(Role.PlatformAdmin) || user.IsIn(Role.CoordinationGroup))
        {
            items.Add(new("casebooks-manage", "casebooks/manage", Features.Casebooks.CasebooksStrings.Nav_ManageCasebooks));
        }

        // Roadshows (路演): every signed-in user may read the list (presenters, panellists, organisers).
        items.Add(new("roadshows", "scenarios/roadshows", ScenariosStrings.Roadshow_ListTitle));

        return items;
    }
}
