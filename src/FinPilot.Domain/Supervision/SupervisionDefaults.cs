using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Supervision;

/// <summary>Codes of the metrics the platform itself reads (test-parameter breaches, statistics).</summary>
public static class MetricCodes
{
    /// <summary>Customers served so far (gauge), checked against the approved customer cap.</summary>
    public const string Customers = "customers";

    /// <summary>The largest amount held or transacted by one customer in the period, checked against its cap.</summary>
    public const string MaxAmountPerCustomer = "amount_per_customer_max";

    public const string Transactions = "transactions";

    public const string TransactionAmount = "transaction_amount";

    public const string Availability = "availability";

    public const string Complaints = "complaints";

    public const string ComplaintsResolved = "complaints_resolved";

    public const string Latency = "latency_p95";

    public const string ServiceCalls = "service_calls";
}

/// <summary>
/// The plan a category starts from (分类默认): business and public-service pilots report customers and
/// money, technology pilots report service quality. The working group edits the draft before confirming.
/// </summary>
public static class SupervisionDefaults
{
    private static readonly MetricDefinition CustomersMetric = new()
    {
        Code = MetricCodes.Customers,
        NameZh = "累计服务客户数",
        NameEn = "Customers served",
        Unit = "户",
        Kind = MetricKind.Gauge,
        Direction = MetricDirection.HigherIsBetter,
    };

    private static readonly MetricDefinition ComplaintsMetric = new()
    {
        Code = MetricCodes.Complaints,
        NameZh = "客户投诉数",
        NameEn = "Complaints received",
        Unit = "件",
        Kind = MetricKind.Counter,
        Direction = MetricDirection.HigherIsWorse,
    };

    private static readonly MetricDefinition ComplaintsResolvedMetric = new()
    {
        Code = MetricCodes.ComplaintsResolved,
        NameZh = "投诉办结数",
        NameEn = "Complaints resolved",
        Unit = "件",
        Kind = MetricKind.Counter,
        Direction = MetricDirection.HigherIsBetter,
    };

    private static readonly MetricDefinition AvailabilityMetric = new()
    {
        Code = MetricCodes.Availability,
        NameZh = "系统可用率",
        NameEn = "System availability",
        Unit = "%",
        Kind = MetricKind.Gauge,
        Direction = MetricDirection.HigherIsBetter,
        LowerLimit = 99.5,
        UpperLimit = 100,
    };

    private static readonly MetricDefinition[] BusinessMetrics =
    [
        CustomersMetric,
        new()
        {
            Code = MetricCodes.Transactions, NameZh = "交易笔数", NameEn = "Transactions", Unit = "笔",
            Kind = MetricKind.Counter, Direction = MetricDirection.HigherIsBetter,
        },
        new()
        {
            Code = MetricCodes.TransactionAmount, NameZh = "交易金额", NameEn = "Transaction amount", Unit = "元",
            Kind = MetricKind.Counter, Direction = MetricDirection.HigherIsBetter,
        },
        new()
        {
            Code = MetricCodes.MaxAmountPerCustomer, NameZh = "单一客户最高金额", NameEn = "Largest amount per customer", Unit = "元",
            Kind = MetricKind.Gauge, Direction = MetricDirection.HigherIsWorse,
        },
        AvailabilityMetric,
        ComplaintsMetric,
        ComplaintsResolvedMetric,
    ];

    private static readonly MetricDefinition[] TechnologyMetrics =
    [
        CustomersMetric,
        new()
        {
            Code = MetricCodes.ServiceCalls, NameZh = "服务调用次数", NameEn = "Service calls", Unit = "次",
            Kind = MetricKind.Counter, Direction = MetricDirection.HigherIsBetter,
        },
        AvailabilityMetric,
        new()
        {
            Code = MetricCodes.Latency, NameZh = "响应时间（95分位）", NameEn = "Response time (95th percentile)", Unit = "ms",
            Kind = MetricKind.Gauge, Direction = MetricDirection.HigherIsWorse, UpperLimit = 2000,
        },
        ComplaintsMetric,
        ComplaintsResolvedMetric,
    ];

    /// <summary>Every standard metric of either category, once, in code order: what a plan change may add.</summary>
    public static IReadOnlyList<MetricDefinition> Catalogue { get; } =
        [.. BusinessMetrics.Concat(TechnologyMetrics).DistinctBy(m => m.Code).OrderBy(m => m.Code, StringComparer.Ordinal)];

    public static IReadOnlyList<MetricDefinition> MetricsFor(ProjectCategory category) => category switch
    {
        ProjectCategory.TechnologyInnovation or ProjectCategory.TechnologyEnablement => TechnologyMetrics,
        _ => BusinessMetrics,
    };

    /// <summary>
    /// The draft terms of an admitted pilot: its category's metrics and the window and customer cap
    /// set at admission; a pilot admitted without an end date is given a year.
    /// </summary>
    public static SupervisionTerms For(PilotProject project, string? scope = null, IReadOnlyList<Guid>? partnerOrganisationIds = null, IReadOnlyList<string>? technologyCodes = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        var starts = project.StartsOn ?? DateOnly.MinValue;
        return new SupervisionTerms
        {
            ReportFrequency = ReportFrequency.Monthly,
            Metrics = MetricsFor(project.Category),
            Parameters = new TestParameters
            {
                CustomerCap = project.CustomerLimit,
                Scope = scope?.Trim() ?? string.Empty,
                StartsOn = starts,
                EndsOn = project.PlannedEndOn ?? starts.AddYears(1),
                PartnerOrganisationIds = [.. (partnerOrganisationIds ?? []).Where(p => p != project.LeadOrganisationId).Take(TestParameters.MaxPartners)],
                TechnologyCodes = [.. (technologyCodes ?? []).Take(TestParameters.MaxTechnologies)],
            }.Normalised(),
        };
    }
}
