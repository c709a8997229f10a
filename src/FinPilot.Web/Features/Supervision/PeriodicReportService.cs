using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>A report as its readers see it, with the plan's metrics and which of them may be typed now.</summary>
public sealed record ReportView(PeriodicReport Report, IReadOnlyList<MetricDefinition> Metrics, IReadOnlySet<string> Reportable);

/// <summary>One period of a pilot's plan and the report written for it, if any.</summary>
public sealed record PeriodRow(ReportPeriod Period, bool Ended, Guid? ReportId, ReportStatus? Status, DateTimeOffset? MoreDueAt);

/// <summary>
/// 定期报告: the lead institution opens, writes, attaches to and submits the report of a period;
/// the working group accepts it or asks for more by a deadline in working days. On submission the
/// typed metric values become samples (source "report:{id}") and the period's obligation is fulfilled.
/// </summary>
public sealed class PeriodicReportService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, WorkingCalendarProvider calendars, IReportObligations obligations,
    IEnumerable<IMetricSampleListener> listeners, TimeProvider clock, ILogger<PeriodicReportService> logger)
{
    public const int DefaultMoreWorkingDays = 10;

    /// <summary>The periods of the pilot's plan up to the current one, newest first, with their reports.</summary>
    public async Task<Result<IReadOnlyList<PeriodRow>>> PeriodsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        if (plan is null)
        {
            return new Error(SupervisionErrors.PlanNotFound);
        }

        if (!await commands.AllowsAsync(SupervisedProject.Of(plan), SupervisionOperations.Read))
        {
            return Problems.Forbidden;
        }

        var reports = await db.PeriodicReports.AsNoTracking().Where(r => r.ProjectId == projectId)
            .Select(r => new { r.Id, r.Subject, r.Status, r.MoreDueAt }).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var rows = new List<PeriodRow>();
        if (plan.InForce)
        {
            foreach (var period in ReportPeriod.Of(plan.Terms.Parameters, plan.Terms.ReportFrequency).Where(p => p.Start <= today))
            {
                var report = reports.FirstOrDefault(r => r.Subject == period.Subject);
                rows.Add(new PeriodRow(period, period.End < today, report?.Id, report?.Status, report?.MoreDueAt));
            }
        }

        // Reports of periods the current plan no longer has (its frequency changed) are still listed.
        foreach (var orphan in reports.Where(r => rows.All(row => row.Period.Subject != r.Subject)))
        {
            var stored = await db.PeriodicReports.AsNoTracking().Where(r => r.Id == orphan.Id).Select(r => new { r.PeriodStart, r.PeriodEnd }).SingleAsync(cancellationToken);
            rows.Add(new PeriodRow(new ReportPeriod(stored.PeriodStart, stored.PeriodEnd, orphan.Subject), stored.PeriodEnd < today, orphan.Id, orphan.Status, orphan.MoreDueAt));
        }

        return rows.OrderByDescending(r => r.Period.Start).ToList();
    }

    public async Task<Result<ReportView>> GetAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var (report, error) = await LoadAsync(reportId, SupervisionOperations.Read, tracked: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var plan = await db.SupervisionPlans.AsNoTracking().SingleAsync(p => p.ProjectId == report!.ProjectId, cancellationToken);
        return new ReportView(report!, plan.Terms.Metrics, await ReportableAsync(plan, report!, cancellationToken));
    }

    /// <summary>The lead institution opens the report of one of the plan's periods (<paramref name="subject"/>, e.g. "2026-03").</summary>
    public async Task<Result<PeriodicReport>> OpenAsync(Guid projectId, string subject, CancellationToken cancellationToken = default)
    {
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        if (plan is null)
        {
            return new Error(SupervisionErrors.PlanNotFound);
        }

        if (!await commands.AllowsAsync(SupervisedProject.Of(plan), SupervisionOperations.Report))
        {
            return Problems.Forbidden;
        }

        if (!plan.InForce)
        {
            return new Error(ReportErrors.PlanNotInForce);
        }

        var period = ReportPeriod.Of(plan.Terms.Parameters, plan.Terms.ReportFrequency).FirstOrDefault(p => p.Subject == subject?.Trim());
        if (period is null)
        {
            return new Error(ReportErrors.PeriodUnknown, "Subject", subject ?? string.Empty);
        }

        if (await db.PeriodicReports.AnyAsync(r => r.ProjectId == projectId && r.Subject == period.Subject, cancellationToken))
        {
            return new Error(ReportErrors.PeriodTaken, null, period.Subject);
        }

        var opened = PeriodicReport.Open(plan, period, clock.GetUtcNow(), current.Id!);
        if (!opened.Succeeded)
        {
            return opened;
        }

        db.PeriodicReports.Add(opened.Value);
        try
        {
            await commands.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Error(ReportErrors.PeriodTaken, null, period.Subject);
        }

        return opened;
    }

    public Task<Result<PeriodicReport>> SaveAsync(Guid reportId, ReportContent content, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(reportId, SupervisionOperations.Report, expected, async (report, plan) =>
        {
            return report.Update(content ?? new ReportContent(), await ReportableAsync(plan, report, cancellationToken), clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>
    /// Submits (or resubmits) the report: it is frozen, its typed metric values become samples of the
    /// period (replacing those of an earlier submission of the same report), and the period's obligation is fulfilled.
    /// </summary>
    public async Task<Result<PeriodicReport>> SubmitAsync(Guid reportId, Guid expected, CancellationToken cancellationToken = default)
    {
        List<MetricSample> samples = [];
        var submitted = await ChangeAsync(reportId, SupervisionOperations.Report, expected, async (report, plan) =>
        {
            var now = clock.GetUtcNow();
            var result = report.Submit(await ReportableAsync(plan, report, cancellationToken), now, current.Id!);
            if (!result.Succeeded)
            {
                return result;
            }

            var earlier = await db.MetricSamples.Where(s => s.ProjectId == report.ProjectId && s.Source == report.SampleSource).ToListAsync(cancellationToken);
            db.MetricSamples.RemoveRange(earlier);
            var number = report.Submissions.Count;
            samples = report.Content.MetricValues.Select(v => MetricSample.Record(
                report.ProjectId, v.Code, report.PeriodStart, report.PeriodEnd, v.Value, ChinaTime.EndOfDay(report.PeriodEnd), now,
                report.SampleSource, $"{v.Code}#{number}", null)).ToList();
            db.MetricSamples.AddRange(samples);
            await obligations.ReportSubmittedAsync(report, now, current.Id!, cancellationToken);
            commands.Note(report, new SubmittedSamples(samples.Count));
            return result;
        }, cancellationToken);

        if (submitted.Succeeded && samples.Count > 0)
        {
            await TellListenersAsync(submitted.Value.ProjectId, samples, cancellationToken);
        }

        return submitted;
    }

    public Task<Result<PeriodicReport>> AcceptAsync(Guid reportId, string? note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(reportId, SupervisionOperations.Supervise, expected, (report, _) =>
            Task.FromResult(report.Accept(note, clock.GetUtcNow(), current.Id!)), cancellationToken);

    /// <summary>The working group asks for more; the deadline is <paramref name="workingDays"/> working days from now (调休 calendar).</summary>
    public Task<Result<PeriodicReport>> RequestMoreAsync(Guid reportId, string request, int? workingDays, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(reportId, SupervisionOperations.Supervise, expected, async (report, _) =>
        {
            var days = workingDays ?? DefaultMoreWorkingDays;
            if (days is < PeriodicReport.MinDeadlineWorkingDays or > PeriodicReport.MaxDeadlineWorkingDays)
            {
                return new Error(ReportErrors.DeadlineInvalid, "WorkingDays", PeriodicReport.MinDeadlineWorkingDays, PeriodicReport.MaxDeadlineWorkingDays);
            }

            var now = clock.GetUtcNow();
            var due = (await calendars.GetAsync(cancellationToken)).DeadlineAfter(now, days);
            var result = report.RequestMore(request ?? string.Empty, due, now, current.Id!);
            if (result.Succeeded)
            {
                await obligations.MoreRequestedAsync(report, due, cancellationToken);
            }

            return result;
        }, cancellationToken);

    /// <summary>The plan's metrics that may be typed for the report's period: those no machine has sent a sample of.</summary>
    internal async Task<IReadOnlySet<string>> ReportableAsync(SupervisionPlan plan, PeriodicReport report, CancellationToken cancellationToken)
    {
        var start = report.PeriodStart;
        var end = report.PeriodEnd;
        var machine = await db.MetricSamples.AsNoTracking()
            .Where(s => s.ProjectId == report.ProjectId && !s.Source.StartsWith("report:") && s.PeriodEnd >= start && s.PeriodStart <= end)
            .Select(s => s.MetricCode).Distinct().ToListAsync(cancellationToken);
        return plan.Terms.ActiveMetrics().Select(m => m.Code).Except(machine).ToHashSet(StringComparer.Ordinal);
    }

    internal async Task<(PeriodicReport? Report, Error? Error)> LoadAsync(Guid reportId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.PeriodicReports : db.PeriodicReports.AsNoTracking();
        var report = await query.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return (null, new Error(ReportErrors.NotFound));
        }

        return await commands.AllowsAsync(SupervisedProject.Of(report), operation) ? (report, null) : (null, Problems.Forbidden);
    }

    private async Task<Result<PeriodicReport>> ChangeAsync(
        Guid reportId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, Guid expected,
        Func<PeriodicReport, SupervisionPlan, Task<Result>> change, CancellationToken cancellationToken)
    {
        var (report, error) = await LoadAsync(reportId, operation, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (report!.Version != expected)
        {
            return new Error(ReportErrors.Concurrency);
        }

        var plan = await db.SupervisionPlans.AsNoTracking().SingleAsync(p => p.ProjectId == report.ProjectId, cancellationToken);
        var result = await change(report, plan);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<PeriodicReport>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(report, ReportErrors.Concurrency, cancellationToken);
    }

    private async Task TellListenersAsync(Guid projectId, IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.SamplesAcceptedAsync(projectId, samples, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The submission stands whatever a listener does (IMetricSampleListener's contract).
                logger.LogError(exception, "A metric sample listener failed on the values of a report of project {Project}.", projectId);
            }
        }
    }
}
