namespace FinPilot.Domain.Casebooks;

/// <summary>
/// A field a casebook case is assembled from. Each has a publication flag in the case's policy;
/// numbers are stored, new fields are added at the end.
/// </summary>
public enum CaseField
{
    /// <summary>The register's profile: name, lead institution, partners, category, region, batch, duration.</summary>
    Profile = 1,

    /// <summary>业务场景 and 技术 from the register.</summary>
    ScenarioTechnology = 2,

    /// <summary>The innovation: what the pilot tested (as published) and the institution's account of its value.</summary>
    Innovation = 3,

    /// <summary>监管启发: the regulatory insight tested.</summary>
    RegulatoryInsight = 4,

    /// <summary>风险防控.</summary>
    RiskControls = 5,

    /// <summary>投资者保护.</summary>
    InvestorProtection = 6,

    /// <summary>The exit mode, the exit date and the confirmed tier (public records).</summary>
    ExitAndTier = 7,

    /// <summary>The public supervision events: corrections ordered and closed, plan changes, suspensions.</summary>
    SupervisionEvents = 8,

    /// <summary>The expert opinion's scores (internal).</summary>
    ExpertScores = 20,

    /// <summary>The metric values and their chart series, other than customers and complaints (internal).</summary>
    MetricValues = 21,

    /// <summary>Complaint counts (internal).</summary>
    ComplaintCounts = 22,

    /// <summary>Customer numbers (internal).</summary>
    CustomerNumbers = 23,

    /// <summary>The working group's internal notes: the audit note and the forwarding view (internal).</summary>
    InternalNotes = 24,
}

/// <summary>Which fields are public by default: facts already on the public record are; internal facts are not.</summary>
public static class CaseFields
{
    public static IReadOnlyList<CaseField> All { get; } = Enum.GetValues<CaseField>();

    public static IReadOnlyList<CaseField> PublicByDefault { get; } =
    [
        CaseField.Profile, CaseField.ScenarioTechnology, CaseField.Innovation, CaseField.RegulatoryInsight, CaseField.RiskControls,
        CaseField.InvestorProtection, CaseField.ExitAndTier, CaseField.SupervisionEvents,
    ];

    /// <summary>Whether a field holds an internal fact (withheld unless the working group publishes it on purpose).</summary>
    public static bool IsInternal(CaseField field) => !PublicByDefault.Contains(field);
}
