using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Exit;

/// <summary>The audit actions and public record kinds of the exit path.</summary>
public static class ExitActions
{
    public const string Opened = "exit.opened";
    public const string SelfAssessmentSaved = "exit.self-assessment-saved";
    public const string ChecklistItemRecorded = "exit.checklist-item-recorded";
    public const string SubmittedForAudit = "exit.submitted-for-audit";
    public const string QuestionAsked = "exit.question-asked";
    public const string QuestionAnswered = "exit.question-answered";
    public const string AuditAccepted = "exit.audit-accepted";
    public const string ReviewStarted = "exit.review-started";
    public const string ReviewerAssigned = "exit.reviewer-assigned";
    public const string ReviewSubmitted = "exit.review-submitted";
    public const string ReviewCompleted = "exit.review-completed";
    public const string Forwarded = "exit.forwarded";
    public const string PutOnAgenda = "exit.put-on-agenda";
    public const string TierDecided = "exit.tier-decided";
    public const string Confirmed = "exit.confirmed";
    public const string SentBack = "exit.sent-back";

    /// <summary>The kinds of the public records (and so of the ledger entries) of the exit path.</summary>
    public const string RecordRequested = "Exit.Requested";
    public const string RecordTerminated = "Exit.Terminated";
    public const string RecordStep = "Exit.Step";
    public const string RecordExited = "Exit.Exited";
    public const string RecordTier = "Exit.Tier";
}

/// <summary>The audit line of every event an <see cref="ExitCase"/> records.</summary>
public sealed class ExitAuditMap : AuditMap<ExitCase>
{
    protected override AuditLine? Map(ExitCase c, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ExitOpened e => Line(c, ExitActions.Opened, new { c.ProjectId, mode = e.Mode.ToString(), c.Reasons, c.TransitionPlan, c.TerminationMeetingId }),
        ExitSelfAssessmentSaved => Line(c, ExitActions.SelfAssessmentSaved, new { c.ProjectId, metrics = c.SelfAssessment?.MetricsSummary.Count }),
        ExitChecklistItemRecorded e => Line(c, ExitActions.ChecklistItemRecorded, new
        {
            c.ProjectId,
            kind = e.Kind.ToString(),
            done = e.Done,
            evidence = c.Checklist.FirstOrDefault(i => i.Kind == e.Kind)?.Evidence,
            file = c.Checklist.FirstOrDefault(i => i.Kind == e.Kind)?.FileSha256,
        }),
        ExitSubmittedForAudit e => Line(c, ExitActions.SubmittedForAudit, new { c.ProjectId, submission = e.Submission }),
        ExitQuestionAsked e => Line(c, ExitActions.QuestionAsked, new { c.ProjectId, number = e.Number, e.DueAt, text = c.Questions.FirstOrDefault(q => q.Number == e.Number)?.Text }),
        ExitQuestionAnswered e => Line(c, ExitActions.QuestionAnswered, new { c.ProjectId, number = e.Number }),
        ExitAuditAccepted => Line(c, ExitActions.AuditAccepted, new { c.ProjectId, note = c.AuditNote }),
        ExitReviewStarted e => Line(c, ExitActions.ReviewStarted, new { c.ProjectId, e.DueAt, minReviewers = c.Review?.MinReviewers }),
        ExitReviewerAssigned e => Line(c, ExitActions.ReviewerAssigned, new { c.ProjectId, expert = e.ExpertUserId }),
        ExitReviewSubmitted e => Line(c, ExitActions.ReviewSubmitted, new
        {
            c.ProjectId,
            expert = e.ExpertUserId,
            recommendation = e.Recommendation.ToString(),
            scores = c.Review?.SeatOf(e.ExpertUserId)?.Scores.Select(s => new { criterion = s.Criterion.ToString(), s.Score }),
        }),
        ExitReviewCompleted => Line(c, ExitActions.ReviewCompleted, new { c.ProjectId, summary = c.Review?.Summary() }),
        ExitForwarded e => Line(c, ExitActions.Forwarded, new { c.ProjectId, view = c.ForwardNote, tier = e.ProposedTier.ToString(), score = e.Score, formula = e.FormulaVersion, inputs = c.Proposal?.Inputs }),
        ExitPutOnAgenda e => Line(c, ExitActions.PutOnAgenda, new { c.ProjectId, e.MeetingId, e.ItemId }),
        ExitTierDecided e => Line(c, ExitActions.TierDecided, new { c.ProjectId, proposed = e.Proposed.ToString(), decided = e.Decided.ToString(), overridden = e.Overridden, reason = c.TierDecision?.Reason }),
        ExitConfirmed e => Line(c, ExitActions.Confirmed, new { c.ProjectId, tier = e.Tier.ToString(), mode = c.Mode.ToString(), c.MeetingId, c.AgendaItemId, resolution = c.Resolution }),
        ExitSentBack => Line(c, ExitActions.SentBack, new { c.ProjectId, resolution = c.Resolution }),
        _ => null,
    };

    private static AuditLine Line(ExitCase c, string action, object details) =>
        new(action, AuditResource.ExitCase, c.Id.ToString(), details, c.RegionId);
}
