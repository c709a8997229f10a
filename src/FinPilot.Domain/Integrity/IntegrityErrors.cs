using FinPilot.Domain.Common;

namespace FinPilot.Domain.Integrity;

/// <summary>Codes of the expected failures of integrity flags (廉政监督). Errors about an input name its field.</summary>
public static class IntegrityErrors
{
    /// <summary>No such flag, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Integrity.NotFound");

    /// <summary>The record a flag would concern does not exist. Field: recordId.</summary>
    public static readonly ErrorCode RecordNotFound = ErrorCode.NotFound("Integrity.Record.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Integrity.ChangedByAnother");

    /// <summary>The flag is not at the step the action needs. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Integrity.WrongStatus");

    /// <summary>A record kind, rule or conclusion that is not one of the choices. Field: the input's name.</summary>
    public static readonly ErrorCode ChoiceInvalid = ErrorCode.Validation("Integrity.ChoiceInvalid");

    /// <summary>A deadline outside 1 to the most working days. Field: workingDays. Arguments: min, max.</summary>
    public static readonly ErrorCode WorkingDaysInvalid = ErrorCode.Validation("Integrity.WorkingDaysInvalid");

    /// <summary>The record has no pilot whose institution could be asked, nor a region whose working group could. Field: recordId.</summary>
    public static readonly ErrorCode NoResponsibleUnit = ErrorCode.InvalidState("Integrity.NoResponsibleUnit");

    /// <summary>The irreversible step was not confirmed. Field: confirmed.</summary>
    public static readonly ErrorCode NotConfirmed = ErrorCode.Validation("Integrity.NotConfirmed");
}
