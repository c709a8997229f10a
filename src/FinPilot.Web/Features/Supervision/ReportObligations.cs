using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Features.Obligations;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// What a report's moves do to the pilot's obligations: a submission fulfils the period's report
/// obligation, a request for more opens a supplement obligation due at its deadline. The change
/// joins the caller's unit of work (it is saved with the report or not at all).
/// </summary>
public interface IReportObligations
{
    Task ReportSubmittedAsync(PeriodicReport report, DateTimeOffset at, string by, CancellationToken cancellationToken);

    Task MoreRequestedAsync(PeriodicReport report, DateTimeOffset dueAt, CancellationToken cancellationToken);
}

/// <summary>
/// Reports' obligations in the obligations module's book: a submission fulfils the period's
/// <see cref="ObligationKind.PeriodicReport"/> (subject "2026-03") and, when it answers a request for
/// more, that request's <see cref="ObligationKind.ReportSupplement"/> (subject "2026-03#1"); a request
/// for more opens the supplement obligation due at the request's deadline.
/// </summary>
internal sealed class ObligationBookReportObligations(ObligationBook book) : IReportObligations
{
    public async Task ReportSubmittedAsync(PeriodicReport report, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        await book.FulfilAsync(report.ProjectId, ObligationKind.PeriodicReport, report.Subject, at, by, cancellationToken);
        if (report.Submissions.Count > 1)
        {
            await book.FulfilAsync(report.ProjectId, ObligationKind.ReportSupplement, report.SupplementSubject, at, by, cancellationToken);
        }
    }

    public Task MoreRequestedAsync(PeriodicReport report, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        book.EnsureAsync(new ObligationDraft(report.ProjectId, report.RegionId, report.OrganisationId, ObligationKind.ReportSupplement, report.SupplementSubject, dueAt), cancellationToken);
}
