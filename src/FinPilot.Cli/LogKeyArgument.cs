using FinPilot.Ledger;
using FinPilot.Ledger.Notes;

namespace FinPilot.Cli;

/// <summary>The <c>--key</c> and <c>--origin</c> a ledger command trusts a log by.</summary>
internal static class LogKeyArgument
{
    /// <summary>Reads the log's verifier key, given inline or as a file holding it (as
    /// <c>ledger keygen</c> prints it); the origin defaults to the key's name.</summary>
    public static Result<(NoteVerifierSet Trusted, string Origin)> Resolve(string key, string? origin)
    {
        var verifier = NoteKeys.ParseVerifierKey(key.Trim());
        if (!verifier.IsSuccess && File.Exists(key))
        {
            verifier = NoteKeys.ParseVerifierKey(File.ReadAllText(key).Trim());
        }

        if (!verifier.IsSuccess)
        {
            return Result<(NoteVerifierSet, string)>.Fail($"--key: {verifier.Error}");
        }

        // A witness key can't vouch for the log's own signature; accepting one would let a
        // cosignature alone open a checkpoint.
        return verifier.Value.Type == SignatureType.Ed25519
            ? (new NoteVerifierSet(verifier.Value), origin ?? verifier.Value.Name)
            : Result<(NoteVerifierSet, string)>.Fail("--key: this is a witness (cosignature) key; give the log's own key.");
    }

    /// <summary>Reads the <c>--witness</c> keys (inline or files), each a witness cosignature key.</summary>
    public static Result<IReadOnlyList<INoteVerifier>> ResolveWitnesses(IEnumerable<string> keys)
    {
        var witnesses = new List<INoteVerifier>();
        foreach (var key in keys)
        {
            var verifier = NoteKeys.ParseVerifierKey(key.Trim());
            if (!verifier.IsSuccess && File.Exists(key))
            {
                verifier = NoteKeys.ParseVerifierKey(File.ReadAllText(key).Trim());
            }

            if (!verifier.IsSuccess)
            {
                return Result<IReadOnlyList<INoteVerifier>>.Fail($"--witness: {verifier.Error}");
            }

            if (verifier.Value.Type != SignatureType.Ed25519Cosignature)
            {
                return Result<IReadOnlyList<INoteVerifier>>.Fail($"--witness: {verifier.Value.Name} is not a witness cosignature key.");
            }

            witnesses.Add(verifier.Value);
        }

        return witnesses;
    }
}
