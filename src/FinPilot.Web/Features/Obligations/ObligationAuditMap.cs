using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Obligations;

/// <summary>Which reminder offset the clock sent a message for (null: it only recorded offsets already passed); noted by the clock.</summary>
public sealed record ReminderSent(int? Offset);

/// <summary>The audit line of every event an <see cref="Obligation"/> records; the clock acts as the system.</summary>
public sealed class ObligationAuditMap : AuditMap<Obligation>
{
    protected override AuditLine? Map(Obligation obligation, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ObligationReminded e => Line(obligation, ObligationActions.Reminded,
            new { kind = obligation.Kind.ToString(), obligation.Subject, offsets = e.Offsets, sent = facts.Get<ReminderSent>(obligation)?.Offset }),
        ObligationOverdueClaimed => Line(obligation, ObligationActions.Overdue, new { kind = obligation.Kind.ToString(), obligation.Subject, obligation.DueAt }),
        _ => null,
    };

    private static AuditLine Line(Obligation obligation, string action, object details) =>
        new(action, AuditResource.Obligation, obligation.Id.ToString(), details, obligation.RegionId, ObligationClock.SystemActor);
}
