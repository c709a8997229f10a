using System.Runtime.CompilerServices;
using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Audit;

/// <summary>
/// Turns the events an aggregate recorded into audit lines: one map per module (registered with
/// <see cref="AuditMapSetup.AddAuditMap{TMap}"/>), asked by the save step of
/// <see cref="Commands.CommandPipeline"/>. An event no map knows writes no line.
/// </summary>
public interface IAuditMap
{
    /// <summary>The line for <paramref name="recorded"/> of <paramref name="aggregate"/>, or null if this map does not know it.</summary>
    AuditLine? Map(IRecordsEvents aggregate, IDomainEvent recorded, AuditFacts facts);
}

/// <summary>An <see cref="IAuditMap"/> for the events of one kind of aggregate.</summary>
public abstract class AuditMap<TAggregate> : IAuditMap
    where TAggregate : class, IRecordsEvents
{
    public AuditLine? Map(IRecordsEvents aggregate, IDomainEvent recorded, AuditFacts facts) =>
        aggregate is TAggregate typed ? Map(typed, recorded, facts) : null;

    /// <summary>The line for <paramref name="recorded"/>; the aggregate is as it will be saved.</summary>
    protected abstract AuditLine? Map(TAggregate aggregate, IDomainEvent recorded, AuditFacts facts);
}

/// <summary>
/// What only the use case knows about a change (how many people were told, …), noted against the
/// aggregate with <see cref="Commands.CommandPipeline.Note{T}"/> for its audit map to add to the line.
/// </summary>
public sealed class AuditFacts
{
    private readonly ConditionalWeakTable<object, Dictionary<Type, object>> _facts = [];

    public void Note<T>(object aggregate, T fact)
        where T : notnull =>
        _facts.GetOrCreateValue(aggregate)[typeof(T)] = fact;

    /// <summary>The fact of type <typeparamref name="T"/> noted for <paramref name="aggregate"/>, if any.</summary>
    public T? Get<T>(object aggregate)
        where T : class =>
        _facts.TryGetValue(aggregate, out var facts) && facts.TryGetValue(typeof(T), out var fact) ? (T)fact : null;

    public void Clear() => _facts.Clear();
}

public static class AuditMapSetup
{
    /// <summary>Registers a module's audit map.</summary>
    public static IServiceCollection AddAuditMap<TMap>(this IServiceCollection services)
        where TMap : class, IAuditMap =>
        services.AddSingleton<IAuditMap, TMap>();
}
