using FinPilot.Domain.Common;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>The audit actions of the module.</summary>
public static class PlanChangeActions
{
    public const string Requested = "plan-change.requested";
    public const string Withdrawn = "plan-change.withdrawn";
    public const string PutOnAgenda = "plan-change.put-on-agenda";
    public const string Approved = "plan-change.approved";
    public const string Rejected = "plan-change.rejected";
    public const string Applied = "plan-change.applied";
    public const string ReviewStarted = "plan-change.review-started";
    public const string ReviewerAssigned = "plan-change.reviewer-assigned";
    public const string ReviewSubmitted = "plan-change.review-submitted";
    public const string ReviewCompleted = "plan-change.review-completed";
    public const string Forwarded = "plan-change.forwarded";

    /// <summary>The kind of public record an approved major change is (the ledger appends it by this name).</summary>
    public const string RecordMajorChange = "PlanChanges.MajorChangeApproved";

    /// <summary>The system, as the actor of a change applied on its effective date.</summary>
    public const string SystemActor = "system";
}

/// <summary>The audit line of every event a <see cref="PlanChange"/> records.</summary>
public sealed class PlanChangeAuditMap : AuditMap<PlanChange>
{
    protected override AuditLine? Map(PlanChange change, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        PlanChangeRequested e => Line(change, PlanChangeActions.Requested, new
        {
            change.ProjectId,
            route = e.Route.ToString(),
            reasons = change.RouteReasons.Select(r => r.ToString()),
            fields = change.ChangedFields.Select(f => f.ToString()),
            change.Current,
            change.Proposed,
            change.EffectiveOn,
            change.Reason,
        }),
        PlanChangeWithdrawn => Line(change, PlanChangeActions.Withdrawn, new { change.ProjectId }),
        PlanChangePutOnAgenda e => Line(change, PlanChangeActions.PutOnAgenda, new { change.ProjectId, e.MeetingId, e.ItemId }),
        PlanChangeDecided e => Line(change, e.Approved ? PlanChangeActions.Approved : PlanChangeActions.Rejected, new
        {
            change.ProjectId,
            route = change.Route.ToString(),
            byCoordinationGroup = e.ByCoordinationGroup,
            change.MeetingId,
            change.AgendaItemId,
            note = change.DecisionNote,
            change.EffectiveOn,
        }),
        PlanChangeReviewStarted e => Line(change, PlanChangeActions.ReviewStarted, new { change.ProjectId, e.DueAt, minReviewers = change.Review?.MinReviewers }),
        PlanChangeReviewerAssigned e => Line(change, PlanChangeActions.ReviewerAssigned, new { change.ProjectId, expert = e.ExpertUserId }),
        PlanChangeReviewSubmitted e => Line(change, PlanChangeActions.ReviewSubmitted, new
        {
            change.ProjectId,
            expert = e.ExpertUserId,
            recommendation = e.Recommendation.ToString(),
            scores = change.Review?.SeatOf(e.ExpertUserId)?.Scores.Select(s => new { criterion = s.Criterion.ToString(), s.Score }),
        }),
        PlanChangeReviewCompleted => Line(change, PlanChangeActions.ReviewCompleted, new { change.ProjectId, summary = change.Review?.Summary() }),
        PlanChangeForwarded => Line(change, PlanChangeActions.Forwarded, new { change.ProjectId, view = change.ForwardNote }),
        PlanChangeApplied { Automatic: true } e => Line(change, PlanChangeActions.Applied, new { change.ProjectId, revision = e.Revision, change.EffectiveOn }) with
        {
            ActorName = PlanChangeActions.SystemActor,
        },
        PlanChangeApplied e => Line(change, PlanChangeActions.Applied, new { change.ProjectId, revision = e.Revision, change.EffectiveOn }),
        _ => null,
    };

    private static AuditLine Line(PlanChange change, string action, object details) =>
        new(action, AuditResource.PlanChange, change.Id.ToString(), details, change.RegionId);
}
