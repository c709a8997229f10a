using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using Microsoft.Extensions.Time.Testing;

namespace FinPilot.Ledger.Tests;

public sealed class CheckpointTests
{
    private const string Origin = "example.com/behind-the-sofa";

    [Fact]
    public void The_spec_example_body_parses_and_formats_back()
    {
        const string Body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        var checkpoint = Checkpoint.ParseText(Body);
        Assert.True(checkpoint.IsSuccess, checkpoint.Error);
        Assert.Equal(20852163, checkpoint.Value.Size);
        Assert.Equal(Body, checkpoint.Value.ToNoteText());
    }

    [Theory]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")]
    [InlineData("o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n")]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")]
    [InlineData("o\n1\n")]
    [InlineData("\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n")]
    public void Malformed_bodies_are_rejected(string body) => Assert.False(Checkpoint.ParseText(body).IsSuccess);

    [Fact]
    public void Signed_checkpoints_open_only_for_trusted_keys_and_the_right_origin()
    {
        using var log = new Ed25519NoteSigner(Origin, Seed(1));
        var other = new Ed25519NoteSigner("example.com/other", Seed(2));
        var checkpoint = new Checkpoint(Origin, 5, MerkleHash.Leaf([1]), ["extension line"]);
        var note = checkpoint.Sign(log).Format();
        var trusted = new NoteVerifierSet(NoteKeys.ParseVerifierKey(log.VerifierKey).Value);

        var opened = Checkpoint.Open(note, Origin, trusted);
        Assert.True(opened.IsSuccess, opened.Error);
        Assert.Equal(checkpoint, opened.Value.Checkpoint);
        Assert.Equal(["extension line"], opened.Value.Checkpoint.Extensions);
        Assert.False(Checkpoint.Open(note, "example.com/other", trusted).IsSuccess);
        Assert.False(Checkpoint.Open(note, Origin, new NoteVerifierSet(NoteKeys.ParseVerifierKey(other.VerifierKey).Value)).IsSuccess);
        other.Dispose();
    }

    [Fact]
    public void Witness_cosignatures_carry_a_verified_timestamp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1679315147));
        using var log = new Ed25519NoteSigner(Origin, Seed(1));
        using var witness = new Ed25519NoteSigner("witness.example.com/w1", Seed(3), SignatureType.Ed25519Cosignature, clock);
        var note = new Checkpoint(Origin, 20852163, MerkleHash.Leaf([7])).Sign(log).AddSignatures(witness);
        var signature = note.Signatures[1].Signature;
        Assert.Equal(72, signature.Length);
        Assert.Equal(1679315147, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(signature));

        var witnessKey = NoteKeys.ParseVerifierKey(witness.VerifierKey).Value;
        Assert.Equal(SignatureType.Ed25519Cosignature, witnessKey.Type);
        Assert.NotEqual(NoteKeyId.Compute(witness.Name, SignatureType.Ed25519, witness.PublicKey), witness.KeyId);
        var trusted = new NoteVerifierSet(NoteKeys.ParseVerifierKey(log.VerifierKey).Value, witnessKey);
        var opened = Checkpoint.Open(note.Format(), Origin, trusted);
        Assert.True(opened.IsSuccess, opened.Error);
        Assert.Equal(1679315147, Assert.Single(opened.Value.Cosignatures).Timestamp);

        // A changed timestamp breaks the cosignature, and so the note.
        signature[7] ^= 1;
        Assert.False(Checkpoint.Open(note.Format(), Origin, trusted).IsSuccess);
    }

    [Fact]
    public void A_cosignature_signs_the_cosignature_v1_message_not_the_bare_text()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1));
        using var witness = new Ed25519NoteSigner("w", Seed(4), SignatureType.Ed25519Cosignature, clock);
        using var plain = new Ed25519NoteSigner("w", Seed(4));
        var text = "o\n1\n" + MerkleHash.Leaf([]).ToBase64() + "\n";
        var cosigned = witness.Sign(System.Text.Encoding.UTF8.GetBytes(text));
        var expected = plain.Sign(System.Text.Encoding.UTF8.GetBytes("cosignature/v1\ntime 1\n" + text));
        Assert.Equal(expected, cosigned[8..]);
    }

    internal static byte[] Seed(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
