using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Calls;

/// <summary>How many applicants a publication told: noted by the use case, written on the audit line.</summary>
public sealed record CallNotified(int Count);

/// <summary>The audit line of every event a <see cref="Call"/> records.</summary>
public sealed class CallAuditMap : AuditMap<Call>
{
    protected override AuditLine? Map(Call call, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        CallCreated => Line(call, CallActions.Created, Describe(call)),
        CallDraftUpdated e => Line(call, CallActions.Updated, new { before = Describe(e.Before, CallStatus.Draft), after = Describe(call) }),
        CallPublished => Line(call, CallActions.Published, new { call.Title, call.ClosesAt, notified = facts.Get<CallNotified>(call)?.Count ?? 0 }),
        CallCorrected e => Line(call, CallActions.Corrected,
            new { e.Correction.Note, e.Correction.ChangedFields, before = Describe(e.Before, call.Status), after = Describe(call) }),
        CallClosed { Automatic: true } => Line(call, CallActions.Closed,
            new { from = nameof(CallStatus.Published), to = nameof(CallStatus.Closed), call.ClosesAt, automatic = true }) with
        { ActorName = CallClosingJob.SystemActor },
        CallClosed => Line(call, CallActions.Closed, new { from = nameof(CallStatus.Published), to = nameof(CallStatus.Closed) }),
        CallArchived => Line(call, CallActions.Archived, new { from = nameof(CallStatus.Closed), to = nameof(CallStatus.Archived) }),
        _ => null,
    };

    private static AuditLine Line(Call call, string action, object details) =>
        new(action, AuditResource.Call, call.Id.ToString(), details, call.RegionId);

    private static object Describe(Call c) => Describe(c.Details, c.Status);

    private static object Describe(CallDetails d, CallStatus status) => new
    {
        d.BatchNumber,
        d.Title,
        Status = status.ToString(),
        d.OpensAt,
        d.ClosesAt,
        d.Directions,
        EligibleTypes = (d.EligibleTypes ?? []).Select(t => t.ToString()),
        d.Materials,
        d.Contact,
        BodyLength = d.BodyHtml.Length,
    };
}
