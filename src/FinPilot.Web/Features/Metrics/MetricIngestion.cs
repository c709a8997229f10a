using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Metrics;

public enum EventOutcome
{
    Accepted = 1,

    /// <summary>Already held (same project, source and id): taken, not counted twice.</summary>
    Duplicate = 2,

    Rejected = 3,
}

/// <summary>What became of one event; a refusal carries its code, field and message in the caller's language.</summary>
public sealed record EventResult(int Index, string? Id, string? Source, EventOutcome Status, string? Code = null, string? Field = null, string? Message = null);

public sealed record IngestionReport(Guid ProjectId, DateTimeOffset ReceivedAt, int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Events, MetricReceipt? Receipt);

/// <summary>
/// 接口采集: takes a client's events for one pilot, judges each against the supervision plan in
/// force, saves the new ones in one transaction (idempotent on project, source and id: one lookup
/// for the whole batch, and the unique index settles races), tells every
/// <see cref="IMetricSampleListener"/> of what was saved, and signs a receipt.
/// </summary>
public sealed class MetricIngestion(
    FinPilotDbContext db,
    SupervisionPlans plans,
    MetricSampleWriter writer,
    MetricReceipts receipts,
    IEnumerable<IMetricSampleListener> listeners,
    TimeProvider clock,
    ILogger<MetricIngestion> logger)
{
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Metrics.Project.NotFound");

    /// <summary>Stages in which a pilot is under supervision and reports.</summary>
    public static bool IsSupervised(ProjectStage stage) => stage is ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended;

    public async Task<Result<IngestionReport>> SubmitAsync(Guid projectId, Guid clientId, Guid organisationId, IReadOnlyList<ReadEvent> events, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.LeadOrganisationId, p.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new Error(ProjectNotFound);
        }

        // Another organisation's pilot: refused, whatever its state.
        if (project.LeadOrganisationId != organisationId)
        {
            return Problems.Forbidden;
        }

        if (!IsSupervised(project.Stage))
        {
            return new Error(MetricsErrors.ProjectNotRunning, null, project.Stage);
        }

        if (await plans.TermsInForceAsync(projectId, cancellationToken) is not { } terms)
        {
            return new Error(MetricsErrors.PlanNotInForce);
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var results = new EventResult?[events.Count];
        var candidates = new List<(int Slot, ReadEvent Event)>(events.Count);
        var seen = new HashSet<(string, string)>();
        for (var slot = 0; slot < events.Count; slot++)
        {
            var e = events[slot];
            var error = e.Error ?? MetricEventRules.Check(e.Reading!, terms, now, today);
            if (error is not null)
            {
                results[slot] = Refused(e, error);
            }
            else if (!seen.Add((e.Source!, e.Id!)))
            {
                results[slot] = new EventResult(e.Index, e.Id, e.Source, EventOutcome.Duplicate);
            }
            else
            {
                candidates.Add((slot, e));
            }
        }

        // One query for the whole batch: which of these ids the project already holds.
        // The ids and sources go as one array parameter each (JSON on SQLite), not one parameter per id.
        var ids = candidates.Select(c => c.Event.Id!).Distinct().ToList();
        var sources = candidates.Select(c => c.Event.Source!).Distinct().ToList();
        var held = new HashSet<(string, string)>();
        if (ids.Count > 0)
        {
            var found = await db.MetricSamples.AsNoTracking()
                .Where(s => s.ProjectId == projectId && EF.Parameter(sources).Contains(s.Source) && EF.Parameter(ids).Contains(s.EventId))
                .Select(s => new { s.Source, s.EventId }).ToListAsync(cancellationToken);
            held.UnionWith(found.Select(f => (f.Source, f.EventId)));
        }

        var fresh = new List<(int Slot, ReadEvent Event, MetricSample Sample)>(candidates.Count);
        foreach (var (slot, e) in candidates)
        {
            if (held.Contains((e.Source!, e.Id!)))
            {
                results[slot] = new EventResult(e.Index, e.Id, e.Source, EventOutcome.Duplicate);
                continue;
            }

            var r = e.Reading!;
            fresh.Add((slot, e, MetricSample.Record(projectId, r.Metric, r.PeriodStart, r.PeriodEnd, r.Value, r.Time!.Value, now, e.Source!, e.Id!, clientId)));
        }

        var written = await writer.InsertNewAsync([.. fresh.Select(f => f.Sample)], cancellationToken);
        var saved = new List<MetricSample>(written.Count);
        var literals = new List<ReceiptLiterals>(written.Count);
        foreach (var (slot, e, sample) in fresh)
        {
            // Not written: an identical event was saved by another request since the lookup.
            var isNew = written.Contains((e.Source!, e.Id!));
            results[slot] = new EventResult(e.Index, e.Id, e.Source, isNew ? EventOutcome.Accepted : EventOutcome.Duplicate);
            if (isNew)
            {
                saved.Add(sample);
                literals.Add(e.Literals!);
            }
        }

        if (saved.Count > 0)
        {
            await TellListenersAsync(projectId, saved, cancellationToken);
        }

        var all = results.Select(r => r!).ToList();
        return new IngestionReport(
            projectId, now, saved.Count, all.Count(r => r.Status == EventOutcome.Duplicate), all.Count(r => r.Status == EventOutcome.Rejected), all,
            receipts.Sign(projectId, clientId, now, literals));
    }

    private static EventResult Refused(ReadEvent e, Error error) =>
        new(e.Index, e.Id, e.Source, EventOutcome.Rejected, error.Code.Value, error.Field, ErrorText.Describe(error));

    // The samples are saved: a listener's failure is logged, never turned into a refusal.
    private async Task TellListenersAsync(Guid projectId, IReadOnlyList<MetricSample> saved, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.SamplesAcceptedAsync(projectId, saved, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Metric sample listener {Listener} failed for project {Project}.", listener.GetType().Name, projectId);
            }
        }
    }
}
