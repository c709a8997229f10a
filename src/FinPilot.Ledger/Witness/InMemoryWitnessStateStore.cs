namespace FinPilot.Ledger.Witness;

/// <summary>An <see cref="IWitnessStateStore"/> in memory, for tests. A real witness must
/// persist its state: one that forgets can be walked onto a fork.</summary>
public sealed class InMemoryWitnessStateStore : IWitnessStateStore
{
    private readonly Dictionary<string, WitnessedCheckpoint> _byOrigin = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ValueTask<WitnessedCheckpoint?> GetAsync(string origin, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byOrigin.GetValueOrDefault(origin));
        }
    }

    public ValueTask<bool> TryAdvanceAsync(
        string origin, long expectedSize, WitnessedCheckpoint next, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var storedSize = _byOrigin.TryGetValue(origin, out var stored) ? stored.Size : 0;
            if (storedSize != expectedSize)
            {
                return ValueTask.FromResult(false);
            }

            _byOrigin[origin] = next;
            return ValueTask.FromResult(true);
        }
    }
}
