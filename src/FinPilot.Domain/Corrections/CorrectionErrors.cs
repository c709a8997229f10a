using FinPilot.Domain.Common;

namespace FinPilot.Domain.Corrections;

/// <summary>
/// Codes of the expected failures of correction orders and tolerated deviations (容错纠偏). Errors
/// about an input name its field; errors about the record's state name none.
/// </summary>
public static class CorrectionErrors
{
    /// <summary>No such correction order, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Correction.NotFound");

    /// <summary>No such tolerated deviation, or none the caller may know of.</summary>
    public static readonly ErrorCode ToleranceNotFound = ErrorCode.NotFound("Correction.Tolerance.NotFound");

    /// <summary>No such project. For the edge.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Correction.Project.NotFound");

    /// <summary>No such alert on this project to escalate from. Field: alertId.</summary>
    public static readonly ErrorCode AlertNotFound = ErrorCode.NotFound("Correction.Alert.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Correction.ChangedByAnother");

    /// <summary>Orders and deviations concern pilots in supervision (running, rectifying, suspended). Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotSupervised = ErrorCode.InvalidState("Correction.ProjectNotSupervised");

    /// <summary>The order is not at the step the action needs. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Correction.WrongStatus");

    /// <summary>The order was already disclosed.</summary>
    public static readonly ErrorCode AlreadyDisclosed = ErrorCode.InvalidState("Correction.AlreadyDisclosed");

    /// <summary>The alert is already closed. Field: alertId.</summary>
    public static readonly ErrorCode AlertClosed = ErrorCode.InvalidState("Correction.AlertClosed");

    /// <summary>A severity other than the three. Field: severity.</summary>
    public static readonly ErrorCode SeverityInvalid = ErrorCode.Validation("Correction.SeverityInvalid");

    /// <summary>A deadline outside 1 to the most working days. Field: workingDays. Arguments: min, max.</summary>
    public static readonly ErrorCode WorkingDaysInvalid = ErrorCode.Validation("Correction.WorkingDaysInvalid");

    /// <summary>An expiry date that is not after today or too far ahead. Field: expiresOn. Arguments: the most days ahead.</summary>
    public static readonly ErrorCode ExpiryInvalid = ErrorCode.Validation("Correction.ExpiryInvalid");

    /// <summary>A verdict or review decision that is not one of the choices. Field: decision.</summary>
    public static readonly ErrorCode DecisionInvalid = ErrorCode.Validation("Correction.DecisionInvalid");

    /// <summary>No such file on the order's evidence (or one of an earlier round, which stays).</summary>
    public static readonly ErrorCode FileNotFound = ErrorCode.NotFound("Correction.File.NotFound");

    /// <summary>The evidence has the most files already. Field: File. Arguments: the most files.</summary>
    public static readonly ErrorCode TooManyFiles = ErrorCode.InvalidState("Correction.TooManyFiles");

    /// <summary>The history is full. Arguments: the most steps.</summary>
    public static readonly ErrorCode TooManySteps = ErrorCode.InvalidState("Correction.TooManySteps");
}
