using FinPilot.Domain.Common;

namespace FinPilot.Domain.Supervision;

/// <summary>
/// Codes of the expected failures of supervision plans. Errors about an input name the field it came
/// from; errors about the plan's state name none. Arguments are listed beside each code, in order.
/// </summary>
public static class SupervisionErrors
{
    /// <summary>No plan for that project. For the edge; the domain never returns it.</summary>
    public static readonly ErrorCode PlanNotFound = ErrorCode.NotFound("Supervision.Plan.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Supervision.Plan.ChangedByAnother");

    /// <summary>A plan is drafted only for a running pilot. No field. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("Supervision.ProjectNotRunning");

    /// <summary>Confirming a plan that is already confirmed and unchanged. No field. Arguments: the revision.</summary>
    public static readonly ErrorCode AlreadyConfirmed = ErrorCode.InvalidState("Supervision.Plan.AlreadyConfirmed");

    /// <summary>Arguments: the code given.</summary>
    public static readonly ErrorCode MetricCodeInvalid = ErrorCode.Validation("Supervision.Metric.CodeInvalid");

    /// <summary>An unknown kind, frequency or direction. Arguments: the metric's code.</summary>
    public static readonly ErrorCode MetricInvalid = ErrorCode.Validation("Supervision.Metric.Invalid");

    /// <summary>Arguments: the metric's code.</summary>
    public static readonly ErrorCode MetricLimitsReversed = ErrorCode.Validation("Supervision.Metric.LimitsReversed");

    /// <summary>Arguments: the code given twice.</summary>
    public static readonly ErrorCode MetricDuplicate = ErrorCode.Validation("Supervision.Metric.Duplicate");

    /// <summary>Arguments: the most allowed.</summary>
    public static readonly ErrorCode TooManyMetrics = ErrorCode.Validation("Supervision.Metric.TooMany");

    public static readonly ErrorCode FrequencyInvalid = ErrorCode.Validation("Supervision.FrequencyInvalid");

    /// <summary>A cap that is zero or negative. No arguments.</summary>
    public static readonly ErrorCode CapInvalid = ErrorCode.Validation("Supervision.Parameters.CapInvalid");

    /// <summary>Too many partner organisations, or an empty id. Arguments: the most allowed.</summary>
    public static readonly ErrorCode PartnersInvalid = ErrorCode.Validation("Supervision.Parameters.PartnersInvalid");

    /// <summary>Too many technologies, or a code that is not one (lower-case letters, digits, hyphens). Arguments: the most allowed.</summary>
    public static readonly ErrorCode TechnologiesInvalid = ErrorCode.Validation("Supervision.Parameters.TechnologiesInvalid");

    /// <summary>The end is not after the start. Arguments: start, end.</summary>
    public static readonly ErrorCode WindowInvalid = ErrorCode.Validation("Supervision.Parameters.WindowInvalid");

    /// <summary>Not an absolute http(s) address without credentials. Arguments: the address.</summary>
    public static readonly ErrorCode EndpointInvalid = ErrorCode.Validation("Supervision.Endpoint.Invalid");

    /// <summary>Interval, timeout or failure count out of range. Arguments: the address.</summary>
    public static readonly ErrorCode EndpointScheduleInvalid = ErrorCode.Validation("Supervision.Endpoint.ScheduleInvalid");

    /// <summary>Arguments: the most allowed.</summary>
    public static readonly ErrorCode TooManyEndpoints = ErrorCode.Validation("Supervision.Endpoint.TooMany");
}
