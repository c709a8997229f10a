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

    /// <summary>More approval conditions than allowed. Field: conditions. Arguments: the maximum.</summary>
    public const string TooManyApprovalConditions = "Project.TooManyApprovalConditions";

    /// <summary>
    /// Admission while approval conditions await the lead applicant's confirmation. No field.
    /// Arguments: the number of conditions.
    /// </summary>
    public const string ConditionsUnconfirmed = "Project.ConditionsUnconfirmed";

    /// <summary>Conditions are confirmed during public notice or while running only. Field: Stage. Arguments: the stage.</summary>
    public const string ConditionsNotConfirmable = "Project.ConditionsNotConfirmable";

    /// <summary>Confirming when the approval carried no conditions. No field, no arguments.</summary>
    public const string NoApprovalConditions = "Project.NoApprovalConditions";

    /// <summary>Confirming a second time. No field. Arguments: when they were confirmed.</summary>
    public const string ConditionsAlreadyConfirmed = "Project.ConditionsAlreadyConfirmed";

    /// <summary>The planned end is not after the start. Field: PlannedEndOn. Arguments: the start date.</summary>
    public const string PilotEndNotAfterStart = "Project.PilotEndNotAfterStart";

    /// <summary>A customer limit below one. Field: CustomerLimit. Arguments: the minimum (1).</summary>
    public const string CustomerLimitInvalid = "Project.CustomerLimitInvalid";
}
