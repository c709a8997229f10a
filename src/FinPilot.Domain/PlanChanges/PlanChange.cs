using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.PlanChanges;

/// <summary>Where a change request is. The numbers are stored, so they never change.</summary>
public enum PlanChangeStatus
{
    /// <summary>A minor change awaiting the region's working group.</summary>
    AwaitingWorkingGroup = 1,

    /// <summary>A major change awaiting the coordination group's resolution.</summary>
    AwaitingCoordinationGroup = 2,

    Approved = 3,

    Rejected = 4,

    /// <summary>Taken back by the institution before a decision.</summary>
    Withdrawn = 5,

    /// <summary>A major change in its expert review, before the working group forwards it to the coordination group.</summary>
    AwaitingExpertReview = 6,
}

/// <summary>What the institution asks for: the proposed parameters, why, and from when.</summary>
public sealed record ChangeProposal
{
    public int? CustomerCap { get; init; }

    public decimal? AmountPerCustomerCap { get; init; }

    public string Scope { get; init; } = string.Empty;

    public DateOnly EndsOn { get; init; }

    public string Reason { get; init; } = string.Empty;

    public DateOnly EffectiveOn { get; init; }

    /// <summary>The partner organisations proposed (the whole list); null keeps the current ones.</summary>
    public IReadOnlyList<Guid>? PartnerOrganisationIds { get; init; }

    /// <summary>The technology codes proposed (the whole list); null keeps the current ones.</summary>
    public IReadOnlyList<string>? TechnologyCodes { get; init; }

    /// <summary>The metric set proposed (every metric to report, with its limits); null keeps the current one.</summary>
    public IReadOnlyList<MetricDefinition>? Metrics { get; init; }

    /// <summary>The proposed parameters: the approved start stays; a list not proposed stays as it is.</summary>
    public TestParameters Over(TestParameters current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return (current with
        {
            CustomerCap = CustomerCap,
            AmountPerCustomerCap = AmountPerCustomerCap,
            Scope = Scope?.Trim() ?? string.Empty,
            EndsOn = EndsOn,
            PartnerOrganisationIds = PartnerOrganisationIds ?? current.PartnerOrganisationIds,
            TechnologyCodes = TechnologyCodes ?? current.TechnologyCodes,
        }).Normalised();
    }

    /// <summary>The proposed metric set over the plan's active metrics, in code order; the current ones when none is proposed.</summary>
    public IReadOnlyList<MetricDefinition> MetricsOver(IReadOnlyList<MetricDefinition> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return PlanChangeRouting.InOrder(Metrics is null ? current : Metrics.Select(m => m with
        {
            Code = m.Code?.Trim() ?? string.Empty,
            NameZh = m.NameZh?.Trim() ?? string.Empty,
            NameEn = m.NameEn?.Trim() ?? string.Empty,
            Unit = m.Unit?.Trim() ?? string.Empty,
            Retired = false,
        }));
    }
}

/// <summary>
/// 方案变更申请: an institution's request to change the approved plan of its running pilot — the
/// current parameters and the proposed ones side by side, the reason and the effective date. Routed
/// on creation (minor → the region's working group; major → the coordination group); once approved,
/// it becomes a new revision of the supervision plan on its effective date.
/// </summary>
public sealed class PlanChange : ISupervisedRecord, IRecordsEvents
{
    public const int MaxReasonLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxActorLength = 450;

    private readonly EventLog _events = new();

    private PlanChange()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The plan revision the request was made against.</summary>
    public int BaseRevision { get; private set; }

    public TestParameters Current { get; private set; } = new();

    public TestParameters Proposed { get; private set; } = new();

    /// <summary>The plan's active metrics when the change was requested (null on requests made before metrics could be proposed).</summary>
    public IReadOnlyList<MetricDefinition>? CurrentMetrics { get; private set; }

    /// <summary>The proposed metric set (null on requests made before metrics could be proposed: the metrics stay).</summary>
    public IReadOnlyList<MetricDefinition>? ProposedMetrics { get; private set; }

    public IReadOnlyList<PlanField> ChangedFields { get; private set; } = [];

    public string Reason { get; private set; } = string.Empty;

    public DateOnly EffectiveOn { get; private set; }

    public ChangeRoute Route { get; private set; }

    public IReadOnlyList<RouteReason> RouteReasons { get; private set; } = [];

    public PlanChangeStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public string RequestedBy { get; private set; } = string.Empty;

    /// <summary>The meeting and agenda item a major change was put on; null until then.</summary>
    public Guid? MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The decision's reasons (the working group's, or the resolution's text).</summary>
    public string? DecisionNote { get; private set; }

    /// <summary>When the approved change became a revision of the plan; null until its effective date.</summary>
    public DateTimeOffset? AppliedAt { get; private set; }

    /// <summary>The plan revision the approved change became.</summary>
    public int? AppliedRevision { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The expert review of a major change; null until started (and for changes that need none).</summary>
    public ExpertReview? Review { get; private set; }

    /// <summary>When the working group forwarded the reviewed change to the coordination group, and its view.</summary>
    public DateTimeOffset? ForwardedAt { get; private set; }

    public string? ForwardedBy { get; private set; }

    public string? ForwardNote { get; private set; }

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>The statuses of a change still to be decided.</summary>
    public static IReadOnlyList<PlanChangeStatus> OpenStatuses { get; } =
        [PlanChangeStatus.AwaitingWorkingGroup, PlanChangeStatus.AwaitingCoordinationGroup, PlanChangeStatus.AwaitingExpertReview];

    /// <summary>
    /// The institution asks to change the plan in force of its running pilot. Refused when nothing
    /// would change, when the proposed parameters are invalid, or when the effective date is past or
    /// after the proposed end.
    /// </summary>
    public static Result<PlanChange> Request(
        PilotProject project, SupervisionPlan plan, ChangeProposal proposal, ChangeRules rules, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (project.Stage is not (ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended))
        {
            return new Error(PlanChangeErrors.ProjectNotRunning, null, project.Stage);
        }

        if (!plan.InForce || plan.ProjectId != project.Id)
        {
            return new Error(PlanChangeErrors.PlanNotFound);
        }

        var current = plan.Terms.Parameters.Normalised();
        var proposed = proposal.Over(current);
        var currentMetrics = PlanChangeRouting.InOrder(plan.Terms.ActiveMetrics());
        var proposedMetrics = proposal.MetricsOver(currentMetrics);
        var errors = proposed.Validate("Proposed").ToList();
        errors.AddRange((plan.Terms with { Metrics = proposedMetrics, Parameters = proposed }).Validate()
            .Where(e => e.Field is { } f && f.StartsWith(nameof(SupervisionTerms.Metrics), StringComparison.Ordinal)));
        errors.AddRange(Text.Required(proposal.Reason, nameof(ChangeProposal.Reason), MaxReasonLength));
        var today = ChinaTime.DateOf(now);
        if (proposal.EffectiveOn < today)
        {
            errors.Add(new Error(PlanChangeErrors.EffectiveInPast, nameof(ChangeProposal.EffectiveOn), today));
        }
        else if (proposal.EffectiveOn > proposed.EndsOn)
        {
            errors.Add(new Error(PlanChangeErrors.EffectiveAfterEnd, nameof(ChangeProposal.EffectiveOn), proposed.EndsOn));
        }

        var changed = PlanChangeRouting.ChangedFields(current, proposed, currentMetrics, proposedMetrics);
        if (changed.Count == 0)
        {
            errors.Add(new Error(PlanChangeErrors.NothingChanged));
        }

        if (errors.Count > 0)
        {
            return Result<PlanChange>.Fail([.. errors]);
        }

        var routing = PlanChangeRouting.Route(current, proposed, rules, currentMetrics, proposedMetrics);
        var change = new PlanChange
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            BaseRevision = plan.Revision,
            Current = current,
            Proposed = proposed,
            CurrentMetrics = currentMetrics,
            ProposedMetrics = proposedMetrics,
            ChangedFields = changed,
            Reason = proposal.Reason.Trim(),
            EffectiveOn = proposal.EffectiveOn,
            Route = routing.Route,
            RouteReasons = routing.Reasons,
            Status = routing.Route == ChangeRoute.Minor ? PlanChangeStatus.AwaitingWorkingGroup
                : rules.MajorNeedsExpertReview ? PlanChangeStatus.AwaitingExpertReview : PlanChangeStatus.AwaitingCoordinationGroup,
            RequestedAt = now,
            RequestedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        change._events.Record(new PlanChangeRequested(routing.Route));
        return change;
    }

    /// <summary>The institution takes back a change not yet decided.</summary>
    public Result Withdraw(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!IsOpen || AgendaItemId is not null)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        Status = PlanChangeStatus.Withdrawn;
        DecidedAt = now;
        DecidedBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeWithdrawn());
        return Result.Ok();
    }

    /// <summary>The region's working group approves or rejects a minor change, with its reasons.</summary>
    public Result Decide(bool approve, string note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Route == ChangeRoute.Major)
        {
            return new Error(PlanChangeErrors.MajorNeedsCoordinationGroup);
        }

        return Close(approve, note, now, actorUserId, byCoordinationGroup: false);
    }

    /// <summary>The working group (or the secretariat) starts the expert review of a major change, once.</summary>
    public Result StartReview(int minReviewers, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentOutOfRangeException.ThrowIfLessThan(minReviewers, 1);
        if (Status != PlanChangeStatus.AwaitingExpertReview)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        if (Review is not null)
        {
            return new Error(PlanChangeErrors.ReviewAlreadyStarted);
        }

        Review = new ExpertReview { StartedAt = now, StartedBy = actorUserId, DueAt = dueAt, MinReviewers = minReviewers };
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeReviewStarted(dueAt));
        return Result.Ok();
    }

    /// <summary>
    /// An expert joins the review. Refused when the expert conflicts with the pilot's parties
    /// (<paramref name="conflicts"/>, found by the caller from the record), sits already, or the review is complete.
    /// </summary>
    public Result AssignReviewer(string expertUserId, IReadOnlyList<Evaluation.Conflict> conflicts, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expertUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(conflicts);
        if (Status != PlanChangeStatus.AwaitingExpertReview || Review is null)
        {
            return new Error(PlanChangeErrors.ReviewNotOpen);
        }

        if (Review.IsComplete)
        {
            return new Error(PlanChangeErrors.ReviewComplete);
        }

        if (conflicts.Count > 0)
        {
            return new Error(PlanChangeErrors.ReviewerConflicted, "expertUserId", string.Join(",", conflicts.Select(c => c.Reason)));
        }

        if (Review.SeatOf(expertUserId) is not null)
        {
            return new Error(PlanChangeErrors.ReviewerAlreadyAssigned, "expertUserId");
        }

        if (Review.Reviewers.Count >= ExpertReview.MaxReviewers)
        {
            return new Error(PlanChangeErrors.ReviewFull, null, ExpertReview.MaxReviewers);
        }

        Review = Review with { Reviewers = [.. Review.Reviewers, new ReviewerSeat { ExpertUserId = expertUserId, AssignedAt = now, AssignedBy = actorUserId, DueAt = dueAt }] };
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeReviewerAssigned(expertUserId));
        return Result.Ok();
    }

    /// <summary>An assigned expert scores the change on the change rubric, once; the last expert's sheet completes the review.</summary>
    public Result SubmitReview(string expertUserId, IReadOnlyList<CriterionScore> scores, Evaluation.Recommendation? recommendation, string opinion, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expertUserId);
        if (Status != PlanChangeStatus.AwaitingExpertReview || Review is null)
        {
            return new Error(PlanChangeErrors.ReviewNotOpen);
        }

        if (Review.SeatOf(expertUserId) is not { } seat)
        {
            return new Error(PlanChangeErrors.NotReviewer);
        }

        if (seat.Submitted)
        {
            return new Error(PlanChangeErrors.ReviewAlreadySubmitted);
        }

        var errors = ExpertReview.Validate(scores, recommendation, opinion);
        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        var sheet = seat with
        {
            Scores = [.. ExpertReview.Criteria.Select(c => scores.Single(s => s.Criterion == c)).Select(s => s with { Comment = s.Comment.Trim() })],
            Recommendation = recommendation,
            Opinion = opinion.Trim(),
            SubmittedAt = now,
        };
        var seats = Review.Reviewers.Select(r => r.ExpertUserId == expertUserId ? sheet : r).ToList();
        var complete = seats.Count >= Review.MinReviewers && seats.All(r => r.Submitted);
        Review = Review with { Reviewers = seats, CompletedAt = complete ? now : null };
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeReviewSubmitted(expertUserId, recommendation!.Value));
        if (complete)
        {
            _events.Record(new PlanChangeReviewCompleted());
        }

        return Result.Ok();
    }

    /// <summary>The working group forwards a reviewed major change, with its view, to the coordination group.</summary>
    public Result Forward(string view, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != PlanChangeStatus.AwaitingExpertReview)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        if (Review is not { IsComplete: true })
        {
            return new Error(PlanChangeErrors.ReviewNotComplete);
        }

        var errors = Text.Required(view, nameof(view), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = PlanChangeStatus.AwaitingCoordinationGroup;
        ForwardedAt = now;
        ForwardedBy = actorUserId;
        ForwardNote = view.Trim();
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeForwarded());
        return Result.Ok();
    }

    /// <summary>A major change is put on a coordination-group meeting's agenda (one item, once).</summary>
    public Result PutOnAgenda(Guid meetingId, Guid itemId)
    {
        if (Route != ChangeRoute.Major)
        {
            return new Error(PlanChangeErrors.MinorStaysWithWorkingGroup);
        }

        if (Status != PlanChangeStatus.AwaitingCoordinationGroup)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        if (AgendaItemId is not null)
        {
            return new Error(PlanChangeErrors.AlreadyOnAgenda);
        }

        MeetingId = meetingId;
        AgendaItemId = itemId;
        Version = Guid.NewGuid();
        _events.Record(new PlanChangePutOnAgenda(meetingId, itemId));
        return Result.Ok();
    }

    /// <summary>The coordination group's resolution on the agenda item decides a major change.</summary>
    public Result Resolve(Guid meetingId, Guid itemId, bool approve, string resolution, DateTimeOffset now, string chairId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chairId);
        if (Route != ChangeRoute.Major)
        {
            return new Error(PlanChangeErrors.MinorStaysWithWorkingGroup);
        }

        MeetingId = meetingId;
        AgendaItemId = itemId;
        return Close(approve, resolution, now, chairId, byCoordinationGroup: true);
    }

    /// <summary>Whether an approved change is due to become the plan on <paramref name="today"/>.</summary>
    public bool IsDueOn(DateOnly today) => Status == PlanChangeStatus.Approved && AppliedAt is null && EffectiveOn <= today;

    /// <summary>The terms the plan takes on when this change applies: its parameters, the rest as they are now.</summary>
    public SupervisionTerms ApplyTo(SupervisionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms with
        {
            Parameters = terms.Parameters with
            {
                CustomerCap = Proposed.CustomerCap,
                AmountPerCustomerCap = Proposed.AmountPerCustomerCap,
                Scope = Proposed.Scope,
                EndsOn = Proposed.EndsOn,
                PartnerOrganisationIds = Proposed.PartnerOrganisationIds,
                TechnologyCodes = Proposed.TechnologyCodes,
            },
            Metrics = ChangedFields.Contains(PlanField.Metrics) && ProposedMetrics is { } metrics ? MetricsAfter(terms.Metrics, metrics) : terms.Metrics,
        };
    }

    /// <summary>
    /// The plan's metrics once the proposed set applies: a kept metric takes its proposed definition, a metric
    /// left out is retired (its samples stay readable), a new one is added; a retired metric proposed again returns.
    /// </summary>
    public static IReadOnlyList<MetricDefinition> MetricsAfter(IReadOnlyList<MetricDefinition> plan, IReadOnlyList<MetricDefinition> proposed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposed);
        var byCode = proposed.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var kept = plan.Select(m => byCode.TryGetValue(m.Code, out var next) ? next with { Retired = false } : m with { Retired = true }).ToList();
        kept.AddRange(proposed.Where(m => !plan.Any(p => string.Equals(p.Code, m.Code, StringComparison.Ordinal))));
        return kept;
    }

    /// <summary>The approved change has become revision <paramref name="revision"/> of the plan.</summary>
    public Result MarkApplied(int revision, DateTimeOffset now, bool automatic)
    {
        if (Status != PlanChangeStatus.Approved || AppliedAt is not null)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        AppliedAt = now;
        AppliedRevision = revision;
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeApplied(revision, automatic));
        return Result.Ok();
    }

    private Result Close(bool approve, string note, DateTimeOffset now, string actorUserId, bool byCoordinationGroup)
    {
        var expected = byCoordinationGroup ? PlanChangeStatus.AwaitingCoordinationGroup : PlanChangeStatus.AwaitingWorkingGroup;
        if (Status != expected)
        {
            return new Error(PlanChangeErrors.NotAwaiting, null, Status);
        }

        var errors = Text.Required(note, nameof(note), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = approve ? PlanChangeStatus.Approved : PlanChangeStatus.Rejected;
        DecidedAt = now;
        DecidedBy = actorUserId;
        DecisionNote = note.Trim();
        Version = Guid.NewGuid();
        _events.Record(new PlanChangeDecided(approve, byCoordinationGroup));
        return Result.Ok();
    }
}

/// <summary>The institution asked for a change; it was routed as it says.</summary>
public sealed record PlanChangeRequested(ChangeRoute Route) : IDomainEvent;

public sealed record PlanChangeWithdrawn : IDomainEvent;

public sealed record PlanChangePutOnAgenda(Guid MeetingId, Guid ItemId) : IDomainEvent;

/// <summary>Approved or rejected, by the working group or by the coordination group's resolution.</summary>
public sealed record PlanChangeDecided(bool Approved, bool ByCoordinationGroup) : IDomainEvent;

public sealed record PlanChangeReviewStarted(DateTimeOffset DueAt) : IDomainEvent;

public sealed record PlanChangeReviewerAssigned(string ExpertUserId) : IDomainEvent;

public sealed record PlanChangeReviewSubmitted(string ExpertUserId, Evaluation.Recommendation Recommendation) : IDomainEvent;

/// <summary>Every assigned expert has scored.</summary>
public sealed record PlanChangeReviewCompleted : IDomainEvent;

/// <summary>The working group sent the reviewed change to the coordination group.</summary>
public sealed record PlanChangeForwarded : IDomainEvent;

/// <summary>The approved change became a revision of the plan on its effective date (by the job when <paramref name="Automatic"/>).</summary>
public sealed record PlanChangeApplied(int Revision, bool Automatic) : IDomainEvent;
