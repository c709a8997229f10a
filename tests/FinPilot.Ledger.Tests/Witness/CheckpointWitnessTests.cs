using System.Buffers.Binary;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Witness;

namespace FinPilot.Ledger.Tests.Witness;

/// <summary>A witness cosigning an honest, growing log; and the 409 dance when sizes disagree.</summary>
public sealed class CheckpointWitnessTests
{
    [Fact]
    public async Task The_first_checkpoint_from_size_zero_is_cosigned_and_the_cosignature_verifies()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = await log.GrowAsync(5);

        var outcome = await witness.SubmitAsync(log, await log.RequestAsync(0, note));

        var cosigned = Assert.IsType<WitnessOutcome.Cosigned>(outcome);
        Assert.Equal(200, cosigned.StatusCode);
        Assert.Equal(0, cosigned.PreviousSize);
        Assert.Equal(Checkpoint.ParseText(note.Text).Value, cosigned.Checkpoint);

        // The response body is one cosignature/v1 line by the witness key, stamped with its clock.
        var line = Assert.Single(Cosignatures.ParseResponse(cosigned.SignatureLines).Value);
        Assert.Equal(line.Format(), cosigned.SignatureLines);
        Assert.Equal((witness.Signer.Name, witness.Signer.KeyId), (line.Name, line.KeyId));
        Assert.Equal(witness.Clock.GetUtcNow().ToUnixTimeSeconds(), BinaryPrimitives.ReadInt64BigEndian(line.Signature));

        // As the spec suggests: append the lines to the checkpoint and verify with the witness key.
        var opened = SignedNote.Open(note.Format() + cosigned.SignatureLines, new NoteVerifierSet(witness.Verifier));
        Assert.True(opened.IsSuccess, opened.Error);
        var verified = Assert.Single(opened.Value.Verified);
        Assert.Equal(SignatureType.Ed25519Cosignature, verified.Type);
        Assert.Equal(witness.Clock.GetUtcNow().ToUnixTimeSeconds(), verified.Timestamp);

        var stored = await witness.StoredAsync();
        Assert.NotNull(stored);
        Assert.Equal(5, stored.Size);
        Assert.Equal(await log.Tree.RootAsync(5, TestContext.Current.CancellationToken), stored.RootHash);
    }

    [Fact]
    public async Task A_growing_log_is_cosigned_at_every_size_with_real_consistency_proofs()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        long witnessSize = 0;

        // Sizes 1, 8 and 64 are powers of two, whose proofs leave out the old root (RFC 9162 §2.1.4).
        foreach (var growth in new[] { 1, 4, 3, 56, 1, 200 })
        {
            var note = await log.GrowAsync(growth);
            var request = await log.RequestAsync(witnessSize, note);
            Assert.Equal(witnessSize == 0, request.ConsistencyProof.Count == 0);

            var cosigned = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, request));
            Assert.Equal(witnessSize, cosigned.PreviousSize);
            Assert.Equal(log.Size, cosigned.Checkpoint.Size);
            witnessSize = log.Size;
        }

        Assert.Equal(265, (await witness.StoredAsync())!.Size);
    }

    [Fact]
    public async Task The_stored_note_carries_the_verified_log_signature_and_the_cosignature_only()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        using var stranger = new Ed25519NoteSigner("someone.example/else", CheckpointTests.Seed(99));
        var note = (await log.GrowAsync(9)).AddSignatures(stranger);

        Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(0, note)));

        var stored = SignedNote.Parse((await witness.StoredAsync())!.CosignedNote).Value;
        Assert.Equal(note.Text, stored.Text);
        Assert.Equal([TestLog.Origin, witness.Signer.Name], stored.Signatures.Select(s => s.Name));
        var opened = Cosignatures.OpenWitnessed(stored.Format(), TestLog.Origin, log.Keys, [witness.Verifier]);
        Assert.True(opened.IsSuccess, opened.Error);
    }

    [Fact]
    public async Task Resubmitting_the_cosigned_size_with_the_same_root_is_cosigned_again_with_a_fresh_timestamp()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = await log.GrowAsync(7);
        await witness.SubmitAsync(log, await log.RequestAsync(0, note));
        witness.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(7, note)));

        Assert.Equal(7, again.PreviousSize);
        var line = Assert.Single(Cosignatures.ParseResponse(again.SignatureLines).Value);
        Assert.Equal(witness.Clock.GetUtcNow().ToUnixTimeSeconds(), BinaryPrimitives.ReadInt64BigEndian(line.Signature));
        Assert.Equal(7, (await witness.StoredAsync())!.Size);
    }

    [Fact]
    public async Task A_stale_old_size_gets_409_with_the_size_the_witness_holds_and_the_retry_succeeds()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        await witness.SubmitAsync(log, await log.RequestAsync(0, await log.GrowAsync(5)));
        await witness.SubmitAsync(log, await log.RequestAsync(5, await log.GrowAsync(7)));
        var latest = await log.GrowAsync(28);

        var conflict = Assert.IsType<WitnessOutcome.Conflict>(await witness.SubmitAsync(log, await log.RequestAsync(5, latest)));

        Assert.Equal(12, conflict.CurrentSize);
        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal("text/x.tlog.size", conflict.ContentType);
        Assert.Equal("12\n", conflict.Body);
        Assert.Equal(12, (await witness.StoredAsync())!.Size);

        // The log reads the body, proves from there, and is cosigned.
        var resume = TreeSizeBody.Parse(conflict.Body).Value;
        var cosigned = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(resume, latest)));
        Assert.Equal(12, cosigned.PreviousSize);
        Assert.Equal(40, (await witness.StoredAsync())!.Size);
    }

    [Fact]
    public async Task A_witness_that_never_saw_the_log_answers_409_with_size_zero()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        await log.GrowAsync(3);
        var note = await log.GrowAsync(3);

        var conflict = Assert.IsType<WitnessOutcome.Conflict>(await witness.SubmitAsync(log, await log.RequestAsync(3, note)));

        Assert.Equal(0, conflict.CurrentSize);
        Assert.Equal("0\n", conflict.Body);
        Assert.Null(await witness.StoredAsync());
    }

    [Fact]
    public async Task Two_racing_requests_from_one_size_cannot_roll_the_witness_back()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        await witness.SubmitAsync(log, await log.RequestAsync(0, await log.GrowAsync(5)));
        var smaller = await log.RequestAsync(5, await log.GrowAsync(7));
        var larger = await log.RequestAsync(5, await log.GrowAsync(30));

        // The larger request lands between the smaller one's read of the state and its write.
        var racing = new RacingStateStore(witness.State, () => witness.SubmitAsync(log, larger));
        var outcome = await witness.For(log, racing).AddCheckpointAsync(smaller, TestContext.Current.CancellationToken);

        Assert.Equal(42, Assert.IsType<WitnessOutcome.Conflict>(outcome).CurrentSize);
        Assert.IsType<WitnessOutcome.Cosigned>(racing.CompetitorOutcome);
        Assert.Equal(42, (await witness.StoredAsync())!.Size);
    }

    [Fact]
    public void A_plain_signing_key_cannot_be_a_witness_key()
    {
        using var plain = new Ed25519NoteSigner("witness.finpilot.example/w1", CheckpointTests.Seed(21));
        Assert.Throws<ArgumentException>(() => new CheckpointWitness(plain, new Dictionary<string, NoteVerifierSet>(), new InMemoryWitnessStateStore()));
    }

    /// <summary>Runs a competing request just before the first compare-and-swap.</summary>
    private sealed class RacingStateStore(IWitnessStateStore inner, Func<Task<WitnessOutcome>> competitor) : IWitnessStateStore
    {
        public WitnessOutcome? CompetitorOutcome { get; private set; }

        public ValueTask<WitnessedCheckpoint?> GetAsync(string origin, CancellationToken cancellationToken = default) =>
            inner.GetAsync(origin, cancellationToken);

        public async ValueTask<bool> TryAdvanceAsync(string origin, long expectedSize, WitnessedCheckpoint next, CancellationToken cancellationToken = default)
        {
            CompetitorOutcome ??= await competitor();
            return await inner.TryAdvanceAsync(origin, expectedSize, next, cancellationToken);
        }
    }
}
