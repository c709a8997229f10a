using System.Text.Json.Serialization;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// What the public is told about a project on a notice (公示项目概要): who runs it, what it tests
/// and within which limits. The working group writes it from the application; nothing else of the
/// application is public.
/// </summary>
/// <param name="ScenarioCodes">Codes from the admin-maintained list of business scenarios; may be empty when the application named only an "other" scenario.</param>
/// <param name="TechnologyCodes">Codes from the admin-maintained list of technologies; may be empty likewise.</param>
/// <param name="WhatIsTested">测试内容: the service or question the pilot tests, in plain words.</param>
/// <param name="CustomerLimits">客户范围及规模: who may take part and how many, as text.</param>
public sealed record PublicProjectSummary(
    Guid ProjectId,
    string Name,
    string LeadName,
    IReadOnlyList<string>? PartnerNames,
    ProjectCategory Category,
    IReadOnlyList<string>? ScenarioCodes,
    IReadOnlyList<string>? TechnologyCodes,
    string WhatIsTested,
    string CustomerLimits,
    int DurationMonths)
{
    public const int MaxNameLength = 200;
    public const int MaxPartners = 20;
    public const int MaxCodes = 30;
    public const int MaxCodeLength = 50;
    public const int MaxWhatIsTestedLength = 2000;
    public const int MaxCustomerLimitsLength = 500;
    public const int MinDurationMonths = 1;
    public const int MaxDurationMonths = 60;

    /// <summary>
    /// 附加条件: the conditions the coordination group approved the project on, as its resolution
    /// gave them; empty when approved without. Copied from the project by the server, never taken
    /// from the working group's form, so the public reads what was decided.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Conditions { get; init; }

    /// <summary>The lead institution's registered English name, set by the server when the notice is drafted; null when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LeadNameEn { get; init; }

    /// <summary>The lead institution's type as registered, set by the server when the notice is drafted (the statistics break pilots down by it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Organisations.OrganisationType? LeadType { get; init; }

    /// <summary>The partners' registered English names in the order of <see cref="PartnerNames"/> (a name not registered stays as published).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? PartnerNamesEn { get; init; }

    /// <summary>Trimmed, with blank and repeated list items dropped: lists come from one-per-line boxes.</summary>
    public PublicProjectSummary Normalised() => this with
    {
        Name = (Name ?? string.Empty).Trim(),
        LeadName = (LeadName ?? string.Empty).Trim(),
        PartnerNames = Items(PartnerNames),
        ScenarioCodes = Items(ScenarioCodes),
        TechnologyCodes = Items(TechnologyCodes),
        WhatIsTested = (WhatIsTested ?? string.Empty).Trim(),
        CustomerLimits = (CustomerLimits ?? string.Empty).Trim(),
        Conditions = Conditions is null ? null : Items(Conditions),
    };

    /// <summary>Limits that hold for a draft too, each error on <c>{prefix}.{Field}</c>.</summary>
    public IEnumerable<Error> LimitErrors(string prefix)
    {
        foreach (var error in Text.Optional(Name, $"{prefix}.{nameof(Name)}", MaxNameLength)
            .Concat(Text.Optional(LeadName, $"{prefix}.{nameof(LeadName)}", MaxNameLength))
            .Concat(ListErrors(Items(PartnerNames), $"{prefix}.{nameof(PartnerNames)}", MaxPartners, MaxNameLength))
            .Concat(ListErrors(Items(ScenarioCodes), $"{prefix}.{nameof(ScenarioCodes)}", MaxCodes, MaxCodeLength))
            .Concat(ListErrors(Items(TechnologyCodes), $"{prefix}.{nameof(TechnologyCodes)}", MaxCodes, MaxCodeLength))
            .Concat(Text.Optional(WhatIsTested, $"{prefix}.{nameof(WhatIsTested)}", MaxWhatIsTestedLength))
            .Concat(Text.Optional(CustomerLimits, $"{prefix}.{nameof(CustomerLimits)}", MaxCustomerLimitsLength))
            .Concat(ListErrors(Items(Conditions), $"{prefix}.{nameof(Conditions)}", PilotProject.MaxApprovalConditions, PilotProject.MaxApprovalConditionLength)))
        {
            yield return error;
        }

        if (!Enum.IsDefined(Category))
        {
            yield return new Error(DisclosureErrors.CategoryInvalid, $"{prefix}.{nameof(Category)}");
        }

        // Zero is how a form leaves the duration blank; it is a gap for publication, not a limit.
        if (DurationMonths != 0 && DurationMonths is < MinDurationMonths or > MaxDurationMonths)
        {
            yield return new Error(DisclosureErrors.DurationOutOfRange, $"{prefix}.{nameof(DurationMonths)}", MinDurationMonths, MaxDurationMonths);
        }
    }

    /// <summary>What a published summary must say; partners and codes may be empty.</summary>
    public IEnumerable<Error> CompletenessErrors(string prefix)
    {
        if (ProjectId == Guid.Empty)
        {
            yield return new Error(Text.RequiredCode, $"{prefix}.{nameof(ProjectId)}");
        }

        foreach (var (value, field) in new[]
        {
            (Name, nameof(Name)), (LeadName, nameof(LeadName)), (WhatIsTested, nameof(WhatIsTested)), (CustomerLimits, nameof(CustomerLimits)),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new Error(Text.RequiredCode, $"{prefix}.{field}");
            }
        }

        if (DurationMonths == 0)
        {
            yield return new Error(Text.RequiredCode, $"{prefix}.{nameof(DurationMonths)}");
        }
    }

    private static string[] Items(IReadOnlyList<string>? items) =>
        (items ?? []).Select(Text.Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    private static IEnumerable<Error> ListErrors(string[] items, string field, int maxCount, int maxLength)
    {
        if (items.Length > maxCount)
        {
            yield return new Error(DisclosureErrors.TooManyItems, field, maxCount);
        }

        for (var i = 0; i < items.Length && i < maxCount; i++)
        {
            foreach (var error in Text.Optional(items[i], $"{field}[{i}]", maxLength))
            {
                yield return error;
            }
        }
    }
}
