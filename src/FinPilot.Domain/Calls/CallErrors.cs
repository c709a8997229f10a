namespace FinPilot.Domain.Calls;

public static class CallErrors
{
    public const string NotFound = "Call.NotFound";
    public const string Concurrency = "Call.ChangedByAnother";
    public const string BatchInvalid = "Call.BatchInvalid";
    public const string BatchTaken = "Call.BatchTaken";
    public const string RegionUnknown = "Call.RegionUnknown";
    public const string WindowInvalid = "Call.WindowInvalid";
    public const string ClosesInPast = "Call.ClosesInPast";
    public const string WindowFrozen = "Call.WindowFrozen";
    public const string TypeInvalid = "Call.TypeInvalid";
    public const string TooManyItems = "Call.TooManyItems";
    public const string DuplicateItem = "Call.DuplicateItem";
    public const string ItemsRequired = "Call.ItemsRequired";
    public const string NotDraft = "Call.NotDraft";
    public const string NotPublished = "Call.NotPublished";
    public const string NotClosed = "Call.NotClosed";
    public const string NotCorrectable = "Call.NotCorrectable";
    public const string NothingChanged = "Call.NothingChanged";
    public const string NotDue = "Call.NotDue";
    public const string NoOrganisation = "Call.NoOrganisation";
}
