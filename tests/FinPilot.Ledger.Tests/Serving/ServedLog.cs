using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Tiles;

namespace FinPilot.Ledger.Tests.Serving;

/// <summary>
/// An in-memory log as a tlog-tiles server publishes it: its entries, their tree (over an
/// <see cref="InMemoryHashStore"/>) and a checkpoint signed at the full size. Tests make a log
/// misbehave by overriding what it serves, never by changing the honest state.
/// </summary>
internal sealed class ServedLog
{
    private ServedLog(IReadOnlyList<byte[]> entries, LogTree tree, Checkpoint checkpoint, string checkpointNote)
    {
        Entries = entries;
        Tree = tree;
        Checkpoint = checkpoint;
        CheckpointNote = checkpointNote;
    }

    public IReadOnlyList<byte[]> Entries { get; }

    public LogTree Tree { get; }

    public Checkpoint Checkpoint { get; }

    /// <summary>The signed note served at <c>checkpoint</c>; a test may swap in another log's.</summary>
    public string CheckpointNote { get; set; }

    /// <summary>Entries served in place of the logged ones, by index (the tree keeps the originals).</summary>
    public Dictionary<long, byte[]> AlteredEntries { get; } = [];

    /// <summary>Builds the log and signs its checkpoint with <paramref name="signer"/>, whose name is the origin.</summary>
    public static async Task<ServedLog> CreateAsync(IReadOnlyList<byte[]> entries, INoteSigner signer, CancellationToken cancellationToken)
    {
        var tree = new LogTree(new InMemoryHashStore());
        await tree.AppendAsync(entries.Select(e => MerkleHash.Leaf(e)).ToArray(), cancellationToken);
        var checkpoint = new Checkpoint(signer.Name, entries.Count, await tree.RootAsync(entries.Count, cancellationToken));
        return new ServedLog(entries, tree, checkpoint, checkpoint.Sign(signer).Format());
    }

    /// <summary>The resource at a path under the log's prefix, or null where a server answers 404.</summary>
    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (path == "checkpoint")
        {
            return System.Text.Encoding.UTF8.GetBytes(CheckpointNote);
        }

        var parsed = Tile.ParsePath(path);
        if (!parsed.IsSuccess)
        {
            return null;
        }

        var (tile, isEntries) = parsed.Value;
        var end = (tile.Index * Tile.MaxWidth) + tile.Width;
        if (isEntries)
        {
            return end <= Entries.Count ? EntryBundle.Encode([.. Bundle(tile.Index * Tile.MaxWidth, end)]) : null;
        }

        return end <= Tile.LevelWidth(tile.Level, Entries.Count) ? await Tree.ReadTileAsync(tile, cancellationToken) : null;
    }

    private IEnumerable<ReadOnlyMemory<byte>> Bundle(long start, long end)
    {
        for (var i = start; i < end; i++)
        {
            yield return AlteredEntries.TryGetValue(i, out var altered) ? altered : Entries[(int)i];
        }
    }
}
