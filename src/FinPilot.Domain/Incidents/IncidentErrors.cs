using FinPilot.Domain.Common;

namespace FinPilot.Domain.Incidents;

/// <summary>
/// Codes of the expected failures of incident reports (事件报告). Errors about an input name the
/// field it came from; errors about the incident's state name none. Arguments are listed beside each code.
/// </summary>
public static class IncidentErrors
{
    /// <summary>No such incident, or none the caller may know of.</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Incident.NotFound");

    /// <summary>No such project to report on. For the edge.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Incident.Project.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Incident.ChangedByAnother");

    /// <summary>Incidents are reported on running pilots (running, rectifying, suspended). No field. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("Incident.ProjectNotRunning");

    /// <summary>An incident report asked for must be due within 1 to 720 hours.</summary>
    public static readonly ErrorCode RequestHoursInvalid = ErrorCode.Validation("Incident.RequestHoursInvalid");

    /// <summary>A severity other than I–IV. Field: severity.</summary>
    public static readonly ErrorCode SeverityInvalid = ErrorCode.Validation("Incident.SeverityInvalid");

    /// <summary>Detected before it occurred. Field: detectedAt.</summary>
    public static readonly ErrorCode DetectedBeforeOccurred = ErrorCode.Validation("Incident.DetectedBeforeOccurred");

    /// <summary>A time after now. Field: the time's name.</summary>
    public static readonly ErrorCode TimeInFuture = ErrorCode.Validation("Incident.TimeInFuture");

    /// <summary>Resolved before it was detected. Field: resolvedAt.</summary>
    public static readonly ErrorCode ResolvedBeforeDetected = ErrorCode.Validation("Incident.ResolvedBeforeDetected");

    /// <summary>A time that is missing. Field: the time's name.</summary>
    public static readonly ErrorCode TimeRequired = ErrorCode.Validation("Incident.TimeRequired");

    /// <summary>A count of customers below zero or above the most allowed. Field: customersAffected. Arguments: the most allowed.</summary>
    public static readonly ErrorCode CustomersInvalid = ErrorCode.Validation("Incident.CustomersInvalid");

    /// <summary>An amount below zero, above the most allowed, or with more than two decimals. Field: amountAffected. Arguments: the most allowed.</summary>
    public static readonly ErrorCode AmountInvalid = ErrorCode.Validation("Incident.AmountInvalid");

    /// <summary>The step is not open to an incident in its status. No field. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Incident.WrongStatus");

    /// <summary>A triage action that is not one. Field: action.</summary>
    public static readonly ErrorCode ActionInvalid = ErrorCode.Validation("Incident.ActionInvalid");

    /// <summary>Too many updates on one incident. No field. Arguments: the most allowed.</summary>
    public static readonly ErrorCode TooManyUpdates = ErrorCode.InvalidState("Incident.TooManyUpdates");
}
