using FinPilot.Domain.Common;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Integrity;

public static class IntegrityActions
{
    public const string Raised = "integrity.flag-raised";
    public const string ExplanationRequested = "integrity.explanation-requested";
    public const string Explained = "integrity.explained";
    public const string Closed = "integrity.flag-closed";

    /// <summary>Someone opened a record's detail (an application, a report, a metric series, an order, a disposal case): the audited read.</summary>
    public const string RecordRead = "integrity.record-read";

    public const string Exported = "integrity.exported";
}

/// <summary>The audit line of every event an <see cref="IntegrityFlag"/> records.</summary>
public sealed class IntegrityAuditMap : AuditMap<IntegrityFlag>
{
    protected override AuditLine? Map(IntegrityFlag flag, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        IntegrityFlagRaised => Line(flag, IntegrityActions.Raised, new
        {
            rule = flag.Rule.ToString(),
            recordKind = flag.RecordKind.ToString(),
            flag.RecordId,
            flag.PersonId,
            unit = flag.Unit.ToString(),
            flag.UnitOrganisationId,
        }) with
        { ActorName = flag.RaisedBy == IntegrityFlag.System ? IntegrityFlag.System : null },
        IntegrityExplanationRequested e => Line(flag, IntegrityActions.ExplanationRequested, new { request = flag.Request, dueAt = e.DueAt, requests = flag.Requests }),
        IntegrityExplained => Line(flag, IntegrityActions.Explained, new { explanation = flag.Explanation }),
        IntegrityFlagClosed e => Line(flag, IntegrityActions.Closed, new { conclusion = e.Conclusion.ToString(), text = flag.ConclusionText, withdrawn = e.RequestWithdrawn }),
        _ => null,
    };

    private static AuditLine Line(IntegrityFlag flag, string action, object details) =>
        new(action, AuditResource.IntegrityFlag, flag.Id.ToString(), details, flag.RegionId);
}
