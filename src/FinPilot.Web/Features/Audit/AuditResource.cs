namespace FinPilot.Web.Features.Audit;

/// <summary>
/// The kind of record an audit line is about. The name is what the trail stores and filters on,
/// so it never changes once written; new kinds are added here, not spelled at call sites.
/// </summary>
public readonly record struct AuditResource(string Name)
{
    public static readonly AuditResource ApiToken = new("api-token");
    public static readonly AuditResource Calendar = new("calendar");
    public static readonly AuditResource CalendarDay = new("calendar-day");
    public static readonly AuditResource Call = new("call");
    public static readonly AuditResource EvaluationRound = new("evaluation-round");
    public static readonly AuditResource Expert = new("expert");
    public static readonly AuditResource Integrity = new("integrity");
    public static readonly AuditResource Meeting = new("meeting");
    public static readonly AuditResource Notice = new("notice");
    public static readonly AuditResource Organisation = new("organisation");
    public static readonly AuditResource Project = new("project");
    public static readonly AuditResource ReferenceItem = new("reference-item");
    public static readonly AuditResource Region = new("region");
    public static readonly AuditResource User = new("user");
    public static readonly AuditResource Obligation = new("obligation");

    public static readonly AuditResource SupervisionPlan = new("supervision-plan");
    public static readonly AuditResource PeriodicReport = new("periodic-report");
    public static readonly AuditResource ProgressDisclosure = new("progress-disclosure");

    public static readonly AuditResource ApiClient = new("api-client");
    public static readonly AuditResource Request = new("request");

    public static readonly AuditResource Alert = new("alert");
    public static readonly AuditResource RiskRuleOverride = new("risk-rule-override");
    public static readonly AuditResource Incident = new("incident");

    public static readonly AuditResource CorrectionOrder = new("correction-order");
    public static readonly AuditResource ToleratedDeviation = new("tolerated-deviation");
    public static readonly AuditResource DisposalCase = new("disposal-case");
    public static readonly AuditResource ContingencyPlan = new("contingency-plan");
    public static readonly AuditResource PlanChange = new("plan-change");
    public static readonly AuditResource Scenario = new("scenario");
    public static readonly AuditResource Solution = new("solution");
    public static readonly AuditResource ScenarioSubscription = new("scenario-subscription");
    public static readonly AuditResource ScenarioMatch = new("scenario-match");
    public static readonly AuditResource Roadshow = new("roadshow");
    public static readonly AuditResource CoachingAssignment = new("coaching-assignment");
    public static readonly AuditResource ExitCase = new("exit-case");

    public static readonly AuditResource IntegrityFlag = new("integrity-flag");
    public static readonly AuditResource MetricSeries = new("metric-series");
    public static readonly AuditResource Casebook = new("casebook");

    public override string ToString() => Name;
}

/// <summary>One line of the trail as a command describes it; the save step writes it with the change.</summary>
public sealed record AuditLine(
    string Action, AuditResource Resource, string? ResourceId, object? Details = null, int? RegionId = null, string? ActorName = null);
