using FinPilot.Domain.Identity;
using FinPilot.Web.Data;

namespace FinPilot.Web.Features.Workbench;

/// <summary>One section of the workbench: null when it is not the reader's (wrong role, or the module refuses).</summary>
public delegate Task<WorkbenchSection?> WorkbenchSource(int take, CancellationToken ct);

/// <summary>
/// The sections a user's roles give, in the order they are shown: what the user must do first
/// (their own drafts, sheets, screening) before what they watch (alerts, flags).
/// </summary>
internal sealed partial class WorkbenchReader(FinPilotDbContext db, WorkbenchScope scope, DateTimeOffset now, IServiceProvider services)
{
    public IEnumerable<WorkbenchSource> Sources()
    {
        if (scope.Organisations.Count > 0)
        {
            yield return ApplicationsAsync;
            yield return QuestionsAsync;
        }

        if (scope.Is(Role.Expert))
        {
            yield return SheetsAsync;
            yield return ExitReviewsAsync;
            yield return PlanChangeReviewsAsync;
        }

        if (scope.Regions.Count > 0)
        {
            yield return ScreeningAsync;
            yield return AwaitingNoticeAsync;
            yield return ObjectionsAsync;
            yield return ExitsToAuditAsync;
            yield return PlanChangesToDecideAsync;
        }

        if (scope.Is(Role.EvaluationSecretariat) || scope.Is(Role.PlatformAdmin))
        {
            yield return RoundsAsync;
        }

        if (scope.Is(Role.CoordinationGroup) || scope.Is(Role.PlatformAdmin))
        {
            yield return DeliberationAsync;
        }

        if (scope.Is(Role.IntegrityOfficer) || scope.Is(Role.PlatformAdmin))
        {
            yield return FlagsAsync;
        }

        if (scope.Organisations.Count > 0 || scope.Regions.Count > 0)
        {
            yield return CorrectionsAsync;
            yield return ObligationsAsync;
            yield return AlertsAsync;
        }
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (int)(to - from).TotalDays);

    private static string Format(string template, params object[] values) => string.Format(System.Globalization.CultureInfo.CurrentUICulture, template, values);
}
