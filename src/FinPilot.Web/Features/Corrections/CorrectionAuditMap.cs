using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Corrections;

/// <summary>The audit line of every event a <see cref="CorrectionOrder"/> records.</summary>
public sealed class CorrectionAuditMap : AuditMap<CorrectionOrder>
{
    protected override AuditLine? Map(CorrectionOrder order, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        CorrectionIssued => Line(order, CorrectionActions.Issued, new
        {
            projectId = order.ProjectId,
            severity = order.Severity.ToString(),
            order.MustRectify,
            source = order.Source.ToString(),
            order.AlertId,
            order.DueAt,
        }),
        CorrectionAnswered e => Line(order, CorrectionActions.Answered, new { step = e.Kind.ToString(), text = e.Text, status = order.Status.ToString() }),
        CorrectionVerified e => Line(order, CorrectionActions.Verified, new { closed = e.Closed, text = e.Text, newDueAt = e.NewDueAt, status = order.Status.ToString() }),
        CorrectionExtended e => Line(order, CorrectionActions.Extended, new { reason = e.Reason, newDueAt = e.NewDueAt, order.Extensions }),
        CorrectionRevoked e => Line(order, CorrectionActions.Revoked, new { reason = e.Reason }),
        CorrectionDisclosed => Line(order, CorrectionActions.Disclosed, new { status = order.Status.ToString() }),
        CorrectionFileAttached e => Line(order, CorrectionActions.FileAttached, new { e.File.Id, e.File.FileName, e.File.ContentType, e.File.Size, e.File.Sha256, e.File.Round }),
        CorrectionFileRemoved e => Line(order, CorrectionActions.FileRemoved, new { e.File.Id, e.File.FileName, e.File.Sha256 }),
        CorrectionEscalated e => Line(order, CorrectionActions.Escalated, new { rung = e.Rung.ToString(), order.DueAt }) with { ActorName = CorrectionEscalationClock.SystemActor },
        _ => null,
    };

    private static AuditLine Line(CorrectionOrder order, string action, object details) =>
        new(action, AuditResource.CorrectionOrder, order.Id.ToString(), details, order.RegionId);
}

/// <summary>The audit line of every event a <see cref="ToleratedDeviation"/> records.</summary>
public sealed class ToleranceAuditMap : AuditMap<ToleratedDeviation>
{
    protected override AuditLine? Map(ToleratedDeviation deviation, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ToleranceRecorded => Line(deviation, CorrectionActions.Tolerated, new
        {
            projectId = deviation.ProjectId,
            deviation.Deviation,
            deviation.Conditions,
            deviation.ExpiresOn,
        }),
        ToleranceReviewed e => Line(deviation, CorrectionActions.ToleranceReviewed, new
        {
            decision = e.Decision.ToString(),
            note = e.Note,
            deviation.ExpiresOn,
            renewals = deviation.Renewals,
        }),
        _ => null,
    };

    private static AuditLine Line(ToleratedDeviation deviation, string action, object details) =>
        new(action, AuditResource.ToleratedDeviation, deviation.Id.ToString(), details, deviation.RegionId);
}
