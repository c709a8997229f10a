using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Disposal;

/// <summary>The audit actions and public record kinds of risk disposal.</summary>
public static class DisposalAuditActions
{
    public const string Opened = "disposal.opened";
    public const string LevelRaised = "disposal.level-raised";
    public const string Suspended = "disposal.pilot-suspended";
    public const string Resumed = "disposal.pilot-resumed";
    public const string NoticeRecorded = "disposal.notice-recorded";
    public const string CompensationRecorded = "disposal.compensation-recorded";
    public const string ActionCompleted = "disposal.action-completed";
    public const string ActionWaived = "disposal.action-waived";
    public const string TerminationProposed = "disposal.termination-proposed";
    public const string Closed = "disposal.closed";
    public const string TerminationScheduled = "disposal.termination-scheduled";
    public const string Proposed = "disposal.proposed";
    public const string PlanPublished = "disposal.plan-published";

    /// <summary>The kinds of the public records (and so of the ledger entries) of a suspension and a resumption.</summary>
    public const string RecordSuspension = "Disposal.PilotSuspended";
    public const string RecordResumption = "Disposal.PilotResumed";
}

/// <summary>The audit line of every event a <see cref="DisposalCase"/> records.</summary>
public sealed class DisposalCaseAuditMap : AuditMap<DisposalCase>
{
    protected override AuditLine? Map(DisposalCase c, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        DisposalCaseOpened => Line(c, DisposalAuditActions.Opened, new
        {
            projectId = c.ProjectId,
            level = (int)c.Level,
            source = c.Source.ToString(),
            sourceId = c.SourceId,
            planVersion = c.PlanVersionNumber,
            c.AffectedCustomers,
            actions = c.Actions.Select(a => new { kind = a.Kind.ToString(), owner = a.Owner.ToString(), a.DueAt }),
        }),
        DisposalCaseProposed e => Line(c, DisposalAuditActions.Proposed, new { projectId = c.ProjectId, level = (int)c.Level, orderId = e.OrderId }),
        DisposalLevelRaised e => Line(c, DisposalAuditActions.LevelRaised, new { from = (int)e.From, to = (int)e.To, reason = e.Reason }),
        DisposalPilotSuspended e => Line(c, DisposalAuditActions.Suspended, new { projectId = c.ProjectId, reason = e.Reason }),
        DisposalPilotResumed e => Line(c, DisposalAuditActions.Resumed, new { projectId = c.ProjectId, reason = e.Reason }),
        CustomerNoticeRecorded e => Line(c, DisposalAuditActions.NoticeRecorded, new { channel = e.Channel.ToString(), count = e.Count, sentOn = e.SentOn, notified = c.CustomersNotified }),
        CompensationRecorded e => Line(c, DisposalAuditActions.CompensationRecorded, new
        {
            claimsReceived = e.ClaimsReceived,
            amountPaid = e.AmountPaid,
            claimsClosed = e.ClaimsClosed,
            note = e.Note,
        }),
        DisposalActionCompleted e => Line(c, DisposalAuditActions.ActionCompleted, new { kind = e.Kind.ToString(), note = e.Note }),
        DisposalActionWaived e => Line(c, DisposalAuditActions.ActionWaived, new { kind = e.Kind.ToString(), reason = e.Reason }),
        TerminationProposed e => Line(c, DisposalAuditActions.TerminationProposed, new { projectId = c.ProjectId, reason = e.Reason }),
        TerminationPutOnAgenda e => Line(c, DisposalAuditActions.TerminationScheduled, new { projectId = c.ProjectId, meetingId = e.MeetingId, itemId = e.ItemId }),
        DisposalCaseClosed e => Line(c, DisposalAuditActions.Closed, new { conclusion = e.Conclusion }),
        _ => null,
    };

    private static AuditLine Line(DisposalCase c, string action, object details) =>
        new(action, AuditResource.DisposalCase, c.Id.ToString(), details, c.RegionId);
}

/// <summary>The audit line of a published contingency plan version.</summary>
public sealed class ContingencyPlanAuditMap : AuditMap<ContingencyPlanVersion>
{
    protected override AuditLine? Map(ContingencyPlanVersion v, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ContingencyPlanPublished e => new(DisposalAuditActions.PlanPublished, AuditResource.ContingencyPlan, v.Id.ToString(), new
        {
            number = e.Number,
            note = v.Note,
            levels = v.Levels.Select(l => new { level = (int)l.Level, actions = l.Actions.Select(a => new { kind = a.Kind.ToString(), a.WorkingDays }) }),
        }),
        _ => null,
    };
}
