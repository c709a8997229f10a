using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Applications;

/// <summary>
/// The application (申报材料) as the applicant fills it in: every field DESIGN.md lists. A draft
/// may be incomplete; <see cref="ApplicationRules.Missing"/> says what submission still needs.
/// </summary>
public sealed record ApplicationForm
{
    public string Name { get; init; } = string.Empty;

    public string Summary { get; init; } = string.Empty;

    public ProjectCategory? Category { get; init; }

    /// <summary>Codes from the admin-maintained list of business scenarios (运营, 投顾, 交易, …).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public string? ScenarioOther { get; init; }

    /// <summary>Codes from the admin-maintained list of technologies (大数据, 隐私计算, …).</summary>
    public IReadOnlyList<string> Technologies { get; init; } = [];

    public string? TechnologyOther { get; init; }

    public IReadOnlyList<Guid> PartnerOrganisationIds { get; init; } = [];

    /// <summary>Partners not yet on the platform, invited by e-mail.</summary>
    public IReadOnlyList<string> InvitedPartnerEmails { get; init; } = [];

    public string Innovation { get; init; } = string.Empty;

    public string Problem { get; init; } = string.Empty;

    /// <summary>监管启发: the regulatory question the pilot tests.</summary>
    public string RegulatoryQuestion { get; init; } = string.Empty;

    public string RiskAssessment { get; init; } = string.Empty;

    public string RiskControls { get; init; } = string.Empty;

    public string CustomerSelection { get; init; } = string.Empty;

    public string CustomerCaps { get; init; } = string.Empty;

    public string CustomerDisclosure { get; init; } = string.Empty;

    public string Complaints { get; init; } = string.Empty;

    public string Compensation { get; init; } = string.Empty;

    public string TestScope { get; init; } = string.Empty;

    public int? CustomerLimit { get; init; }

    public int? DurationMonths { get; init; }

    public string Metrics { get; init; } = string.Empty;

    public string EmergencyPlan { get; init; } = string.Empty;

    public string ExitPlan { get; init; } = string.Empty;
}
