using System.Text;
using FinPilot.Ledger.Notes;

namespace FinPilot.Ledger.Tests;

/// <summary>Vectors from golang.org/x/mod/sumdb/note (example_test.go and note_test.go).</summary>
public sealed class SignedNoteTests
{
    internal const string PeterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    internal const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    [Fact]
    public void Signing_reproduces_the_published_note()
    {
        using var signer = NoteKeys.ParseSignerKey(PeterSignerKey).Value;
        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(PeterVerifierKey, signer.VerifierKey);
        Assert.Equal(Text + "\n" + PeterSig, SignedNote.Sign(Text, signer).Format());
    }

    [Fact]
    public void A_key_from_an_all_zero_seed_reproduces_the_second_published_signature()
    {
        // Go's example generates EnochRoot's key from a reader of zeros: the seed is 32 zero bytes.
        using var enoch = new Ed25519NoteSigner("EnochRoot", new byte[32]);
        Assert.Equal(EnochVerifierKey, enoch.VerifierKey);
        using var peter = NoteKeys.ParseSignerKey(PeterSignerKey).Value;
        Assert.Equal(Text + "\n" + PeterSig + EnochSig, SignedNote.Sign(Text, peter, enoch).Format());
    }

    [Fact]
    public void Open_verifies_known_keys_and_ignores_unknown_ones()
    {
        var peter = NoteKeys.ParseVerifierKey(PeterVerifierKey).Value;
        var enoch = NoteKeys.ParseVerifierKey(EnochVerifierKey).Value;

        var one = SignedNote.Open(Text + "\n" + PeterSig + EnochSig, new NoteVerifierSet(peter));
        Assert.True(one.IsSuccess, one.Error);
        Assert.Equal(Text, one.Value.Text);
        Assert.Equal(["PeterNeumann"], one.Value.Verified.Select(v => v.Name));

        var both = SignedNote.Open(Text + "\n" + PeterSig + EnochSig, new NoteVerifierSet(peter, enoch));
        Assert.Equal(["PeterNeumann", "EnochRoot"], both.Value.Verified.Select(v => v.Name));

        var none = SignedNote.Open(Text + "\n" + PeterSig + EnochSig, new NoteVerifierSet());
        Assert.False(none.IsSuccess);
        Assert.Contains("no signature from a trusted key", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_signature_from_a_known_key_rejects_the_note()
    {
        var peter = NoteKeys.ParseVerifierKey(PeterVerifierKey).Value;
        var corrupted = PeterSig[..60] + "ABCD" + PeterSig[60..];
        var result = SignedNote.Open(Text + "\n" + corrupted, new NoteVerifierSet(peter));
        Assert.Equal("Invalid signature for key PeterNeumann+c74f20a3.", result.Error);

        // A line with the known name but another key ID is just an unknown key.
        var otherId = PeterSig.Replace("x08g", "xxxx", StringComparison.Ordinal);
        Assert.Contains("no signature from a trusted key", SignedNote.Open(Text + "\n" + otherId, new NoteVerifierSet(peter)).Error, StringComparison.Ordinal);
        var tamperedText = SignedNote.Open(Text.Replace("problem", "Problem", StringComparison.Ordinal) + "\n" + PeterSig, new NoteVerifierSet(peter));
        Assert.False(tamperedText.IsSuccess);
    }

    [Theory]
    [InlineData(Text)]
    [InlineData(Text + "\n")]
    [InlineData(Text + "\n" + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("\u0001" + Text + "\n" + PeterSig)]
    [InlineData(Text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData(Text + "\n" + PeterSig + "Unexpected line.\n")]
    public void Malformed_notes_are_rejected(string note)
    {
        var peter = NoteKeys.ParseVerifierKey(PeterVerifierKey).Value;
        Assert.False(SignedNote.Open(note, new NoteVerifierSet(peter)).IsSuccess);
    }

    [Fact]
    public void Invalid_utf8_and_too_many_signatures_are_rejected()
    {
        byte[] invalid = [0xff, .. Encoding.UTF8.GetBytes(Text + "\n" + PeterSig)];
        Assert.False(SignedNote.Parse(invalid).IsSuccess);
        Assert.False(SignedNote.Parse(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 101))).IsSuccess);
        Assert.True(SignedNote.Parse(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 100))).IsSuccess);
    }

    [Fact]
    public void WithSignatures_appends_new_keys_replaces_a_known_key_and_stops_at_the_limit()
    {
        var peter = SignedNote.Parse(Text + "\n" + PeterSig).Value;
        var enoch = SignedNote.Parse(Text + "\n" + EnochSig).Value.Signatures[0];

        var both = peter.WithSignatures(enoch);
        Assert.Equal(Text + "\n" + PeterSig + EnochSig, both.Format());
        Assert.Equal(PeterSig, peter.Format()[(Text.Length + 1)..]);

        var newer = enoch with { Signature = [.. enoch.Signature.Reverse()] };
        Assert.Equal(Text + "\n" + PeterSig + newer.Format(), both.WithSignatures(newer).Format());

        var many = Enumerable.Range(0, SignedNote.MaxSignatures).Select(i => new NoteSignature($"k{i}", (uint)i, [1])).ToList();
        Assert.Equal(SignedNote.MaxSignatures, SignedNote.Parse(Text + "\n" + PeterSig).Value.WithSignatures(many.Skip(1)).Signatures.Count);
        Assert.Throws<ArgumentException>(() => peter.WithSignatures(many));
    }

    [Fact]
    public void Every_mangling_of_the_keys_is_rejected()
    {
        Assert.True(NoteKeys.ParseVerifierKey(PeterVerifierKey).IsSuccess);
        foreach (var mangled in Manglings(PeterVerifierKey))
        {
            Assert.False(NoteKeys.ParseVerifierKey(mangled).IsSuccess, mangled);
        }

        foreach (var mangled in Manglings(PeterSignerKey))
        {
            Assert.False(NoteKeys.ParseSignerKey(mangled).IsSuccess, mangled);
        }

        // Published in note_test.go: wrong key length and unknown algorithm, each with a matching hash.
        Assert.False(NoteKeys.ParseVerifierKey("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==").IsSuccess);
        Assert.False(NoteKeys.ParseVerifierKey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").IsSuccess);
    }

    [Fact]
    public void Generated_keys_sign_and_verify()
    {
        var (skey, vkey) = NoteKeys.Generate("example.com/log");
        using var signer = NoteKeys.ParseSignerKey(skey).Value;
        var verifier = NoteKeys.ParseVerifierKey(vkey).Value;
        var note = SignedNote.Sign("hello\n", signer).Format();
        Assert.True(SignedNote.Open(note, new NoteVerifierSet(verifier)).IsSuccess);
        Assert.Throws<ArgumentException>(() => new NoteVerifierSet(verifier, verifier));
    }

    private static IEnumerable<string> Manglings(string key)
    {
        for (var i = 0; i <= key.Length; i++)
        {
            for (var j = i + 1; j <= key.Length; j++)
            {
                if (i != 0 || j != key.Length)
                {
                    yield return key[i..j];
                }
            }
        }

        for (var i = 0; i < key.Length; i++)
        {
            var chars = key.ToCharArray();
            chars[i]++;
            yield return new string(chars);
        }
    }
}
