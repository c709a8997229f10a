using FinPilot.Domain.Common;

namespace FinPilot.Domain.Supervision;

/// <summary>
/// The test parameters of the approval (测试参数): the most customers, the most per customer, the
/// approved scope and the window the pilot may operate in, the partner organisations and the
/// technologies it was approved with. Activity outside them is a breach. A value: two parameters are
/// equal when they say the same, the lists compared by their items whatever their order.
/// </summary>
public sealed partial record TestParameters
{
    public const int MaxScopeLength = 2000;
    public const int MaxPartners = 20;
    public const int MaxTechnologies = 30;
    public const int MaxTechnologyCodeLength = 64;

    public int? CustomerCap { get; init; }

    /// <summary>The most a single customer may hold or transact, in yuan; null when unlimited.</summary>
    public decimal? AmountPerCustomerCap { get; init; }

    public string Scope { get; init; } = string.Empty;

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    /// <summary>The partner organisations (合作机构) the pilot runs with, besides its lead; by id.</summary>
    public IReadOnlyList<Guid> PartnerOrganisationIds { get; init; } = [];

    /// <summary>The technologies (codes of the reference list, such as <c>blockchain</c>) the pilot applies.</summary>
    public IReadOnlyList<string> TechnologyCodes { get; init; } = [];

    /// <summary>The same parameters with the lists in one order, without duplicates, codes trimmed and lower-case.</summary>
    public TestParameters Normalised() => this with
    {
        PartnerOrganisationIds = [.. (PartnerOrganisationIds ?? []).Distinct().Order()],
        TechnologyCodes = [.. (TechnologyCodes ?? []).Select(c => (c ?? string.Empty).Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)],
    };

    public bool Equals(TestParameters? other) =>
        other is not null && CustomerCap == other.CustomerCap && AmountPerCustomerCap == other.AmountPerCustomerCap
        && string.Equals(Scope, other.Scope, StringComparison.Ordinal) && StartsOn == other.StartsOn && EndsOn == other.EndsOn
        && SameItems(PartnerOrganisationIds, other.PartnerOrganisationIds) && SameItems(TechnologyCodes, other.TechnologyCodes);

    public override int GetHashCode() =>
        HashCode.Combine(CustomerCap, AmountPerCustomerCap, Scope, StartsOn, EndsOn, PartnerOrganisationIds.Count, TechnologyCodes.Count);

    public IEnumerable<Error> Validate(string field)
    {
        if (CustomerCap is < 1 || AmountPerCustomerCap is <= 0)
        {
            yield return new Error(SupervisionErrors.CapInvalid, field);
        }

        if (PartnerOrganisationIds.Count > MaxPartners || PartnerOrganisationIds.Contains(Guid.Empty))
        {
            yield return new Error(SupervisionErrors.PartnersInvalid, $"{field}.{nameof(PartnerOrganisationIds)}", MaxPartners);
        }

        if (TechnologyCodes.Count > MaxTechnologies || TechnologyCodes.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxTechnologyCodeLength || !TechnologyCodePattern().IsMatch(c)))
        {
            yield return new Error(SupervisionErrors.TechnologiesInvalid, $"{field}.{nameof(TechnologyCodes)}", MaxTechnologies);
        }

        if (EndsOn <= StartsOn)
        {
            yield return new Error(SupervisionErrors.WindowInvalid, field, StartsOn, EndsOn);
        }

        foreach (var error in Text.Optional(Scope, field, MaxScopeLength))
        {
            yield return error;
        }
    }

    /// <summary>Whether a day falls inside the approved window, both ends included.</summary>
    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;

    private static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) =>
        a.Count == b.Count && a.Order().SequenceEqual(b.Order());

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TechnologyCodePattern();
}

/// <summary>A service endpoint the platform probes (自动探测): an http(s) status page, how often and how patiently.</summary>
public sealed record ProbeEndpoint
{
    public const int MaxUrlLength = 500;
    public const int MinIntervalMinutes = 1;
    public const int MaxIntervalMinutes = 1440;

    public string Url { get; init; } = string.Empty;

    public int IntervalMinutes { get; init; } = 15;

    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>How many failures in a row raise an alert.</summary>
    public int FailuresBeforeAlert { get; init; } = 3;

    public IEnumerable<Error> Validate(string field)
    {
        if (Url.Length > MaxUrlLength || !Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            yield return new Error(SupervisionErrors.EndpointInvalid, field, Url);
        }

        if (IntervalMinutes is < MinIntervalMinutes or > MaxIntervalMinutes || TimeoutSeconds is < 1 or > 60 || FailuresBeforeAlert is < 1 or > 100)
        {
            yield return new Error(SupervisionErrors.EndpointScheduleInvalid, field, Url);
        }
    }
}

/// <summary>
/// What a supervision plan (监管方案) binds a pilot to: how often it reports, which metrics, the
/// approval's test parameters and the endpoints probed. A value: a revision replaces it whole.
/// </summary>
public sealed record SupervisionTerms
{
    public const int MaxMetrics = 50;
    public const int MaxEndpoints = 10;

    public ReportFrequency ReportFrequency { get; init; } = ReportFrequency.Monthly;

    public IReadOnlyList<MetricDefinition> Metrics { get; init; } = [];

    public TestParameters Parameters { get; init; } = new();

    public IReadOnlyList<ProbeEndpoint> Endpoints { get; init; } = [];

    public MetricDefinition? Metric(string code) => Metrics.FirstOrDefault(m => m.Code == code && !m.Retired);

    /// <summary>The metrics reported under the plan now: all but the retired ones.</summary>
    public IEnumerable<MetricDefinition> ActiveMetrics() => Metrics.Where(m => !m.Retired);

    public IEnumerable<Error> Validate()
    {
        if (!Enum.IsDefined(ReportFrequency))
        {
            yield return new Error(SupervisionErrors.FrequencyInvalid, nameof(ReportFrequency));
        }

        if (Metrics.Count > MaxMetrics)
        {
            yield return new Error(SupervisionErrors.TooManyMetrics, nameof(Metrics), MaxMetrics);
        }

        foreach (var duplicate in Metrics.GroupBy(m => m.Code).Where(g => g.Count() > 1))
        {
            yield return new Error(SupervisionErrors.MetricDuplicate, nameof(Metrics), duplicate.Key);
        }

        foreach (var error in Metrics.SelectMany((m, i) => m.Validate($"{nameof(Metrics)}[{i}]")))
        {
            yield return error;
        }

        foreach (var error in Parameters.Validate(nameof(Parameters)))
        {
            yield return error;
        }

        if (Endpoints.Count > MaxEndpoints)
        {
            yield return new Error(SupervisionErrors.TooManyEndpoints, nameof(Endpoints), MaxEndpoints);
        }

        foreach (var error in Endpoints.SelectMany((e, i) => e.Validate($"{nameof(Endpoints)}[{i}]")))
        {
            yield return error;
        }
    }
}
