using System.Globalization;
using System.Resources;
using FinPilot.Domain.Common;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Http;

/// <summary>Turns a domain <see cref="Error"/> into a sentence in the current UI language.</summary>
public static class ErrorText
{
    // Each module keeps its error messages in its own resource file; the shared file comes first.
    private static readonly ResourceManager[] Messages =
    [
        Strings.ResourceManager,
        ApiTokensStrings.ResourceManager,
        ApplicationsStrings.ResourceManager,
        AuditStrings.ResourceManager,
        CalendarStrings.ResourceManager,
        CallsStrings.ResourceManager,
        DeliberationStrings.ResourceManager,
        DisclosureStrings.ResourceManager,
        EvaluationStrings.ResourceManager,
        IdentityStrings.ResourceManager,
        LedgerStrings.ResourceManager,
        MetricsStrings.ResourceManager,
        NotificationsStrings.ResourceManager,
        OrganisationsStrings.ResourceManager,
        RegionsStrings.ResourceManager,
        UsersStrings.ResourceManager,
        ObligationsStrings.ResourceManager,
        SupervisionStrings.ResourceManager,
        AlertsStrings.ResourceManager,
        FinPilot.Web.Features.Incidents.IncidentsStrings.ResourceManager,
        FinPilot.Web.Features.Probing.ProbingStrings.ResourceManager,
        FinPilot.Web.Features.Corrections.CorrectionsStrings.ResourceManager,
        FinPilot.Web.Features.Disposal.DisposalStrings.ResourceManager,
        FinPilot.Web.Features.PlanChanges.PlanChangesStrings.ResourceManager,
        FinPilot.Web.Features.Integrity.IntegrityStrings.ResourceManager,
        FinPilot.Web.Features.Scenarios.ScenariosStrings.ResourceManager,
        FinPilot.Web.Features.Exit.ExitStrings.ResourceManager,
        FinPilot.Web.Features.Casebooks.CasebooksStrings.ResourceManager,
        FinPilot.Web.Features.Workbench.WorkbenchStrings.ResourceManager,
        FinPilot.Web.Features.Search.SearchStrings.ResourceManager,
    ];

    public static string Describe(Error error)
    {
        // Identity's describer has already put its messages into the user's language.
        if (error.Code.Value.StartsWith("Identity.", StringComparison.Ordinal) && error.Arguments is [string described])
        {
            return described;
        }

        var key = "Error_" + error.Code.Value.Replace('.', '_').Replace('-', '_');
        var template = Messages.Select(m => m.GetString(key, CultureInfo.CurrentUICulture)).FirstOrDefault(t => t is not null);
        if (template is null)
        {
            // A missing translation must still say something true; the code is stable and searchable.
            return error.Code;
        }

        return error.Arguments.Length == 0 ? template : string.Format(CultureInfo.CurrentUICulture, template, error.Arguments);
    }

    /// <summary>Groups messages by field for forms and for the <c>errors</c> member of a problem.</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<Error> errors) =>
        errors.GroupBy(e => e.Field ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray());
}
