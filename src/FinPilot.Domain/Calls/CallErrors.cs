using FinPilot.Domain.Common;

namespace FinPilot.Domain.Calls;

public static class CallErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Call.NotFound");
    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Call.ChangedByAnother");
    public static readonly ErrorCode BatchInvalid = ErrorCode.Validation("Call.BatchInvalid");
    public static readonly ErrorCode BatchTaken = ErrorCode.Validation("Call.BatchTaken");
    public static readonly ErrorCode RegionUnknown = ErrorCode.Validation("Call.RegionUnknown");
    public static readonly ErrorCode WindowInvalid = ErrorCode.Validation("Call.WindowInvalid");
    public static readonly ErrorCode ClosesInPast = ErrorCode.Validation("Call.ClosesInPast");
    public static readonly ErrorCode WindowFrozen = ErrorCode.Validation("Call.WindowFrozen");
    public static readonly ErrorCode TypeInvalid = ErrorCode.Validation("Call.TypeInvalid");
    public static readonly ErrorCode TooManyItems = ErrorCode.Validation("Call.TooManyItems");
    public static readonly ErrorCode DuplicateItem = ErrorCode.Validation("Call.DuplicateItem");
    public static readonly ErrorCode ItemsRequired = ErrorCode.Validation("Call.ItemsRequired");
    public static readonly ErrorCode NotDraft = ErrorCode.InvalidState("Call.NotDraft");
    public static readonly ErrorCode NotPublished = ErrorCode.InvalidState("Call.NotPublished");
    public static readonly ErrorCode NotClosed = ErrorCode.InvalidState("Call.NotClosed");
    public static readonly ErrorCode NotCorrectable = ErrorCode.InvalidState("Call.NotCorrectable");
    public static readonly ErrorCode NothingChanged = ErrorCode.Validation("Call.NothingChanged");
    public static readonly ErrorCode NotDue = ErrorCode.Validation("Call.NotDue");
    public static readonly ErrorCode OrganisationRequired = ErrorCode.Validation("Call.OrganisationRequired");
}
