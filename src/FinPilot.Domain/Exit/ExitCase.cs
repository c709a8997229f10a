using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Exit;

/// <summary>
/// 退出: one pilot's exit, from the application (试点完成 / 主动退出) or the coordination group's
/// termination (终止) to the resolution that confirms it and its tier. The path is self-assessment
/// with the customer-protection checklist → the working group's audit (which may send questions back,
/// re-opening the self-assessment) → an expert opinion → the coordination group's confirmation.
/// The pilot's own stage moves in <see cref="PilotProject"/>; this case keeps the record of the path.
/// </summary>
public sealed class ExitCase : Supervision.ISupervisedRecord, IRecordsEvents
{
    public const int MaxReasonLength = 4000;
    public const int MaxNoteLength = 2000;
    public const int MaxEvidenceLength = 2000;

    /// <summary>The longest evidence file name kept (the end is kept, where the extension is).</summary>
    public const int MaxFileNameLength = 200;
    public const int MaxActorLength = 450;

    private readonly EventLog _events = new();

    private ExitCase()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ExitMode Mode { get; private set; }

    public ExitStatus Status { get; private set; }

    /// <summary>Why the pilot exits: the institution's reasons, or the termination resolution's text.</summary>
    public string Reasons { get; private set; } = string.Empty;

    /// <summary>The customer transition plan (客户过渡方案), required for a withdrawal.</summary>
    public string? TransitionPlan { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; } = string.Empty;

    /// <summary>The termination resolution's meeting and item; null for an application.</summary>
    public Guid? TerminationMeetingId { get; private set; }

    public ExitSelfAssessment? SelfAssessment { get; private set; }

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public IReadOnlyList<ExitQuestion> Questions { get; private set; } = [];

    /// <summary>How many times the self-assessment has been submitted for audit.</summary>
    public int Submissions { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? AuditedAt { get; private set; }

    public string? AuditedBy { get; private set; }

    public string? AuditNote { get; private set; }

    public ExitReview? Review { get; private set; }

    public DateTimeOffset? ForwardedAt { get; private set; }

    public string? ForwardNote { get; private set; }

    /// <summary>The working-group officer who forwarded the case to the coordination group with its view.</summary>
    public string? ForwardedBy { get; private set; }

    public TierProposal? Proposal { get; private set; }

    public TierDecision? TierDecision { get; private set; }

    /// <summary>The confirmed tier, once exited.</summary>
    public ExitTier? Tier { get; private set; }

    public Guid? MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public DateTimeOffset? ExitedAt { get; private set; }

    public string? Resolution { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The checklist items still missing: not done, or done without evidence.</summary>
    public IReadOnlyList<ChecklistItemKind> MissingChecklistItems =>
        [.. ChecklistItem.Kinds.Where(k => Checklist.FirstOrDefault(i => i.Kind == k) is not { Done: true } item || string.IsNullOrWhiteSpace(item.Evidence))];

    public bool ChecklistComplete => MissingChecklistItems.Count == 0;

    public IReadOnlyList<ExitQuestion> OpenQuestions => [.. Questions.Where(q => !q.Answered)];

    /// <summary>The tier the resolution would confirm: the decision if the group made one, else the proposal.</summary>
    public ExitTier? TierToConfirm => TierDecision?.Tier ?? Proposal?.Tier;

    /// <summary>
    /// Opens the exit of an admitted pilot: the institution's application for completion or its
    /// withdrawal (reasons, transition plan and the irreversibility confirmed), or the coordination
    /// group's termination. The caller moves the pilot (Running → Exiting) in the same unit of work.
    /// </summary>
    public static Result<ExitCase> Open(
        PilotProject project, ExitMode mode, string reasons, string? transitionPlan, bool confirmed, DateTimeOffset now, string actorUserId, Guid? terminationMeetingId = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!ProjectLifecycle.Admitted.Contains(project.Stage))
        {
            return new Error(ExitErrors.ProjectNotAdmitted, null, project.Stage);
        }

        var errors = new List<Error>();
        errors.AddRange(Text.Required(reasons, nameof(Reasons), MaxReasonLength));
        if (mode == ExitMode.Withdrawn)
        {
            errors.AddRange(Text.Required(transitionPlan, nameof(TransitionPlan), MaxReasonLength));
            if (!confirmed)
            {
                errors.Add(new Error(ExitErrors.WithdrawalNotConfirmed, "Confirmed"));
            }
        }
        else
        {
            errors.AddRange(Text.Optional(transitionPlan, nameof(TransitionPlan), MaxReasonLength));
        }

        if (errors.Count > 0)
        {
            return Result<ExitCase>.Fail([.. errors]);
        }

        var exit = new ExitCase
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Mode = mode,
            Status = ExitStatus.SelfAssessment,
            Reasons = reasons.Trim(),
            TransitionPlan = Text.Clean(transitionPlan),
            OpenedAt = now,
            OpenedBy = actorUserId,
            TerminationMeetingId = terminationMeetingId,
            Checklist = [.. ChecklistItem.Kinds.Select(k => new ChecklistItem { Kind = k })],
            Version = Guid.NewGuid(),
        };
        exit._events.Record(new ExitOpened(mode));
        return exit;
    }

    /// <summary>The institution saves its self-assessment (again, until it is submitted); the metrics summary comes from the record.</summary>
    public Result SaveSelfAssessment(ExitSelfAssessment assessment, IReadOnlyList<MetricSummaryLine> metrics, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.SelfAssessment)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        var errors = assessment.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        SelfAssessment = assessment.Trimmed() with { MetricsSummary = metrics };
        Touch(new ExitSelfAssessmentSaved());
        return Result.Ok();
    }

    /// <summary>
    /// The institution records one checklist item: done or not, with evidence (required when done). The file's name is
    /// kept with its SHA-256: given with a new file; left out, the item keeps the name it had if the file is the same one.
    /// </summary>
    public Result RecordChecklistItem(ChecklistItemKind kind, bool done, string? evidence, string? fileSha256, DateTimeOffset now, string actorUserId, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.SelfAssessment)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (!Enum.IsDefined(kind))
        {
            return new Error(ExitErrors.ChecklistKindInvalid, "Kind");
        }

        var errors = Text.Optional(evidence, "Evidence", MaxEvidenceLength).ToList();
        if (done && string.IsNullOrWhiteSpace(evidence))
        {
            errors.Add(new Error(ExitErrors.EvidenceRequired, "Evidence"));
        }

        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        var sha = Text.Clean(fileSha256);
        var previous = Checklist.FirstOrDefault(i => i.Kind == kind);
        var name = sha is null ? null
            : Text.Clean(fileName) is { } given ? (given.Length <= MaxFileNameLength ? given : given[^MaxFileNameLength..])
            : previous?.FileSha256 == sha ? previous.FileName : null;
        var item = new ChecklistItem { Kind = kind, Done = done, Evidence = evidence?.Trim() ?? string.Empty, FileSha256 = sha, FileName = name, RecordedAt = now, RecordedBy = actorUserId };
        Checklist = [.. ChecklistItem.Kinds.Select(k => k == kind ? item : Checklist.FirstOrDefault(i => i.Kind == k) ?? new ChecklistItem { Kind = k })];
        Touch(new ExitChecklistItemRecorded(kind, done));
        return Result.Ok();
    }

    /// <summary>The institution answers one of the working group's questions.</summary>
    public Result Answer(int number, string answer, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.SelfAssessment)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (Questions.FirstOrDefault(q => q.Number == number) is not { Answered: false } question)
        {
            return new Error(ExitErrors.QuestionNotOpen, "number");
        }

        var errors = Text.Required(answer, nameof(answer), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Questions = [.. Questions.Select(q => q.Number == number ? q with { Answer = answer.Trim(), AnsweredAt = now, AnsweredBy = actorUserId } : q)];
        Touch(new ExitQuestionAnswered(number));
        return Result.Ok();
    }

    /// <summary>
    /// The institution submits the self-assessment and the checklist for the working group's audit:
    /// refused while the self-assessment is missing, the checklist incomplete or a question unanswered.
    /// </summary>
    public Result SubmitForAudit(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.SelfAssessment)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (SelfAssessment is null)
        {
            return new Error(ExitErrors.SelfAssessmentMissing);
        }

        if (!ChecklistComplete)
        {
            return new Error(ExitErrors.ChecklistIncomplete, null, MissingChecklistItems.Count);
        }

        if (OpenQuestions.Count > 0)
        {
            return new Error(ExitErrors.QuestionsOpen, null, OpenQuestions.Count);
        }

        Status = ExitStatus.Audit;
        Submissions++;
        SubmittedAt = now;
        Touch(new ExitSubmittedForAudit(Submissions));
        return Result.Ok();
    }

    /// <summary>The working group sends questions back: the self-assessment re-opens and the institution owes answers by <paramref name="dueAt"/>.</summary>
    public Result AskQuestion(string text, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.Audit)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        var errors = Text.Required(text, nameof(text), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        var number = Questions.Count + 1;
        Questions = [.. Questions, new ExitQuestion { Number = number, Text = text.Trim(), AskedAt = now, AskedBy = actorUserId, DueAt = dueAt }];
        Status = ExitStatus.SelfAssessment;
        Touch(new ExitQuestionAsked(number, dueAt));
        return Result.Ok();
    }

    /// <summary>The working group accepts the self-assessment and the checklist (审核通过); the expert opinion is next.</summary>
    public Result Accept(string note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.Audit)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (!ChecklistComplete)
        {
            return new Error(ExitErrors.ChecklistIncomplete, null, MissingChecklistItems.Count);
        }

        var errors = Text.Required(note, nameof(note), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = ExitStatus.ExpertReview;
        AuditedAt = now;
        AuditedBy = actorUserId;
        AuditNote = note.Trim();
        Touch(new ExitAuditAccepted());
        return Result.Ok();
    }

    public Result StartReview(int minReviewers, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentOutOfRangeException.ThrowIfLessThan(minReviewers, 1);
        if (Status != ExitStatus.ExpertReview)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (Review is not null)
        {
            return new Error(ExitErrors.ReviewAlreadyStarted);
        }

        Review = new ExitReview { StartedAt = now, StartedBy = actorUserId, DueAt = dueAt, MinReviewers = minReviewers };
        Touch(new ExitReviewStarted(dueAt));
        return Result.Ok();
    }

    /// <summary>An expert joins the review; refused when the expert conflicts with the pilot's parties (found by the caller).</summary>
    public Result AssignReviewer(string expertUserId, IReadOnlyList<Conflict> conflicts, DateTimeOffset dueAt, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expertUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(conflicts);
        if (Status != ExitStatus.ExpertReview || Review is null)
        {
            return new Error(ExitErrors.ReviewNotOpen);
        }

        if (Review.IsComplete)
        {
            return new Error(ExitErrors.ReviewComplete);
        }

        if (conflicts.Count > 0)
        {
            return new Error(ExitErrors.ReviewerConflicted, "expertUserId", string.Join(",", conflicts.Select(c => c.Reason)));
        }

        if (Review.SeatOf(expertUserId) is not null)
        {
            return new Error(ExitErrors.ReviewerAlreadyAssigned, "expertUserId");
        }

        if (Review.Reviewers.Count >= ExitReview.MaxReviewers)
        {
            return new Error(ExitErrors.ReviewFull, null, ExitReview.MaxReviewers);
        }

        Review = Review with { Reviewers = [.. Review.Reviewers, new ExitReviewerSeat { ExpertUserId = expertUserId, AssignedAt = now, AssignedBy = actorUserId, DueAt = dueAt }] };
        Touch(new ExitReviewerAssigned(expertUserId));
        return Result.Ok();
    }

    public Result SubmitReview(string expertUserId, IReadOnlyList<ExitCriterionScore> scores, Recommendation? recommendation, string opinion, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expertUserId);
        if (Status != ExitStatus.ExpertReview || Review is null)
        {
            return new Error(ExitErrors.ReviewNotOpen);
        }

        if (Review.SeatOf(expertUserId) is not { } seat)
        {
            return new Error(ExitErrors.NotReviewer);
        }

        if (seat.Submitted)
        {
            return new Error(ExitErrors.ReviewAlreadySubmitted);
        }

        var errors = ExitReview.Validate(scores, recommendation, opinion);
        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        var sheet = seat with
        {
            Scores = [.. ExitReview.Criteria.Select(c => scores.Single(s => s.Criterion == c)).Select(s => s with { Comment = s.Comment.Trim() })],
            Recommendation = recommendation,
            Opinion = opinion.Trim(),
            SubmittedAt = now,
        };
        var seats = Review.Reviewers.Select(r => r.ExpertUserId == expertUserId ? sheet : r).ToList();
        var complete = seats.Count >= Review.MinReviewers && seats.All(r => r.Submitted);
        Review = Review with { Reviewers = seats, CompletedAt = complete ? now : null };
        _events.Record(new ExitReviewSubmitted(expertUserId, recommendation!.Value));
        Touch(complete ? new ExitReviewCompleted() : null);
        return Result.Ok();
    }

    /// <summary>The working group forwards the reviewed case, with its view and the formula's tier proposal, to the coordination group.</summary>
    public Result Forward(string view, TierProposal proposal, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.ExpertReview)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (Review is not { IsComplete: true })
        {
            return new Error(ExitErrors.ReviewNotComplete);
        }

        var errors = Text.Required(view, nameof(view), MaxNoteLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = ExitStatus.AwaitingCoordinationGroup;
        ForwardedAt = now;
        ForwardNote = view.Trim();
        ForwardedBy = actorUserId;
        Proposal = proposal;
        Touch(new ExitForwarded(proposal.Tier, proposal.Score, proposal.FormulaVersion));
        return Result.Ok();
    }

    /// <summary>The case is put on a coordination-group meeting's agenda as an Exit item, once.</summary>
    public Result PutOnAgenda(Guid meetingId, Guid itemId)
    {
        if (Status != ExitStatus.AwaitingCoordinationGroup)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (AgendaItemId is not null)
        {
            return new Error(ExitErrors.AlreadyOnAgenda);
        }

        MeetingId = meetingId;
        AgendaItemId = itemId;
        Touch(new ExitPutOnAgenda(meetingId, itemId));
        return Result.Ok();
    }

    /// <summary>
    /// The coordination group confirms the proposed tier or overrides it; a tier other than the
    /// proposal needs a reason. May be changed until the resolution.
    /// </summary>
    public Result DecideTier(ExitTier tier, string? reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != ExitStatus.AwaitingCoordinationGroup || Proposal is null)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        if (!Enum.IsDefined(tier))
        {
            return new Error(ExitErrors.TierInvalid, "Tier");
        }

        var overridden = tier != Proposal.Tier;
        var errors = Text.Optional(reason, "Reason", MaxNoteLength).ToList();
        if (overridden && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new Error(ExitErrors.OverrideNeedsReason, "Reason"));
        }

        if (errors.Count > 0)
        {
            return Result.Fail([.. errors]);
        }

        TierDecision = new TierDecision { Tier = tier, Overridden = overridden, Reason = Text.Clean(reason), DecidedAt = now, DecidedBy = actorUserId };
        Touch(new ExitTierDecided(Proposal.Tier, tier, overridden));
        return Result.Ok();
    }

    /// <summary>
    /// The resolution of the Exit item: approved → exited with the tier to confirm (the caller moves the
    /// pilot Exiting → Exited); rejected → back to the working group's audit with the resolution's text.
    /// </summary>
    public Result Resolve(Guid meetingId, Guid itemId, bool approve, string resolution, DateTimeOffset now, string chairId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chairId);
        if (Status != ExitStatus.AwaitingCoordinationGroup || TierToConfirm is not { } tier)
        {
            return new Error(ExitErrors.WrongStep, null, Status);
        }

        MeetingId = meetingId;
        AgendaItemId = itemId;
        Resolution = Text.Clean(resolution);
        if (approve)
        {
            Status = ExitStatus.Exited;
            Tier = tier;
            ExitedAt = now;
            TierDecision ??= new TierDecision { Tier = tier, DecidedAt = now, DecidedBy = chairId };
            Touch(new ExitConfirmed(tier));
        }
        else
        {
            Status = ExitStatus.Audit;
            Review = null;
            Proposal = null;
            TierDecision = null;
            MeetingId = null;
            AgendaItemId = null;
            Touch(new ExitSentBack());
        }

        return Result.Ok();
    }

    private void Touch(IDomainEvent? recorded)
    {
        Version = Guid.NewGuid();
        if (recorded is not null)
        {
            _events.Record(recorded);
        }
    }
}

public sealed record ExitOpened(ExitMode Mode) : IDomainEvent;

public sealed record ExitSelfAssessmentSaved : IDomainEvent;

public sealed record ExitChecklistItemRecorded(ChecklistItemKind Kind, bool Done) : IDomainEvent;

public sealed record ExitSubmittedForAudit(int Submission) : IDomainEvent;

public sealed record ExitQuestionAsked(int Number, DateTimeOffset DueAt) : IDomainEvent;

public sealed record ExitQuestionAnswered(int Number) : IDomainEvent;

public sealed record ExitAuditAccepted : IDomainEvent;

public sealed record ExitReviewStarted(DateTimeOffset DueAt) : IDomainEvent;

public sealed record ExitReviewerAssigned(string ExpertUserId) : IDomainEvent;

public sealed record ExitReviewSubmitted(string ExpertUserId, Recommendation Recommendation) : IDomainEvent;

public sealed record ExitReviewCompleted : IDomainEvent;

public sealed record ExitForwarded(ExitTier ProposedTier, decimal Score, string FormulaVersion) : IDomainEvent;

public sealed record ExitPutOnAgenda(Guid MeetingId, Guid ItemId) : IDomainEvent;

public sealed record ExitTierDecided(ExitTier Proposed, ExitTier Decided, bool Overridden) : IDomainEvent;

public sealed record ExitConfirmed(ExitTier Tier) : IDomainEvent;

/// <summary>The coordination group did not confirm the exit: the case returns to the working group's audit.</summary>
public sealed record ExitSentBack : IDomainEvent;
