using System.Text.Json;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// Computes the rule flags from the record (廉政监督): each rule is a query over the owning module's
/// table, each finding a flag keyed by (rule, record, person). Idempotent: a finding already flagged
/// is skipped, and a scan racing another one that inserts the same key first loses at the unique
/// index and moves on, so no flag is ever made twice.
/// </summary>
public sealed class IntegrityScan(FinPilotDbContext db, CommandPipeline commands, IntegrityOptions options, TimeProvider clock, ConflictFinder conflicts)
{
    private const int MaxAttempts = 5;

    /// <summary>How expert sheets are stored (<see cref="Domain.Evaluation.Rounds.ExpertAssignment.Sheet"/>).</summary>
    private static readonly JsonSerializerOptions SheetOptions = new(JsonSerializerDefaults.Web);

    private sealed record Finding(IntegrityRule Rule, IntegrityTarget Target, IntegrityFacts Facts)
    {
        public string PersonKey => Target.PersonId ?? string.Empty;
    }

    /// <summary>Runs every rule once; the number of flags raised.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var findings = new List<Finding>();
        findings.AddRange(await AlertsDismissedWithoutReasonAsync(ct));
        findings.AddRange(await AlertsDismissedRepeatedlyAsync(now, ct));
        findings.AddRange(await CorrectionsExtendedAsync(ct));
        findings.AddRange(await TolerancesRenewedAsync(ct));
        findings.AddRange(await SheetsReopenedAsync(ct));
        findings.AddRange(await AgainstMajorityAsync(ct));
        findings.AddRange(await AgainstEvaluationAsync(ct));
        findings.AddRange(await DecisionMakersLinkedAsync(ct));

        var raised = 0;
        foreach (var rule in findings.GroupBy(f => f.Rule))
        {
            var ids = rule.Select(f => f.Target.RecordId).Distinct().ToList();
            var known = (await db.IntegrityFlags.AsNoTracking()
                    .Where(f => f.Rule == rule.Key && ids.Contains(f.RecordId))
                    .Select(f => new { f.RecordKind, f.RecordId, f.PersonKey })
                    .ToListAsync(ct))
                .Select(k => (k.RecordKind, k.RecordId, k.PersonKey))
                .ToHashSet();
            foreach (var finding in rule.Where(f => !known.Contains((f.Target.RecordKind, f.Target.RecordId, f.PersonKey))))
            {
                if (await TryRaiseAsync(finding, now, ct))
                {
                    raised++;
                }
            }
        }

        return raised;
    }

    private async Task<bool> TryRaiseAsync(Finding finding, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.IntegrityFlags.Add(IntegrityFlag.Computed(finding.Rule, finding.Target, finding.Facts, now).ValueOrThrow());
            try
            {
                await commands.SaveAsync(ct);

                // Saved and done with: a tracker kept across thousands of findings made every later save walk it all.
                db.ChangeTracker.Clear();
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await ExistsAsync(finding, ct))
                {
                    // Another scan raised the same flag first: the unique index refused the twin.
                    return false;
                }

                if (attempt >= MaxAttempts)
                {
                    throw;
                }

                // Not a twin: the database was busy with another writer (SQLite); try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
            }
        }
    }

    private Task<bool> ExistsAsync(Finding finding, CancellationToken ct) =>
        db.IntegrityFlags.AsNoTracking().AnyAsync(
            f => f.Rule == finding.Rule && f.RecordKind == finding.Target.RecordKind && f.RecordId == finding.Target.RecordId && f.PersonKey == finding.PersonKey, ct);

    private static IntegrityTarget WorkingGroup(IntegrityRecordKind kind, string id, int regionId, Guid projectId, string? person) => new()
    {
        RecordKind = kind,
        RecordId = id,
        RegionId = regionId,
        ProjectId = projectId,
        PersonId = person,
        Unit = ResponsibleUnitKind.WorkingGroup,
    };

    private async Task<IEnumerable<Finding>> AlertsDismissedWithoutReasonAsync(CancellationToken ct)
    {
        var min = options.MinDismissalReasonLength;
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.Dismissed && (a.ClosingNote == null || a.ClosingNote.Trim().Length < min))
            .Select(a => new { a.Id, a.RegionId, a.ProjectId, a.ClosedBy, a.ClosedAt })
            .ToListAsync(ct);
        return alerts.Select(a => new Finding(
            IntegrityRule.AlertDismissedWithoutReason,
            WorkingGroup(IntegrityRecordKind.Alert, a.Id.ToString(), a.RegionId, a.ProjectId, a.ClosedBy),
            new IntegrityFacts { At = a.ClosedAt }));
    }

    private async Task<IEnumerable<Finding>> AlertsDismissedRepeatedlyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-options.AlertDismissalsWindowDays);
        var threshold = options.AlertDismissalsRepeatThreshold;
        var groups = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.Dismissed && a.ClosedBy != null && a.ClosedAt >= since)
            .GroupBy(a => new { a.ClosedBy, a.RegionId })
            .Where(g => g.Count() >= threshold)
            .Select(g => new { g.Key.ClosedBy, g.Key.RegionId, Count = g.Count() })
            .ToListAsync(ct);
        var findings = new List<Finding>();
        foreach (var g in groups)
        {
            // The flag is about the person; the pilot of their latest dismissal carries the explanation's obligation.
            var projectId = await db.Alerts.AsNoTracking()
                .Where(a => a.Status == AlertStatus.Dismissed && a.ClosedBy == g.ClosedBy && a.RegionId == g.RegionId)
                .OrderByDescending(a => a.ClosedAt).Select(a => a.ProjectId).FirstAsync(ct);
            findings.Add(new Finding(
                IntegrityRule.AlertsDismissedRepeatedly,
                WorkingGroup(IntegrityRecordKind.Person, $"{g.ClosedBy}@{g.RegionId}", g.RegionId, projectId, g.ClosedBy),
                new IntegrityFacts { Count = g.Count, Threshold = threshold, WindowDays = options.AlertDismissalsWindowDays }));
        }

        return findings;
    }

    private async Task<IEnumerable<Finding>> CorrectionsExtendedAsync(CancellationToken ct)
    {
        var threshold = options.CorrectionExtensionsThreshold;
        var orders = await db.CorrectionOrders.AsNoTracking().Where(o => o.Extensions >= threshold).ToListAsync(ct);
        return orders.Select(o => new Finding(
            IntegrityRule.CorrectionExtendedRepeatedly,
            WorkingGroup(IntegrityRecordKind.CorrectionOrder, o.Id.ToString(), o.RegionId, o.ProjectId,
                o.Steps.LastOrDefault(s => s.Kind is Domain.Corrections.CorrectionStepKind.Extended or Domain.Corrections.CorrectionStepKind.Rejected)?.By),
            new IntegrityFacts { Count = o.Extensions, Threshold = threshold }));
    }

    private async Task<IEnumerable<Finding>> TolerancesRenewedAsync(CancellationToken ct)
    {
        var threshold = options.TolerancesRenewedThreshold;
        var terms = threshold + 1;
        var deviations = await db.ToleratedDeviations.AsNoTracking().Where(t => t.Term >= terms).ToListAsync(ct);
        return deviations.Select(t => new Finding(
            IntegrityRule.ToleranceRenewed,
            WorkingGroup(IntegrityRecordKind.ToleratedDeviation, t.Id.ToString(), t.RegionId, t.ProjectId,
                t.Steps.LastOrDefault(s => s.Decision == Domain.Corrections.ToleranceDecision.Renew)?.By),
            new IntegrityFacts { Count = t.Renewals, Threshold = threshold }));
    }

    private async Task<IEnumerable<Finding>> SheetsReopenedAsync(CancellationToken ct)
    {
        var sheets = await (
            from a in db.ExpertAssignments.AsNoTracking().Where(a => a.ReopenCount > 0)
            join p in db.Projects.AsNoTracking() on a.ProjectId equals p.Id
            select new { a.Id, a.ExpertUserId, a.ReopenCount, p.RegionId, a.ProjectId })
            .ToListAsync(ct);
        return sheets.Select(s => new Finding(
            IntegrityRule.SheetReopened,
            WorkingGroup(IntegrityRecordKind.ExpertAssignment, s.Id.ToString(), s.RegionId, s.ProjectId, s.ExpertUserId),
            new IntegrityFacts { Count = s.ReopenCount }));
    }

    /// <summary>Outcomes the chair recorded against the majority, from the latest meetings' resolutions (JSON, which no index reaches).</summary>
    private async Task<IEnumerable<Finding>> AgainstMajorityAsync(CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Date).Take(options.RecentMeetings).ToListAsync(ct);
        var against = meetings.SelectMany(m => m.AgendaItems)
            .Where(i => i.Resolution is { AnyAgainstMajority: true })
            .SelectMany(i => i.Resolution!.Outcomes.Where(o => o.AgainstMajority).Select(o => (i.Resolution, Outcome: o)))
            .ToList();
        var projectIds = against.Select(a => a.Outcome.ProjectId).Distinct().ToList();
        var regions = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionId, ct);
        return against.Where(a => regions.ContainsKey(a.Outcome.ProjectId)).Select(a => new Finding(
            IntegrityRule.DecisionAgainstMajority,
            WorkingGroup(IntegrityRecordKind.Project, a.Outcome.ProjectId.ToString(), regions[a.Outcome.ProjectId], a.Outcome.ProjectId, a.Resolution.RecordedBy),
            new IntegrityFacts
            {
                At = a.Resolution.RecordedAt,
                VotesFor = a.Outcome.Tally is { } t ? t.Approve + t.ApproveWithConditions : null,
                VotesAgainst = a.Outcome.Tally?.Reject,
            }));
    }

    /// <summary>
    /// Admission outcomes (from the latest meetings) against the evaluation result: a project admitted
    /// though most of its experts did not recommend it, or rejected though most did; about the chair who
    /// recorded it. A tie is no result to go against. Only the sheets of those outcomes' projects are read.
    /// </summary>
    private async Task<IEnumerable<Finding>> AgainstEvaluationAsync(CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Date).Take(options.RecentMeetings).ToListAsync(ct);
        var outcomes = meetings.SelectMany(m => m.AgendaItems)
            .Where(i => i.Kind == AgendaItemKind.Admission && i.Resolution is not null)
            .SelectMany(i => i.Resolution!.Outcomes.Select(o => (i.Resolution, Outcome: o)))
            .ToList();
        if (outcomes.Count == 0)
        {
            return [];
        }

        var projectIds = outcomes.Select(o => o.Outcome.ProjectId).Distinct().ToList();
        var sheets = await db.ExpertAssignments.AsNoTracking()
            .Where(a => projectIds.Contains(a.ProjectId) && a.SubmittedAt != null && a.ConflictDeclaredAt == null)
            .Select(a => new { a.ProjectId, a.SheetJson })
            .ToListAsync(ct);
        var recommendations = sheets
            .Select(s => (s.ProjectId, JsonSerializer.Deserialize<ScoreSheet>(s.SheetJson, SheetOptions)?.Recommendation))
            .Where(s => s.Recommendation is not null)
            .GroupBy(s => s.ProjectId)
            .ToDictionary(g => g.Key, g => (For: g.Count(s => s.Recommendation is Recommendation.Recommend or Recommendation.RecommendWithConditions),
                Against: g.Count(s => s.Recommendation == Recommendation.DoNotRecommend)));
        var regions = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionId, ct);
        return outcomes
            .Where(o => regions.ContainsKey(o.Outcome.ProjectId) && recommendations.TryGetValue(o.Outcome.ProjectId, out var r) && r.For != r.Against
                && o.Outcome.IsApproval != (r.For > r.Against))
            .Select(o => new Finding(
                IntegrityRule.DecisionAgainstEvaluation,
                WorkingGroup(IntegrityRecordKind.Project, o.Outcome.ProjectId.ToString(), regions[o.Outcome.ProjectId], o.Outcome.ProjectId, o.Resolution.RecordedBy),
                new IntegrityFacts
                {
                    At = o.Resolution.RecordedAt,
                    VotesFor = recommendations[o.Outcome.ProjectId].For,
                    VotesAgainst = recommendations[o.Outcome.ProjectId].Against,
                }));
    }

    /// <summary>
    /// Decisions taken by a person linked to the project's lead or partner organisations — by the
    /// conflict facts of <see cref="ConflictFinder"/> (employment and its history within the lookback,
    /// membership, declarations): coordination-group votes (a recused member's vote is not counted, so
    /// not flagged) and resolutions of the latest meetings, plan changes the working group decided,
    /// correction orders it closed, its screening decisions (accept/reject, about the application) and exit
    /// audits (about the exit case). One flag per decision record and person.
    /// </summary>
    private async Task<IEnumerable<Finding>> DecisionMakersLinkedAsync(CancellationToken ct)
    {
        var decisions = new List<(IntegrityRecordKind Kind, string RecordId, Guid ProjectId, string Person, DateTimeOffset At)>();
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Date).Take(options.RecentMeetings).ToListAsync(ct);
        foreach (var item in meetings.SelectMany(m => m.AgendaItems))
        {
            foreach (var ballot in item.Ballots.Where(b => !item.RecusedMemberIds.Contains(b.MemberId)))
            {
                decisions.AddRange(item.ProjectIds.Where(ballot.AppliesTo)
                    .Select(p => (IntegrityRecordKind.AgendaItem, item.Id.ToString(), p, ballot.MemberId, ballot.CastAt)));
            }

            if (item.Resolution is { } resolution)
            {
                decisions.AddRange(item.ProjectIds.Select(p => (IntegrityRecordKind.AgendaItem, item.Id.ToString(), p, resolution.RecordedBy, resolution.RecordedAt)));
            }
        }

        var changes = await db.PlanChanges.AsNoTracking()
            .Where(c => c.DecidedBy != null && c.DecidedAt != null)
            .Select(c => new { c.Id, c.ProjectId, c.DecidedBy, c.DecidedAt })
            .ToListAsync(ct);
        decisions.AddRange(changes.Select(c => (IntegrityRecordKind.PlanChange, c.Id.ToString(), c.ProjectId, c.DecidedBy!, c.DecidedAt!.Value)));

        var closed = await db.CorrectionOrders.AsNoTracking()
            .Where(o => o.Status == CorrectionStatus.Closed && o.ClosedAt != null)
            .Select(o => new { o.Id, o.ProjectId, o.Steps, o.ClosedAt })
            .ToListAsync(ct);
        decisions.AddRange(closed
            .Select(o => (o, By: o.Steps.LastOrDefault(s => s.Kind == CorrectionStepKind.Closed)?.By))
            .Where(x => x.By is not null)
            .Select(x => (IntegrityRecordKind.CorrectionOrder, x.o.Id.ToString(), x.o.ProjectId, x.By!, x.o.ClosedAt!.Value)));

        // The working group's screening decisions (形式审查: accepted into evaluation, or rejected), from the projects' timelines;
        // the record is the application, one decision per project.
        var screenings = await db.Projects.AsNoTracking()
            .SelectMany(p => p.Timeline.Where(e => e.From == ProjectStage.Screening && (e.Trigger == ProjectTrigger.Accept || e.Trigger == ProjectTrigger.Reject)),
                (p, e) => new { p.Id, e.ActorUserId, e.At })
            .ToListAsync(ct);
        decisions.AddRange(screenings.Select(s => (IntegrityRecordKind.Application, s.Id.ToString(), s.Id, s.ActorUserId, s.At)));

        // The working group's exit audits (退出审核): who accepted the self-assessment.
        var audits = await db.ExitCases.AsNoTracking()
            .Where(x => x.AuditedBy != null && x.AuditedAt != null)
            .Select(x => new { x.Id, x.ProjectId, x.AuditedBy, x.AuditedAt })
            .ToListAsync(ct);
        decisions.AddRange(audits.Select(a => (IntegrityRecordKind.ExitCase, a.Id.ToString(), a.ProjectId, a.AuditedBy!, a.AuditedAt!.Value)));

        decisions = [.. decisions.Where(d => !string.IsNullOrEmpty(d.Person))];
        if (decisions.Count == 0)
        {
            return [];
        }

        var people = decisions.Select(d => d.Person).Distinct(StringComparer.Ordinal).ToList();
        var projectIds = decisions.Select(d => d.ProjectId).Distinct().ToList();
        var links = await conflicts.FindAsync(people, projectIds, ct);
        if (links.Count == 0)
        {
            return [];
        }

        var regions = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionId, ct);
        return decisions
            .Where(d => regions.ContainsKey(d.ProjectId) && links.ContainsKey(new ExpertPair(d.ProjectId, d.Person)))
            .DistinctBy(d => (d.Kind, d.RecordId, d.Person))
            .Select(d => new Finding(
                IntegrityRule.DecisionMakerLinked,
                WorkingGroup(d.Kind, d.RecordId, regions[d.ProjectId], d.ProjectId, d.Person),
                new IntegrityFacts { At = d.At, OrganisationId = links[new ExpertPair(d.ProjectId, d.Person)][0].OrganisationId }));
    }
}

/// <summary>Runs the integrity scan (<see cref="IntegrityScan"/>) under the job lease.</summary>
public sealed class IntegrityScanJob(IServiceScopeFactory scopes, TimeProvider clock, IntegrityOptions options, ILogger<IntegrityScanJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "integrity.scan";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var raised = await services.GetRequiredService<IntegrityScan>().RunAsync(cancellationToken);
        if (raised > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Integrity scan: {Raised} flags raised.", raised);
        }
    }
}
