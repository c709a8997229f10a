using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

public static class ProjectErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Project.NotFound");
    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Project.ChangedByAnother");
    public static readonly ErrorCode CategoryInvalid = ErrorCode.Validation("Project.CategoryInvalid");

    /// <summary>Submission at or after the call's close time. Arguments: close time.</summary>
    public static readonly ErrorCode CallClosed = ErrorCode.Validation("Project.CallClosed");

    /// <summary>The application can only be changed while a draft or returned for supplement.</summary>
    public static readonly ErrorCode NotEditable = ErrorCode.Conflict("Project.NotEditable");

    public static readonly ErrorCode SupplementItemsRequired = ErrorCode.Validation("Project.SupplementItemsRequired");

    /// <summary>Arguments: the maximum number of items.</summary>
    public static readonly ErrorCode TooManySupplementItems = ErrorCode.Validation("Project.TooManySupplementItems");

    /// <summary>Arguments: the smallest and largest allowed number of working days.</summary>
    public static readonly ErrorCode SupplementDaysOutOfRange = ErrorCode.Validation("Project.SupplementDaysOutOfRange");

    public static readonly ErrorCode NotAwaitingSupplement = ErrorCode.Conflict("Project.NotAwaitingSupplement");

    /// <summary>Arguments: the deadline.</summary>
    public static readonly ErrorCode SupplementNotOverdue = ErrorCode.Validation("Project.SupplementNotOverdue");

    /// <summary>More approval conditions than allowed. Field: conditions. Arguments: the maximum.</summary>
    public static readonly ErrorCode TooManyApprovalConditions = ErrorCode.Validation("Project.TooManyApprovalConditions");

    /// <summary>
    /// Admission while approval conditions await the lead applicant's confirmation. No field.
    /// Arguments: the number of conditions.
    /// </summary>
    public static readonly ErrorCode ConditionsUnconfirmed = ErrorCode.InvalidState("Project.ConditionsUnconfirmed");

    /// <summary>Conditions are confirmed during public notice or while running only. Field: Stage. Arguments: the stage.</summary>
    public static readonly ErrorCode ConditionsNotConfirmable = ErrorCode.Conflict("Project.ConditionsNotConfirmable");

    /// <summary>Confirming when the approval carried no conditions. No field, no arguments.</summary>
    public static readonly ErrorCode NoApprovalConditions = ErrorCode.InvalidState("Project.NoApprovalConditions");

    /// <summary>Confirming a second time. No field. Arguments: when they were confirmed.</summary>
    public static readonly ErrorCode ConditionsAlreadyConfirmed = ErrorCode.InvalidState("Project.ConditionsAlreadyConfirmed");

    /// <summary>The planned end is not after the start. Field: PlannedEndOn. Arguments: the start date.</summary>
    public static readonly ErrorCode PilotEndNotAfterStart = ErrorCode.Validation("Project.PilotEndNotAfterStart");

    /// <summary>A customer limit below one. Field: CustomerLimit. Arguments: the minimum (1).</summary>
    public static readonly ErrorCode CustomerLimitInvalid = ErrorCode.Validation("Project.CustomerLimitInvalid");

    /// <summary>An exit asked for with a mode the institution may not choose (only completed or withdrawn). Field: ExitMode. Arguments: the mode.</summary>
    public static readonly ErrorCode ExitModeInvalid = ErrorCode.Validation("Project.ExitModeInvalid");
}
