using FinPilot.Domain.Common;

namespace FinPilot.Domain.Alerts;

/// <summary>Codes of the expected failures of alerts and rule settings. Arguments are listed beside each code.</summary>
public static class AlertErrors
{
    /// <summary>No such alert, or none the caller may know of. For the edge.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Alert.NotFound");

    /// <summary>No such project under supervision. For the edge.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Alert.Project.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Alert.ChangedByAnother");

    /// <summary>A triage step the alert's status does not allow. No field. Arguments: the status, the status wanted.</summary>
    public static readonly ErrorCode TransitionNotAllowed = ErrorCode.InvalidState("Alert.TransitionNotAllowed");

    /// <summary>A kind that is not a <see cref="RiskRuleKind"/>. Field: kind. Arguments: the value.</summary>
    public static readonly ErrorCode KindUnknown = ErrorCode.Validation("Alert.KindUnknown");

    /// <summary>A status that is not an <see cref="AlertStatus"/>. Field: status. Arguments: the value.</summary>
    public static readonly ErrorCode StatusUnknown = ErrorCode.Validation("Alert.StatusUnknown");

    /// <summary>A rule key that is empty, too long or has control characters. Field: ruleKey. Arguments: the most allowed.</summary>
    public static readonly ErrorCode RuleKeyInvalid = ErrorCode.Validation("Alert.RuleKeyInvalid");

    /// <summary>A project, region or organisation missing. Field: the one missing.</summary>
    public static readonly ErrorCode OwnerMissing = ErrorCode.Validation("Alert.OwnerMissing");

    /// <summary>A change-rate percentage outside 1–1000. Field: changeRatePercent. Arguments: the least, the most.</summary>
    public static readonly ErrorCode ChangeRateInvalid = ErrorCode.Validation("Alert.ChangeRateInvalid");

    /// <summary>Grace days outside 0–90. Field: staleGraceDays. Arguments: the least, the most.</summary>
    public static readonly ErrorCode GraceInvalid = ErrorCode.Validation("Alert.GraceInvalid");

    /// <summary>Saving the same rule settings again. No field. No arguments.</summary>
    public static readonly ErrorCode SettingsUnchanged = ErrorCode.InvalidState("Alert.SettingsUnchanged");
}
