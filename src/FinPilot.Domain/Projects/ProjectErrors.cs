namespace FinPilot.Domain.Projects;

public static class ProjectErrors
{
    public const string NotFound = "Project.NotFound";
    public const string Concurrency = "Project.ChangedByAnother";
    public const string CategoryInvalid = "Project.CategoryInvalid";

    /// <summary>Submission at or after the call's close time. Arguments: close time.</summary>
    public const string CallClosed = "Project.CallClosed";

    /// <summary>The application can only be changed while a draft or returned for supplement.</summary>
    public const string NotEditable = "Project.NotEditable";

    public const string SupplementItemsRequired = "Project.SupplementItemsRequired";

    /// <summary>Arguments: the maximum number of items.</summary>
    public const string TooManySupplementItems = "Project.TooManySupplementItems";

    /// <summary>Arguments: the smallest and largest allowed number of working days.</summary>
    public const string SupplementDaysOutOfRange = "Project.SupplementDaysOutOfRange";

    public const string NotAwaitingSupplement = "Project.NotAwaitingSupplement";

    /// <summary>Arguments: the deadline.</summary>
    public const string SupplementNotOverdue = "Project.SupplementNotOverdue";
}
