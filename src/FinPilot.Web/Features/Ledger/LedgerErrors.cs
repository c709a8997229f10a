using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Ledger;

/// <summary>Codes of the ledger's public API; each names the query parameter it concerns. Arguments beside each.</summary>
public static class LedgerErrors
{
    /// <summary>A tree size of 0 or beyond the latest signed checkpoint. Argument: that checkpoint's size.</summary>
    public static readonly ErrorCode SizeOutOfRange = ErrorCode.Validation("Ledger.SizeOutOfRange");

    /// <summary>An index not below the tree size. Argument: the tree size.</summary>
    public static readonly ErrorCode IndexOutOfRange = ErrorCode.Validation("Ledger.IndexOutOfRange");

    /// <summary>An old size of 0 or above the new one. Argument: the new size.</summary>
    public static readonly ErrorCode OldSizeOutOfRange = ErrorCode.Validation("Ledger.OldSizeOutOfRange");
}
