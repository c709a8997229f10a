using System.Globalization;
using System.Text.Json;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Projects;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>
/// An expert in the evaluation pool (专家库): a user with the Expert role, kept by the secretariat.
/// What the assignment solver and the conflict rules read about the person lives here.
/// </summary>
public sealed class ExpertProfile
{
    public const int MaxEmployerNameLength = 200;
    public const int MaxProfileLength = 2000;
    public const int MaxTags = 30;
    public const int MaxLoadLimit = 30;
    public const int MaxHistory = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string UserId { get; set; } = string.Empty;

    /// <summary>The organisation the expert works for, when it is on the platform.</summary>
    public Guid? EmployerOrganisationId { get; set; }

    /// <summary>The employer as written, also for employers that are not on the platform.</summary>
    public string EmployerName { get; set; } = string.Empty;

    /// <summary>Domain numbers between bars ("|1|3|"), so a filter is one exact LIKE on both databases.</summary>
    public string DomainList { get; set; } = "|";

    /// <summary>Region ids of the expert's sub-groups, between bars like <see cref="DomainList"/>.</summary>
    public string RegionList { get; set; } = "|";

    /// <summary>Technology and scenario codes from the reference lists.</summary>
    public string TagsJson { get; set; } = "[]";

    public string CategoriesJson { get; set; } = "[]";

    /// <summary>Former employers with dates, for the look-back conflict rule.</summary>
    public string HistoryJson { get; set; } = "[]";

    public string Profile { get; set; } = string.Empty;

    public bool Available { get; set; } = true;

    /// <summary>The most projects the expert takes in one round.</summary>
    public int MaxLoad { get; set; } = 5;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public IReadOnlyList<ExpertDomain> Domains
    {
        get => ReadBars(DomainList).Select(n => (ExpertDomain)n).ToArray();
        set => DomainList = Bars(value.Select(d => (int)d));
    }

    public IReadOnlyList<int> RegionIds
    {
        get => ReadBars(RegionList);
        set => RegionList = Bars(value);
    }

    public IReadOnlyList<string> Tags
    {
        get => Read<string>(TagsJson);
        set => TagsJson = Write(value.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    public IReadOnlyList<ProjectCategory> Categories
    {
        get => Read<ProjectCategory>(CategoriesJson);
        set => CategoriesJson = Write(value.Distinct().Order());
    }

    public IReadOnlyList<Employment> History
    {
        get => Read<Employment>(HistoryJson);
        set => HistoryJson = Write(value);
    }

    /// <summary>Stamps a change by <paramref name="userId"/>; the new version makes a concurrent save of the old one fail.</summary>
    public void Touch(DateTimeOffset now, string userId)
    {
        UpdatedAt = now;
        UpdatedBy = userId;
        Version = Guid.NewGuid();
    }

    /// <summary>Experts who are not available take no projects whatever their load says.</summary>
    public int EffectiveLoad => Available ? MaxLoad : 0;

    /// <summary>The pattern that finds one number in a bar list.</summary>
    public static string Bar(int value) => "|" + value.ToString(CultureInfo.InvariantCulture) + "|";

    private static string Bars(IEnumerable<int> values) =>
        "|" + string.Concat(values.Distinct().Order().Select(v => v.ToString(CultureInfo.InvariantCulture) + "|"));

    private static int[] ReadBars(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();

    private static IReadOnlyList<T> Read<T>(string json) => JsonSerializer.Deserialize<T[]>(json, Json) ?? [];

    private static string Write<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values.ToArray(), Json);
}
