namespace FinPilot.Web.Features.Ledger;

/// <summary>Codes of the ledger's public API; each names the query parameter it concerns. Arguments beside each.</summary>
public static class LedgerErrors
{
    /// <summary>A tree size of 0 or beyond the latest signed checkpoint. Argument: that checkpoint's size.</summary>
    public const string SizeOutOfRange = "Ledger.SizeOutOfRange";

    /// <summary>An index not below the tree size. Argument: the tree size.</summary>
    public const string IndexOutOfRange = "Ledger.IndexOutOfRange";

    /// <summary>An old size of 0 or above the new one. Argument: the new size.</summary>
    public const string OldSizeOutOfRange = "Ledger.OldSizeOutOfRange";
}
