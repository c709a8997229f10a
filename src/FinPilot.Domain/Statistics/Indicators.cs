namespace FinPilot.Domain.Statistics;

/// <summary>The three blocks of JR/T 0201-2020 an indicator belongs to.</summary>
public enum IndicatorBlock
{
    /// <summary>机构: about the institutions that run pilots.</summary>
    Institution = 1,

    /// <summary>行业: about the pilots as a whole (category, technology, stage, funnel).</summary>
    Industry = 2,

    /// <summary>地区: about one region's pilots and calls.</summary>
    Region = 3,
}

public enum IndicatorUnit
{
    /// <summary>个 / projects, calls, institutions.</summary>
    Count = 1,

    /// <summary>日 / calendar days.</summary>
    Days = 2,

    /// <summary>分 / a score from 0 to 100 (the pilot index and its components).</summary>
    Score = 3,
}

/// <summary>What one revision of an indicator changed, and from when.</summary>
/// <param name="Number">1, 2, …; the newest is the indicator's current revision.</param>
/// <param name="Effective">The first day figures follow this revision.</param>
/// <param name="NoteKey">The resource key of the note that says what changed.</param>
public sealed record IndicatorRevision(int Number, DateOnly Effective, string NoteKey);

/// <summary>
/// One published figure's definition, in the JR/T 0201-2020 style: a stable code, a block, a unit,
/// what it breaks down by, and a numbered history of revisions. The name, definition and formula a
/// person reads are resources keyed by the code (<see cref="ResourceKey"/>), in Chinese and English.
/// </summary>
/// <param name="Code">FP-{N|I|R}-nnn: N institution, I industry, R region.</param>
/// <param name="Dimension">What the figure breaks down by (a figure's key), or <see cref="StatisticsDimension.Total"/>.</param>
public sealed record Indicator(string Code, IndicatorBlock Block, IndicatorUnit Unit, StatisticsDimension Dimension, IReadOnlyList<IndicatorRevision> Revisions)
{
    public int Revision => Revisions[^1].Number;

    /// <summary>FP-R-001 → FP_R_001, the prefix of its resource keys (…_Name, …_Definition, …_Formula).</summary>
    public string ResourceKey => Code.Replace('-', '_');
}

/// <summary>What a figure's key is.</summary>
public enum StatisticsDimension
{
    /// <summary>One figure, key "*".</summary>
    Total = 0,

    /// <summary>A region's code, such as BJ.</summary>
    Region = 1,

    /// <summary>A call's id (one batch of one region).</summary>
    Batch = 2,

    /// <summary>A <see cref="Projects.ProjectCategory"/> name.</summary>
    Category = 3,

    /// <summary>A technology's reference code, such as blockchain.</summary>
    Technology = 4,

    /// <summary>A <see cref="PublicStage"/> name.</summary>
    Stage = 5,

    /// <summary>A <see cref="FunnelStep"/> name.</summary>
    FunnelStep = 6,

    /// <summary>An exit tier's name (<c>Exit.ExitTier</c>: Exemplary, Good, Qualified, Failed).</summary>
    Tier = 7,

    /// <summary>A scenario's reference code, such as wealth-management.</summary>
    Scenario = 8,

    /// <summary>An <see cref="Organisations.OrganisationType"/> name: the lead institution's type.</summary>
    InstitutionType = 9,

    /// <summary>A region's code and an <see cref="IndexComponent"/> name, as "BJ:Activity".</summary>
    IndexComponent = 10,
}

/// <summary>
/// 指标目录: every indicator FinPilot publishes. Each is computed from public records only (the
/// register of pilots, its public events, published calls), so anyone holding those can recompute it.
/// A change to what an indicator means adds a revision; a code is never reused.
/// </summary>
public static class Indicators
{
    public const string PilotsByRegion = "FP-R-001";
    public const string PilotsByBatch = "FP-R-002";
    public const string CallsOpenByRegion = "FP-R-003";
    public const string MedianDaysToAdmission = "FP-R-004";
    public const string PilotsByCategory = "FP-I-001";
    public const string PilotsByTechnology = "FP-I-002";
    public const string RegisterByStage = "FP-I-003";
    public const string PublicFunnel = "FP-I-004";
    public const string ExitedByTier = "FP-I-005";
    public const string LeadInstitutions = "FP-N-001";
    public const string PilotIndex = "FP-R-005";
    public const string PilotIndexComponents = "FP-R-006";
    public const string PilotsByScenario = "FP-I-006";
    public const string PilotsByLeadType = "FP-N-002";

    /// <summary>The first revision of every indicator.</summary>
    public static readonly DateOnly FirstPublished = new(2026, 12, 3);

    /// <summary>The first revision of the pilot index and the scenario and institution-type breakdowns.</summary>
    public static readonly DateOnly IndexPublished = new(2026, 12, 4);

    public static IReadOnlyList<Indicator> All { get; } =
    [
        First(PilotsByRegion, IndicatorBlock.Region, IndicatorUnit.Count, StatisticsDimension.Region),
        First(PilotsByBatch, IndicatorBlock.Region, IndicatorUnit.Count, StatisticsDimension.Batch),
        First(CallsOpenByRegion, IndicatorBlock.Region, IndicatorUnit.Count, StatisticsDimension.Region),
        First(MedianDaysToAdmission, IndicatorBlock.Region, IndicatorUnit.Days, StatisticsDimension.Region),
        First(PilotsByCategory, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.Category),
        First(PilotsByTechnology, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.Technology),
        First(RegisterByStage, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.Stage),
        First(PublicFunnel, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.FunnelStep),
        First(ExitedByTier, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.Tier),
        First(LeadInstitutions, IndicatorBlock.Institution, IndicatorUnit.Count, StatisticsDimension.Total),
        First(PilotIndex, IndicatorBlock.Region, IndicatorUnit.Score, StatisticsDimension.Region, IndexPublished),
        First(PilotIndexComponents, IndicatorBlock.Region, IndicatorUnit.Score, StatisticsDimension.IndexComponent, IndexPublished),
        First(PilotsByScenario, IndicatorBlock.Industry, IndicatorUnit.Count, StatisticsDimension.Scenario, IndexPublished),
        First(PilotsByLeadType, IndicatorBlock.Institution, IndicatorUnit.Count, StatisticsDimension.InstitutionType, IndexPublished),
    ];

    public static Indicator? Find(string code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    private static Indicator First(string code, IndicatorBlock block, IndicatorUnit unit, StatisticsDimension dimension, DateOnly? effective = null) =>
        new(code, block, unit, dimension, [new IndicatorRevision(1, effective ?? FirstPublished, "Revision_First")]);
}
