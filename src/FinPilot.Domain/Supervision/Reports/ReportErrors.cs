using FinPilot.Domain.Common;

namespace FinPilot.Domain.Supervision.Reports;

/// <summary>Codes of the expected failures of periodic reports. Arguments are listed beside each code.</summary>
public static class ReportErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Supervision.Report.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Supervision.Report.ChangedByAnother");

    /// <summary>The move is not allowed from the report's status. No field. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Supervision.Report.WrongStatus");

    /// <summary>Submitted or accepted: the content is frozen. No field. Arguments: the status.</summary>
    public static readonly ErrorCode Frozen = ErrorCode.InvalidState("Supervision.Report.Frozen");

    /// <summary>The plan is not confirmed yet, so no report can be opened. No field.</summary>
    public static readonly ErrorCode PlanNotInForce = ErrorCode.InvalidState("Supervision.Report.PlanNotInForce");

    /// <summary>No such period in the plan's window. Arguments: the subject given.</summary>
    public static readonly ErrorCode PeriodUnknown = ErrorCode.Validation("Supervision.Report.PeriodUnknown");

    /// <summary>A report of that period exists already. Arguments: the subject.</summary>
    public static readonly ErrorCode PeriodTaken = ErrorCode.Conflict("Supervision.Report.PeriodTaken");

    /// <summary>A metric value for a metric the plan does not list, or one already machine-submitted. Arguments: the code.</summary>
    public static readonly ErrorCode MetricNotReportable = ErrorCode.Validation("Supervision.Report.MetricNotReportable");

    /// <summary>Arguments: the code.</summary>
    public static readonly ErrorCode MetricValueInvalid = ErrorCode.Validation("Supervision.Report.MetricValueInvalid");

    /// <summary>A count below zero, or more resolved than received. No arguments.</summary>
    public static readonly ErrorCode CountInvalid = ErrorCode.Validation("Supervision.Report.CountInvalid");

    /// <summary>Submitting without the progress text. No arguments.</summary>
    public static readonly ErrorCode ProgressRequired = ErrorCode.Validation("Supervision.Report.ProgressRequired");

    /// <summary>Arguments: the most allowed.</summary>
    public static readonly ErrorCode TooManyFiles = ErrorCode.Validation("Supervision.Report.TooManyFiles");

    public static readonly ErrorCode FileNotFound = ErrorCode.NotFound("Supervision.Report.File.NotFound");

    /// <summary>A deadline outside 1–60 working days. Arguments: the least, the most.</summary>
    public static readonly ErrorCode DeadlineInvalid = ErrorCode.Validation("Supervision.Report.DeadlineInvalid");
}
