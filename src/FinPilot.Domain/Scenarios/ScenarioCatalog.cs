namespace FinPilot.Domain.Scenarios;

/// <summary>The platform's fixed list of business areas a scenario belongs to (names in the resources, never shown as codes).</summary>
public enum BusinessArea
{
    Operations = 1,
    InvestmentAdvice = 2,
    Trading = 3,
    RiskControl = 4,
    Compliance = 5,
    CustomerService = 6,
    InternalManagement = 7,
    Payments = 8,
    Supervision = 9,
    Futures = 10,
    RegionalEquity = 11,
    Infrastructure = 12,
}

/// <summary>The platform's fixed list of technologies a scenario wants or a solution offers.</summary>
public enum Technology
{
    BigData = 1,
    PrivacyComputing = 2,
    Cloud = 3,
    ArtificialIntelligence = 4,
    Blockchain = 5,
    DigitalRmb = 6,
    KnowledgeGraph = 7,
    Rpa = 8,
    Biometrics = 9,
    OpenApi = 10,
    Cryptography = 11,
    Iot = 12,
}

/// <summary>What the publisher requires of any solution.</summary>
[Flags]
public enum ScenarioConstraints
{
    None = 0,

    /// <summary>Personal or client data must stay private (隐私保护).</summary>
    Privacy = 1,

    /// <summary>Must run on the institution's own premises (本地部署).</summary>
    OnPremise = 2,

    /// <summary>Must run on domestic trusted IT (信创).</summary>
    Xinchuang = 4,
}

/// <summary>Who may see a scenario.</summary>
public enum ScenarioVisibility
{
    /// <summary>Anyone, without an account.</summary>
    Public = 1,

    /// <summary>Signed-in members of the platform.</summary>
    Members = 2,

    /// <summary>Only the invited organisations (and the publisher and its region's working group).</summary>
    Invited = 3,
}

public enum ScenarioStatus
{
    Draft = 1,
    Published = 2,
    Closed = 3,
}

public enum SolutionStatus
{
    Draft = 1,
    Published = 2,
    Withdrawn = 3,
}

/// <summary>
/// Technology tags stored as one delimited string (<c>|Blockchain|DigitalRmb|</c>) so that a filter by
/// one technology is a plain <c>LIKE '%|Blockchain|%'</c> in SQL on every provider.
/// </summary>
public static class TechnologyTags
{
    public const int MaxLength = 400;

    public static string Encode(IEnumerable<Technology> technologies) =>
        technologies.Distinct().Order().ToList() is { Count: > 0 } list ? "|" + string.Join('|', list) + "|" : string.Empty;

    public static IReadOnlyList<Technology> Decode(string? codes) =>
        string.IsNullOrEmpty(codes)
            ? []
            : [.. codes.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => Enum.TryParse<Technology>(c, out var t) ? t : (Technology?)null).OfType<Technology>()];

    /// <summary>The fragment a stored value contains when it has <paramref name="technology"/>.</summary>
    public static string Needle(Technology technology) => "|" + technology + "|";
}
