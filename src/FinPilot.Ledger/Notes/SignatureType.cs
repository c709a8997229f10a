namespace FinPilot.Ledger.Notes;

/// <summary>The signed-note signature type bytes this library implements.</summary>
public enum SignatureType : byte
{
    /// <summary>Plain Ed25519 over the note text (c2sp.org/signed-note): how a log signs.</summary>
    Ed25519 = 0x01,

    /// <summary>Timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature, cosignature/v1).</summary>
    Ed25519Cosignature = 0x04,
}
