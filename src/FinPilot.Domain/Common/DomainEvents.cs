namespace FinPilot.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, recorded by the aggregate's own method as it changes.
/// The save step turns each into its audit line (one map per module), so a use case never writes
/// one by hand.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// An aggregate that records <see cref="IDomainEvent"/>s until they are saved. Implement it
/// explicitly (EF maps no explicit interface members) on top of an <see cref="EventLog"/>.
/// </summary>
public interface IRecordsEvents
{
    /// <summary>What happened since the last save, oldest first.</summary>
    IReadOnlyList<IDomainEvent> PendingEvents { get; }

    /// <summary>Forgets the pending events: the save step has taken them.</summary>
    void ClearEvents();
}

/// <summary>The pending events of one aggregate; a field of the aggregate, not mapped to a column.</summary>
public sealed class EventLog
{
    private readonly List<IDomainEvent> _pending = [];

    public IReadOnlyList<IDomainEvent> Pending => _pending;

    public void Record(IDomainEvent recorded) => _pending.Add(recorded);

    public void Clear() => _pending.Clear();
}
