using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Storage;

/// <summary>
/// An <see cref="IHashStore"/> in memory, for tests and benchmarks. Hashes live in fixed-size
/// chunks so a 10M-leaf tree (20M hashes, 640 MB) grows without copying or a doubling spike.
/// </summary>
public sealed class InMemoryHashStore : IHashStore
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<MerkleHash[]> _chunks = [];
    private readonly Lock _gate = new();
    private long _treeSize;
    private long _count;

    public long TreeSize
    {
        get
        {
            lock (_gate)
            {
                return _treeSize;
            }
        }
    }

    public ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(TreeSize);

    public ValueTask ReadStoredHashesAsync(
        ReadOnlyMemory<long> storedIndexes, Memory<MerkleHash> destination, CancellationToken cancellationToken = default)
    {
        ReadStoredHashes(storedIndexes.Span, destination.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous read, for callers that know the store is in memory.</summary>
    public void ReadStoredHashes(ReadOnlySpan<long> storedIndexes, Span<MerkleHash> destination)
    {
        if (destination.Length != storedIndexes.Length)
        {
            throw new ArgumentException("Destination length must equal the number of indexes.", nameof(destination));
        }

        lock (_gate)
        {
            for (var i = 0; i < storedIndexes.Length; i++)
            {
                var index = storedIndexes[i];
                if ((ulong)index >= (ulong)_count)
                {
                    throw new ArgumentOutOfRangeException(nameof(storedIndexes), index, $"Only {_count} hashes are stored.");
                }

                destination[i] = _chunks[(int)(index >> ChunkBits)][index & (ChunkSize - 1)];
            }
        }
    }

    public ValueTask AppendStoredHashesAsync(
        long oldTreeSize, long leafCount, ReadOnlyMemory<MerkleHash> storedHashes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafCount);
        var expected = StoredHashIndex.Count(oldTreeSize + leafCount) - StoredHashIndex.Count(oldTreeSize);
        if (storedHashes.Length != expected)
        {
            throw new ArgumentException($"Growing by {leafCount} leaves stores {expected} hashes, got {storedHashes.Length}.", nameof(storedHashes));
        }

        lock (_gate)
        {
            if (_treeSize != oldTreeSize)
            {
                throw new ConcurrentAppendException(oldTreeSize, _treeSize);
            }

            var source = storedHashes.Span;
            while (!source.IsEmpty)
            {
                var offset = (int)(_count & (ChunkSize - 1));
                if (offset == 0 && _chunks.Count == (int)(_count >> ChunkBits))
                {
                    _chunks.Add(new MerkleHash[ChunkSize]);
                }

                var take = Math.Min(ChunkSize - offset, source.Length);
                source[..take].CopyTo(_chunks[(int)(_count >> ChunkBits)].AsSpan(offset));
                source = source[take..];
                _count += take;
            }

            _treeSize += leafCount;
        }

        return ValueTask.CompletedTask;
    }
}
