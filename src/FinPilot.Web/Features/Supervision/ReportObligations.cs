using FinPilot.Domain.Supervision.Reports;

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

/// <summary>Until the obligations module is merged, reports move without touching obligations.</summary>
internal sealed class NoReportObligations : IReportObligations
{
    public Task ReportSubmittedAsync(PeriodicReport report, DateTimeOffset at, string by, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MoreRequestedAsync(PeriodicReport report, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;
}
