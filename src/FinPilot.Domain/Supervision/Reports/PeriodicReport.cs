using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Supervision.Reports;

/// <summary>
/// A pilot's report for one period (定期报告). The lead institution drafts and submits it; once
/// submitted it is frozen; the working group accepts it or asks for more by a deadline, after which
/// the institution amends and resubmits. Every move is checked against <see cref="ReportLifecycle"/>.
/// </summary>
public sealed class PeriodicReport : IRegionScoped, IRecordsEvents
{
    public const int MaxFiles = 20;
    public const int MaxReviewTextLength = 4000;
    public const int MinDeadlineWorkingDays = 1;
    public const int MaxDeadlineWorkingDays = 60;

    private readonly EventLog _events = new();

    private PeriodicReport()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The plan revision the report was opened under.</summary>
    public int PlanRevision { get; private set; }

    public ReportFrequency Frequency { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The period's key, as obligations name it ("2026-03", "2026-Q1").</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>The approved customer cap when the report was opened, shown beside customers served.</summary>
    public int? CustomerCap { get; private set; }

    public ReportStatus Status { get; private set; }

    public ReportContent Content { get; private set; } = new();

    public IReadOnlyList<ReportFile> Files { get; private set; } = [];

    public IReadOnlyList<ReportSubmission> Submissions { get; private set; } = [];

    public IReadOnlyList<ReportReview> Reviews { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it was last submitted; null while a first draft.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The deadline of the open request for more; null unless more is requested.</summary>
    public DateTimeOffset? MoreDueAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsEditable => ReportLifecycle.IsEditable(Status);

    /// <summary>Opens the draft of one period under a confirmed plan.</summary>
    public static Result<PeriodicReport> Open(SupervisionPlan plan, ReportPeriod period, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!plan.InForce)
        {
            return new Error(ReportErrors.PlanNotInForce);
        }

        var report = new PeriodicReport
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = plan.ProjectId,
            RegionId = plan.RegionId,
            OrganisationId = plan.OrganisationId,
            PlanRevision = plan.Revision,
            Frequency = plan.Terms.ReportFrequency,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            Subject = period.Subject,
            CustomerCap = plan.Terms.Parameters.CustomerCap,
            Status = ReportStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        report._events.Record(new ReportOpened());
        return report;
    }

    /// <summary>Replaces the content while the report is editable; <paramref name="reportableMetrics"/> are the codes that may be typed.</summary>
    public Result Update(ReportContent content, IReadOnlySet<string> reportableMetrics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsEditable)
        {
            return new Error(ReportErrors.Frozen, null, Status);
        }

        var errors = content.Validate(reportableMetrics).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Content = content.Cleaned();
        Touch(now);
        _events.Record(new ReportSaved());
        return Result.Ok();
    }

    public Result Attach(ReportFile file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsEditable)
        {
            return new Error(ReportErrors.Frozen, null, Status);
        }

        if (Files.Count >= MaxFiles)
        {
            return new Error(ReportErrors.TooManyFiles, "File", MaxFiles);
        }

        Files = [.. Files, file];
        Touch(now);
        _events.Record(new ReportFileAttached(file));
        return Result.Ok();
    }

    public Result RemoveFile(Guid fileId, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return new Error(ReportErrors.Frozen, null, Status);
        }

        if (Files.All(f => f.Id != fileId))
        {
            return new Error(ReportErrors.FileNotFound);
        }

        var removed = Files.First(f => f.Id == fileId);
        Files = [.. Files.Where(f => f.Id != fileId)];
        Touch(now);
        _events.Record(new ReportFileRemoved(removed));
        return Result.Ok();
    }

    /// <summary>
    /// Submits (or resubmits) the report, which freezes it. The typed metric values must still be
    /// reportable: a value the machine has sent for the period meanwhile is refused, not counted twice.
    /// </summary>
    public Result Submit(IReadOnlySet<string> reportableMetrics, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (ReportLifecycle.Next(Status, ReportTrigger.Submit) is not { } next)
        {
            return new Error(ReportErrors.WrongStatus, null, Status);
        }

        var errors = Content.Validate(reportableMetrics).ToList();
        if (string.IsNullOrWhiteSpace(Content.Progress))
        {
            errors.Add(new Error(ReportErrors.ProgressRequired, nameof(ReportContent.Progress)));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Status = next;
        Submissions = [.. Submissions, new ReportSubmission(Submissions.Count + 1, now, actorUserId)];
        SubmittedAt = now;
        MoreDueAt = null;
        Touch(now);
        _events.Record(new ReportSubmitted());
        return Result.Ok();
    }

    /// <summary>The working group accepts the submitted report; final.</summary>
    public Result Accept(string? note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (ReportLifecycle.Next(Status, ReportTrigger.Accept) is not { } next)
        {
            return new Error(ReportErrors.WrongStatus, null, Status);
        }

        var errors = Text.Optional(note, "Note", MaxReviewTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = next;
        Reviews = [.. Reviews, new ReportReview(ReportTrigger.Accept, Text.Clean(note), null, now, actorUserId)];
        Touch(now);
        _events.Record(new ReportAccepted(note));
        return Result.Ok();
    }

    /// <summary>The working group asks for more by <paramref name="deadline"/> (computed in working days by the caller).</summary>
    public Result RequestMore(string request, DateTimeOffset deadline, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (ReportLifecycle.Next(Status, ReportTrigger.RequestMore) is not { } next)
        {
            return new Error(ReportErrors.WrongStatus, null, Status);
        }

        var errors = Text.Required(request, "Request", MaxReviewTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = next;
        MoreDueAt = deadline;
        Reviews = [.. Reviews, new ReportReview(ReportTrigger.RequestMore, request.Trim(), deadline, now, actorUserId)];
        Touch(now);
        _events.Record(new ReportMoreRequested(request, deadline));
        return Result.Ok();
    }

    /// <summary>The subject of the supplement asked for by the latest request ("2026-03#1").</summary>
    public string SupplementSubject => $"{Subject}#{Reviews.Count(r => r.Outcome == ReportTrigger.RequestMore)}";

    /// <summary>The source a typed metric value is recorded under when the report is submitted.</summary>
    public string SampleSource => $"report:{Id}";

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>The institution opened the report of a period.</summary>
public sealed record ReportOpened : IDomainEvent;

/// <summary>The institution saved the draft's content.</summary>
public sealed record ReportSaved : IDomainEvent;

public sealed record ReportFileAttached(ReportFile File) : IDomainEvent;

public sealed record ReportFileRemoved(ReportFile File) : IDomainEvent;

/// <summary>The institution submitted (or resubmitted) the report.</summary>
public sealed record ReportSubmitted : IDomainEvent;

/// <summary>The working group accepted the report, with the note as typed.</summary>
public sealed record ReportAccepted(string? Note) : IDomainEvent;

/// <summary>The working group asked for more by the deadline, with the request as typed.</summary>
public sealed record ReportMoreRequested(string Request, DateTimeOffset Due) : IDomainEvent;
