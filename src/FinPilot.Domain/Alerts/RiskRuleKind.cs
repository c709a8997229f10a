namespace FinPilot.Domain.Alerts;

/// <summary>
/// What a risk rule (风险规则) watches. Stored by name; new kinds are appended with new numbers,
/// never renumbered. Each alert names one kind and a key within it (<see cref="Alert.RuleKey"/>).
/// </summary>
public enum RiskRuleKind
{
    /// <summary>A metric's value outside the limits of its definition. Key: the metric code.</summary>
    Threshold = 1,

    /// <summary>Customers served above the approved customer cap (测试参数). Key: the metric code.</summary>
    CustomerCapBreach = 2,

    /// <summary>The largest amount of one customer above its approved cap. Key: the metric code.</summary>
    AmountPerCustomerCapBreach = 3,

    /// <summary>A sample of a period or time before the approved start or after the approved end. Key: the metric code.</summary>
    ActivityOutsideWindow = 4,

    /// <summary>A metric that gets worse by more than the set percentage from one period to the next. Key: the metric code.</summary>
    ChangeRate = 5,

    /// <summary>No sample within the metric's expected frequency and the grace days. Key: the metric code.</summary>
    StaleStream = 6,

    /// <summary>An obligation past its due time. Key: the obligation id.</summary>
    OverdueObligation = 7,

    /// <summary>An incident reported with a severe grade. Key: the incident id.</summary>
    SevereIncident = 8,

    /// <summary>A probed endpoint failing several times in a row. Key: the endpoint's URL.</summary>
    ProbeFailing = 9,

    /// <summary>A pilot still under supervision after its approved end date. Key: the end date, yyyy-MM-dd.</summary>
    PastEndDate = 10,
}

/// <summary>How grave an alert is: a warning asks for attention, a risk for action.</summary>
public enum AlertSeverity
{
    Warning = 1,

    Risk = 2,
}

/// <summary>Where an alert stands in triage. Open and acknowledged alerts are open; the others are closed for good.</summary>
public enum AlertStatus
{
    Open = 1,

    Acknowledged = 2,

    Resolved = 3,

    Dismissed = 4,

    /// <summary>Handed on for intervention (a correction order or a risk disposal, next issue); recorded with a reason.</summary>
    Escalated = 5,
}
