using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Storage;
using FinPilot.Ledger.Witness;
using Microsoft.Extensions.Time.Testing;

namespace FinPilot.Ledger.Tests.Witness;

/// <summary>A log with a real tree and a real Ed25519 key. Two instances made with <see cref="Fork"/>
/// share the key and a prefix of entries, then diverge: a log showing two views.</summary>
internal sealed class TestLog : IDisposable
{
    public const string Origin = "finpilot.example/ledger-test";

    private readonly List<MerkleHash> _leaves = [];
    private int _batch;

    public TestLog(int entrySeed = 1, byte keySeed = 11)
    {
        EntrySeed = entrySeed;
        KeySeed = keySeed;
        Signer = new Ed25519NoteSigner(Origin, CheckpointTests.Seed(keySeed));
    }

    public int EntrySeed { get; }

    public byte KeySeed { get; }

    public Ed25519NoteSigner Signer { get; }

    public LogTree Tree { get; } = new(new InMemoryHashStore());

    public NoteVerifierSet Keys => new(NoteKeys.ParseVerifierKey(Signer.VerifierKey).Value);

    public long Size => _leaves.Count;

    /// <summary>Appends <paramref name="count"/> entries and returns the signed checkpoint of the new tree.</summary>
    public async Task<SignedNote> GrowAsync(int count)
    {
        var leaves = TestTrees.LeafHashes(TestTrees.Entries(count, (EntrySeed * 1000) + _batch++));
        await Tree.AppendAsync(leaves, TestContext.Current.CancellationToken);
        _leaves.AddRange(leaves);
        return await CheckpointAsync();
    }

    public async Task<SignedNote> CheckpointAsync()
    {
        var root = await Tree.RootAsync(Size, TestContext.Current.CancellationToken);
        return new Checkpoint(Origin, Size, root).Sign(Signer);
    }

    /// <summary>The request that moves a witness at <paramref name="witnessSize"/> to <paramref name="note"/>.</summary>
    public async Task<AddCheckpointRequest> RequestAsync(long witnessSize, SignedNote note) =>
        await AddCheckpointRequest.ForCheckpointAsync(Tree, witnessSize, note, TestContext.Current.CancellationToken);

    /// <summary>A log with the same key and the first <paramref name="keep"/> entries; what it
    /// appends next differs from this log's entries.</summary>
    public async Task<TestLog> ForkAsync(int keep)
    {
        var fork = new TestLog(EntrySeed + 1, KeySeed);
        await fork.Tree.AppendAsync(_leaves.Take(keep).ToArray(), TestContext.Current.CancellationToken);
        fork._leaves.AddRange(_leaves.Take(keep));
        return fork;
    }

    public void Dispose() => Signer.Dispose();
}

/// <summary>A witness with its own cosignature key, a fake clock and an in-memory state.</summary>
internal sealed class TestWitness : IDisposable
{
    public TestWitness(string name = "witness.finpilot.example/w1", byte keySeed = 21)
    {
        Signer = new Ed25519NoteSigner(name, CheckpointTests.Seed(keySeed), SignatureType.Ed25519Cosignature, Clock);
        Verifier = NoteKeys.ParseVerifierKey(Signer.VerifierKey).Value;
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_760_000_000));

    public Ed25519NoteSigner Signer { get; }

    public Ed25519NoteVerifier Verifier { get; }

    public InMemoryWitnessStateStore State { get; } = new();

    /// <summary>The witness following <see cref="TestLog.Origin"/> with <paramref name="log"/>'s key.</summary>
    public CheckpointWitness For(TestLog log, IWitnessStateStore? state = null) =>
        new(Signer, new Dictionary<string, NoteVerifierSet> { [TestLog.Origin] = log.Keys }, state ?? State);

    public async Task<WitnessOutcome> SubmitAsync(TestLog log, AddCheckpointRequest request) =>
        await For(log).AddCheckpointAsync(request, TestContext.Current.CancellationToken);

    public async Task<WitnessedCheckpoint?> StoredAsync() =>
        await State.GetAsync(TestLog.Origin, TestContext.Current.CancellationToken);

    public void Dispose() => Signer.Dispose();
}
