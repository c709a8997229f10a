using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Witness;

namespace FinPilot.Ledger.Tests.Witness;

/// <summary>The log's side: merging witness responses into its checkpoint, and clients
/// requiring cosignatures when they open one.</summary>
public sealed class CosignaturesTests
{
    [Fact]
    public async Task A_checkpoint_merged_with_two_witnesses_responses_opens_with_the_log_key_and_both_witness_keys()
    {
        using var log = new TestLog();
        using var first = new TestWitness("witness.finpilot.example/w1", 21);
        using var second = new TestWitness("witness.other.example/w2", 22);
        second.Clock.Advance(TimeSpan.FromSeconds(42));
        var note = await log.GrowAsync(17);

        var merged = note;
        foreach (var witness in new[] { first, second })
        {
            var cosigned = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(0, note)));
            merged = Cosignatures.Merge(merged, cosigned.SignatureLines, new NoteVerifierSet(first.Verifier, second.Verifier)).Value;
        }

        Assert.Equal([TestLog.Origin, first.Signer.Name, second.Signer.Name], merged.Signatures.Select(s => s.Name));
        var opened = Cosignatures.OpenWitnessed(merged.Format(), TestLog.Origin, log.Keys, [first.Verifier, second.Verifier]);
        Assert.True(opened.IsSuccess, opened.Error);
        Assert.Equal(17, opened.Value.Checkpoint.Size);
        Assert.Equal(
            [(first.Signer.Name, first.Clock.GetUtcNow().ToUnixTimeSeconds()), (second.Signer.Name, second.Clock.GetUtcNow().ToUnixTimeSeconds())],
            opened.Value.Cosignatures.Select(c => (c.Name, c.Timestamp!.Value)));
        Assert.Contains(opened.Value.Note.Verified, v => v.Name == TestLog.Origin && v.Type == SignatureType.Ed25519);
    }

    [Fact]
    public async Task Opening_requires_the_quorum_of_witnesses_and_the_log_signature()
    {
        using var log = new TestLog();
        using var first = new TestWitness("witness.finpilot.example/w1", 21);
        using var absent = new TestWitness("witness.other.example/w2", 22);
        var note = await log.GrowAsync(4);
        var cosigned = Assert.IsType<WitnessOutcome.Cosigned>(await first.SubmitAsync(log, await log.RequestAsync(0, note)));
        var merged = Cosignatures.Merge(note, cosigned.SignatureLines, new NoteVerifierSet(first.Verifier)).Value.Format();

        var all = Cosignatures.OpenWitnessed(merged, TestLog.Origin, log.Keys, [first.Verifier, absent.Verifier]);
        Assert.Equal("Checkpoint is cosigned by 1 of the 2 witnesses; 2 required.", all.Error);
        Assert.True(Cosignatures.OpenWitnessed(merged, TestLog.Origin, log.Keys, [first.Verifier, absent.Verifier], quorum: 1).IsSuccess);

        // A cosignature alone is no checkpoint: without the log's line it fails, even if the
        // caller mistakenly lists the witness among the log's keys.
        var witnessOnly = note.Text + "\n" + cosigned.SignatureLines;
        Assert.False(Cosignatures.OpenWitnessed(witnessOnly, TestLog.Origin, log.Keys, [first.Verifier]).IsSuccess);
        var confused = new NoteVerifierSet(NoteKeys.ParseVerifierKey(log.Signer.VerifierKey).Value, first.Verifier);
        Assert.Equal("Checkpoint has no signature from the log itself.", Cosignatures.OpenWitnessed(witnessOnly, TestLog.Origin, confused, [first.Verifier]).Error);
    }

    [Fact]
    public async Task Merging_keeps_only_verified_cosignatures_from_trusted_witnesses()
    {
        using var log = new TestLog();
        using var trusted = new TestWitness("witness.finpilot.example/w1", 21);
        using var unknown = new TestWitness("witness.other.example/w2", 22);
        var note = await log.GrowAsync(6);
        var fromTrusted = Assert.IsType<WitnessOutcome.Cosigned>(await trusted.SubmitAsync(log, await log.RequestAsync(0, note))).SignatureLines;
        var fromUnknown = Assert.IsType<WitnessOutcome.Cosigned>(await unknown.SubmitAsync(log, await log.RequestAsync(0, note))).SignatureLines;
        var keys = new NoteVerifierSet(trusted.Verifier);

        var merged = Cosignatures.Merge(note, fromTrusted + fromUnknown, keys);
        Assert.Equal([TestLog.Origin, trusted.Signer.Name], merged.Value.Signatures.Select(s => s.Name));

        Assert.Equal("Witness response holds no cosignature from a trusted witness key.", Cosignatures.Merge(note, fromUnknown, keys).Error);

        var line = Cosignatures.ParseResponse(fromTrusted).Value[0];
        var bytes = line.Signature.ToArray();
        bytes[^1] ^= 1;
        var corrupted = (line with { Signature = bytes }).Format();
        Assert.StartsWith("Witness response: Invalid signature", Cosignatures.Merge(note, corrupted, keys).Error, StringComparison.Ordinal);

        // A plain signature states nothing about consistency, even from a key the caller trusts.
        using var plain = new Ed25519NoteSigner(trusted.Signer.Name, CheckpointTests.Seed(21));
        var plainLine = SignedNote.Sign(note.Text, plain).Signatures[0].Format();
        var plainKeys = new NoteVerifierSet(NoteKeys.ParseVerifierKey(plain.VerifierKey).Value);
        Assert.Equal("Witness response holds no cosignature from a trusted witness key.", Cosignatures.Merge(note, plainLine, plainKeys).Error);

        // A cosignature over another checkpoint does not verify here either.
        var other = await log.GrowAsync(1);
        Assert.False(Cosignatures.Merge(other, fromTrusted, keys).IsSuccess);
    }

    [Fact]
    public async Task A_fresh_cosignature_replaces_the_same_witness_earlier_one()
    {
        using var log = new TestLog();
        using var witness = new TestWitness();
        var note = await log.GrowAsync(3);
        var keys = new NoteVerifierSet(witness.Verifier);
        var first = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(0, note)));
        witness.Clock.Advance(TimeSpan.FromHours(1));
        var second = Assert.IsType<WitnessOutcome.Cosigned>(await witness.SubmitAsync(log, await log.RequestAsync(3, note)));
        Assert.NotEqual(first.SignatureLines, second.SignatureLines);

        var merged = Cosignatures.Merge(Cosignatures.Merge(note, first.SignatureLines, keys).Value, second.SignatureLines, keys).Value;

        Assert.Equal(2, merged.Signatures.Count);
        Assert.Equal(second.SignatureLines, merged.Signatures[1].Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==")]
    [InlineData("— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n\n")]
    [InlineData("- witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n")]
    [InlineData("12\n")]
    public void Malformed_responses_are_rejected(string body) => Assert.False(Cosignatures.ParseResponse(body).IsSuccess);

    [Fact]
    public void The_spec_example_response_parses_into_three_lines()
    {
        const string Body =
            "— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n"
            + "— witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n"
            + "— witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";

        var lines = Cosignatures.ParseResponse(Body).Value;

        Assert.Equal(["witness.example/w1", "witness.example/w1", "witness.example/w2"], lines.Select(l => l.Name));
        Assert.Equal(0x08ca7ee8u, lines[0].KeyId);
        Assert.Equal(Body, string.Concat(lines.Select(l => l.Format())));
    }
}
