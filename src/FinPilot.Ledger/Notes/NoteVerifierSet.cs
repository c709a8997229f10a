namespace FinPilot.Ledger.Notes;

/// <summary>The keys a client trusts, looked up by the (name, key ID) pair of a signature line.</summary>
public sealed class NoteVerifierSet
{
    private readonly Dictionary<(string Name, uint KeyId), INoteVerifier> _byKey = [];

    public NoteVerifierSet(params IEnumerable<INoteVerifier> verifiers)
    {
        foreach (var verifier in verifiers)
        {
            Add(verifier);
        }
    }

    public int Count => _byKey.Count;

    public void Add(INoteVerifier verifier)
    {
        // Two trusted keys with the same name and ID would make a signature line ambiguous.
        if (!_byKey.TryAdd((verifier.Name, verifier.KeyId), verifier))
        {
            throw new ArgumentException($"A key {verifier.Name}+{NoteKeyId.Format(verifier.KeyId)} is already trusted.", nameof(verifier));
        }
    }

    public INoteVerifier? Find(string name, uint keyId) => _byKey.GetValueOrDefault((name, keyId));
}
