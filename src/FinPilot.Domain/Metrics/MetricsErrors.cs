using FinPilot.Domain.Common;

namespace FinPilot.Domain.Metrics;

/// <summary>
/// Codes of the expected failures of API clients and of metric submission. Arguments are listed
/// beside each code, in order. The submission codes are answered per event, never for a whole batch.
/// </summary>
public static class MetricsErrors
{
    public static readonly ErrorCode ClientNotFound = ErrorCode.NotFound("Metrics.Client.NotFound");

    public static readonly ErrorCode SecretNotFound = ErrorCode.NotFound("Metrics.Client.Secret.NotFound");

    public static readonly ErrorCode ClientChangedByAnother = ErrorCode.Conflict("Metrics.Client.ChangedByAnother");

    /// <summary>Arguments: the longest lifetime in days.</summary>
    public static readonly ErrorCode LifetimeOutOfRange = ErrorCode.Validation("Metrics.Client.LifetimeOutOfRange");

    /// <summary>Arguments: the most clients an organisation may hold.</summary>
    public static readonly ErrorCode TooManyClients = ErrorCode.Validation("Metrics.Client.TooMany");

    /// <summary>Rotating while two secrets are valid. No field. Arguments: the most valid secrets.</summary>
    public static readonly ErrorCode TooManySecrets = ErrorCode.InvalidState("Metrics.Client.TooManySecrets");

    /// <summary>Acting on a revoked client. No field.</summary>
    public static readonly ErrorCode ClientRevoked = ErrorCode.InvalidState("Metrics.Client.Revoked");

    /// <summary>Retiring the only valid secret (revoke the client instead). No field.</summary>
    public static readonly ErrorCode LastSecret = ErrorCode.InvalidState("Metrics.Client.LastSecret");

    /// <summary>Submitting for a pilot that is not under supervision. No field. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("Metrics.ProjectNotRunning");

    /// <summary>Submitting before the working group has confirmed the pilot's supervision plan. No field.</summary>
    public static readonly ErrorCode PlanNotInForce = ErrorCode.InvalidState("Metrics.PlanNotInForce");

    // Per event. The field is the CloudEvents attribute or data member concerned.

    /// <summary>The event is not a CloudEvent the SDK can read. Arguments: none.</summary>
    public static readonly ErrorCode EventMalformed = ErrorCode.Validation("Metrics.Event.Malformed");

    /// <summary>Arguments: none.</summary>
    public static readonly ErrorCode IdMissing = ErrorCode.Validation("Metrics.Event.IdMissing");

    /// <summary>Arguments: none.</summary>
    public static readonly ErrorCode SourceMissing = ErrorCode.Validation("Metrics.Event.SourceMissing");

    /// <summary>Arguments: the longest length.</summary>
    public static readonly ErrorCode TooLong = ErrorCode.Validation("Metrics.Event.TooLong");

    /// <summary>Arguments: the type given, the type expected.</summary>
    public static readonly ErrorCode TypeUnsupported = ErrorCode.Validation("Metrics.Event.TypeUnsupported");

    /// <summary>Arguments: the schema given, the schema expected.</summary>
    public static readonly ErrorCode SchemaUnsupported = ErrorCode.Validation("Metrics.Event.SchemaUnsupported");

    /// <summary>Arguments: none.</summary>
    public static readonly ErrorCode TimeMissing = ErrorCode.Validation("Metrics.Event.TimeMissing");

    /// <summary>Arguments: the time given.</summary>
    public static readonly ErrorCode TimeInFuture = ErrorCode.Validation("Metrics.Event.TimeInFuture");

    /// <summary>data is missing, not a JSON object, or lacks a member. Arguments: the member.</summary>
    public static readonly ErrorCode DataInvalid = ErrorCode.Validation("Metrics.Event.DataInvalid");

    /// <summary>Arguments: the metric code given.</summary>
    public static readonly ErrorCode MetricUnknown = ErrorCode.Validation("Metrics.Event.MetricUnknown");

    /// <summary>The value is not a JSON number. Arguments: the metric code.</summary>
    public static readonly ErrorCode ValueNotNumber = ErrorCode.Validation("Metrics.Event.ValueNotNumber");

    /// <summary>A counter's value is negative or not whole. Arguments: the metric code, the value.</summary>
    public static readonly ErrorCode ValueNotCount = ErrorCode.Validation("Metrics.Event.ValueNotCount");

    /// <summary>Arguments: the unit given, the unit of the metric.</summary>
    public static readonly ErrorCode UnitMismatch = ErrorCode.Validation("Metrics.Event.UnitMismatch");

    /// <summary>periodStart or periodEnd is not a date (yyyy-MM-dd), or the end is before the start. Arguments: none.</summary>
    public static readonly ErrorCode PeriodInvalid = ErrorCode.Validation("Metrics.Event.PeriodInvalid");

    /// <summary>Arguments: the window's first day, its last day.</summary>
    public static readonly ErrorCode PeriodOutsidePilot = ErrorCode.Validation("Metrics.Event.PeriodOutsidePilot");

    /// <summary>The period has not begun yet. Arguments: the period's first day.</summary>
    public static readonly ErrorCode PeriodInFuture = ErrorCode.Validation("Metrics.Event.PeriodInFuture");
}
