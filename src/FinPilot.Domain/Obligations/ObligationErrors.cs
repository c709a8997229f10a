using FinPilot.Domain.Common;

namespace FinPilot.Domain.Obligations;

/// <summary>
/// Codes of the expected failures of obligations (义务). Errors about the obligation's state name no
/// field; errors about an input name the parameter it came from. Arguments are listed beside each code.
/// </summary>
public static class ObligationErrors
{
    /// <summary>No such obligation, or none the caller may know of. For the edge.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Obligation.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Obligation.ChangedByAnother");

    /// <summary>Fulfilling or waiving an obligation that is not open. No field. Arguments: the status.</summary>
    public static readonly ErrorCode NotOpen = ErrorCode.InvalidState("Obligation.NotOpen");

    /// <summary>A kind that is not an <see cref="ObligationKind"/>. Field: kind. Arguments: the number.</summary>
    public static readonly ErrorCode KindUnknown = ErrorCode.Validation("Obligation.KindUnknown");

    /// <summary>A subject that is empty, too long or has control characters. Field: subject. Arguments: the most allowed.</summary>
    public static readonly ErrorCode SubjectInvalid = ErrorCode.Validation("Obligation.SubjectInvalid");

    /// <summary>A project, region or organisation missing from the draft. Field: the one missing.</summary>
    public static readonly ErrorCode OwnerMissing = ErrorCode.Validation("Obligation.OwnerMissing");

    /// <summary>A reminder offset recorded twice, or zero. No field. Arguments: the offset.</summary>
    public static readonly ErrorCode ReminderAlreadySent = ErrorCode.InvalidState("Obligation.ReminderAlreadySent");

    /// <summary>Telling of an overdue obligation that is not overdue, or twice. No field. No arguments.</summary>
    public static readonly ErrorCode NotOverdue = ErrorCode.InvalidState("Obligation.NotOverdue");
}
