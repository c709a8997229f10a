using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Witness;

namespace FinPilot.Ledger.Tests.Witness;

/// <summary>Everything a witness must not cosign, with the status c2sp.org/tlog-witness gives it.
/// Each test also checks the stored state did not move.</summary>
public sealed class WitnessRefusalTests
{
    [Fact]
    public async Task A_fork_that_grew_past_the_cosigned_size_is_refused_as_a_bad_proof()
    {
        using var honest = new TestLog();
        using var witness = new TestWitness();
        await witness.SubmitAsync(honest, await honest.RequestAsync(0, await honest.GrowAsync(8)));
        using var fork = await honest.ForkAsync(keep: 5);
        var forked = await fork.GrowAsync(10);

        var refused = await RefusedAsync(witness, fork, await fork.RequestAsync(8, forked), RefusalKind.BadProof, 422);

        Assert.Equal(Checkpoint.ParseText(forked.Text).Value, refused.LogSignedCheckpoint);
        Assert.Contains("tree of size 15", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(8, (await witness.StoredAsync())!.Size);

        // The honest branch carries on.
        Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(honest, await honest.RequestAsync(8, await honest.GrowAsync(12))));
    }

    [Fact]
    public async Task A_fork_at_the_cosigned_size_is_refused_as_inconsistent_naming_both_roots()
    {
        using var honest = new TestLog();
        using var witness = new TestWitness();
        var cosigned = await honest.GrowAsync(8);
        await witness.SubmitAsync(honest, await honest.RequestAsync(0, cosigned));
        using var fork = await honest.ForkAsync(keep: 6);
        var forked = await fork.GrowAsync(2);
        var forkedRoot = Checkpoint.ParseText(forked.Text).Value.RootHash;
        var cosignedRoot = Checkpoint.ParseText(cosigned.Text).Value.RootHash;
        Assert.NotEqual(cosignedRoot, forkedRoot);

        var refused = await RefusedAsync(witness, fork, await fork.RequestAsync(8, forked), RefusalKind.Inconsistent, 422);

        Assert.Contains(cosignedRoot.ToBase64(), refused.Reason, StringComparison.Ordinal);
        Assert.Contains(forkedRoot.ToBase64(), refused.Reason, StringComparison.Ordinal);
        Assert.NotNull(refused.LogSignedCheckpoint);
        Assert.Equal(cosignedRoot, (await witness.StoredAsync())!.RootHash);
    }

    [Fact]
    public async Task A_smaller_checkpoint_is_never_cosigned()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var old = await log.GrowAsync(12);
        await witness.SubmitAsync(log, await log.RequestAsync(0, await log.GrowAsync(8)));

        // Honest about what the witness holds: old 20 exceeds the checkpoint's 12.
        var refused = await RefusedAsync(witness, log, new AddCheckpointRequest(20, [], old), RefusalKind.BadRequest, 400);
        Assert.Contains("Old size 20 is larger than the checkpoint's size 12", refused.Reason, StringComparison.Ordinal);

        // Claiming an older witness state instead only earns the 409 with the real size.
        var conflict = await witness.SubmitAsync(log, new AddCheckpointRequest(12, [], old));
        Assert.Equal(20, Assert.IsType<WitnessOutcome.Conflict>(conflict).CurrentSize);
        Assert.Equal(20, (await witness.StoredAsync())!.Size);
    }

    [Fact]
    public async Task A_tampered_or_truncated_proof_is_refused_as_a_bad_proof()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        await witness.SubmitAsync(log, await log.RequestAsync(0, await log.GrowAsync(6)));
        var good = await log.RequestAsync(6, await log.GrowAsync(27));
        var proof = good.ConsistencyProof.ToArray();
        Assert.True(proof.Length >= 2);

        proof[1] = TestTrees.Flip(proof[1], 77);
        await RefusedAsync(witness, log, new AddCheckpointRequest(6, proof, good.CheckpointNote), RefusalKind.BadProof, 422);
        await RefusedAsync(witness, log, new AddCheckpointRequest(6, good.ConsistencyProof.Take(proof.Length - 1).ToArray(), good.CheckpointNote), RefusalKind.BadProof, 422);
        await RefusedAsync(witness, log, new AddCheckpointRequest(6, [], good.CheckpointNote), RefusalKind.BadProof, 422);
        Assert.Equal(6, (await witness.StoredAsync())!.Size);

        Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, good));
    }

    [Fact]
    public async Task A_proof_with_old_size_zero_or_with_the_already_cosigned_size_is_refused()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = await log.GrowAsync(4);
        var stray = MerkleHash.Leaf([1]);

        await RefusedAsync(witness, log, new AddCheckpointRequest(0, [stray], note), RefusalKind.BadProof, 422);
        Assert.Null(await witness.StoredAsync());

        await witness.SubmitAsync(log, await log.RequestAsync(0, note));
        await RefusedAsync(witness, log, new AddCheckpointRequest(4, [stray], note), RefusalKind.BadProof, 422);
    }

    [Fact]
    public async Task A_checkpoint_of_size_zero_must_carry_the_empty_tree_root()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var bogus = new Checkpoint(TestLog.Origin, 0, MerkleHash.Leaf([])).Sign(log.Signer);

        await RefusedAsync(witness, log, new AddCheckpointRequest(0, [], bogus), RefusalKind.Inconsistent, 422);
        Assert.Null(await witness.StoredAsync());

        var empty = new Checkpoint(TestLog.Origin, 0, MerkleHash.EmptyTree).Sign(log.Signer);
        Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, new AddCheckpointRequest(0, [], empty)));
    }

    [Fact]
    public async Task An_unknown_origin_is_refused_with_404()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = new Checkpoint("other.example/log", 1, MerkleHash.Leaf([1])).Sign(log.Signer);

        var refused = await RefusedAsync(witness, log, new AddCheckpointRequest(0, [], note), RefusalKind.UnknownLog, 404);

        Assert.Contains("other.example/log", refused.Reason, StringComparison.Ordinal);
        Assert.Null(refused.LogSignedCheckpoint);
    }

    [Fact]
    public async Task A_checkpoint_not_signed_by_the_log_key_is_refused_with_403()
    {
        using var log = new TestLog();
        using var impostor = new TestLog(keySeed: 12);
        using var witness = new TestWitness();
        var note = await impostor.GrowAsync(3);
        Assert.Equal(log.Signer.Name, impostor.Signer.Name);

        var refused = await RefusedAsync(witness, log, await impostor.RequestAsync(0, note), RefusalKind.BadSignature, 403);
        Assert.Contains("no signature from a trusted key", refused.Reason, StringComparison.Ordinal);
        Assert.Null(refused.LogSignedCheckpoint);

        // A line from the log's own key that fails to verify also earns 403, even beside a good one.
        var good = await log.GrowAsync(3);
        var bytes = good.Signatures[0].Signature.ToArray();
        bytes[10] ^= 1;
        var corrupted = SignedNote.Parse(good.Format() + new NoteSignature(log.Signer.Name, log.Signer.KeyId, bytes).Format()).Value;
        Assert.Equal(2, corrupted.Signatures.Count);
        refused = await RefusedAsync(witness, log, new AddCheckpointRequest(0, [], corrupted), RefusalKind.BadSignature, 403);
        Assert.Contains("Invalid signature", refused.Reason, StringComparison.Ordinal);
        Assert.Null(await witness.StoredAsync());
    }

    [Fact]
    public async Task A_log_signed_note_that_is_not_a_checkpoint_is_a_bad_request()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = SignedNote.Sign(TestLog.Origin + "\nnot a size\n", log.Signer);

        var refused = await RefusedAsync(witness, log, new AddCheckpointRequest(0, [], note), RefusalKind.BadRequest, 400);

        Assert.Contains("not a checkpoint", refused.Reason, StringComparison.Ordinal);
    }

    private static async Task<WitnessOutcome.Refused> RefusedAsync(
        TestWitness witness, TestLog log, AddCheckpointRequest request, RefusalKind kind, int status)
    {
        var outcome = await witness.SubmitAsync(log, request);
        var refused = Assert.IsType<WitnessOutcome.Refused>(outcome);
        Assert.Equal(kind, refused.Kind);
        Assert.Equal(status, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        return refused;
    }
}
