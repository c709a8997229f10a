using FinPilot.Domain.Common;

namespace FinPilot.Domain.Exit;

/// <summary>Where an exit case is on the exit path. The numbers are stored, so they never change.</summary>
public enum ExitStatus
{
    /// <summary>自测自评: the institution writes its self-assessment and customer-protection checklist (or answers the working group's questions).</summary>
    SelfAssessment = 1,

    /// <summary>审核: the region's working group audits the self-assessment and the checklist.</summary>
    Audit = 2,

    /// <summary>专家论证: an expert round scores the exit on the exit rubric.</summary>
    ExpertReview = 3,

    /// <summary>结果确认: forwarded with a tier proposal; the coordination group's resolution confirms it.</summary>
    AwaitingCoordinationGroup = 4,

    /// <summary>已退出: the resolution confirmed the exit and its tier.</summary>
    Exited = 5,
}

/// <summary>分层分类: the tier an exited pilot is given. The numbers are stored, so they never change.</summary>
public enum ExitTier
{
    /// <summary>示范: a casebook candidate.</summary>
    Exemplary = 1,

    /// <summary>良好.</summary>
    Good = 2,

    /// <summary>合格.</summary>
    Qualified = 3,

    /// <summary>不合格: shown to the working group when the same lead institution applies again.</summary>
    Failed = 4,
}

/// <summary>The items of the customer-protection checklist (客户权益保护清单). Stored by name.</summary>
public enum ChecklistItemKind
{
    /// <summary>客户已告知.</summary>
    CustomersInformed = 1,

    /// <summary>持仓与资产已迁移或返还.</summary>
    AssetsMigrated = 2,

    /// <summary>投诉已办结.</summary>
    ComplaintsClosed = 3,

    /// <summary>赔偿已结清.</summary>
    CompensationSettled = 4,

    /// <summary>数据已按方案留存或删除.</summary>
    DataHandled = 5,

    /// <summary>服务已关闭或转入持牌业务.</summary>
    ServicesSwitchedOff = 6,
}

/// <summary>One checklist item: done or not, with its evidence (text, and optionally a stored file's SHA-256).</summary>
public sealed record ChecklistItem
{
    public ChecklistItemKind Kind { get; init; }

    public bool Done { get; init; }

    public string Evidence { get; init; } = string.Empty;

    /// <summary>An attachment in the Files store, by its SHA-256 (optional).</summary>
    public string? FileSha256 { get; init; }

    /// <summary>The attachment's file name as the institution uploaded it (made safe by the caller); null without a file.</summary>
    public string? FileName { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? RecordedBy { get; init; }

    public static IReadOnlyList<ChecklistItemKind> Kinds { get; } = Enum.GetValues<ChecklistItemKind>();
}

/// <summary>One metric series of the pilot in the self-assessment's metrics summary (computed from the record, never typed).</summary>
public sealed record MetricSummaryLine(string MetricCode, int Samples, decimal? Latest, decimal? Min, decimal? Max);

/// <summary>
/// 自测自评: the institution's own assessment of its pilot — results against the test plan's goals,
/// the four evaluation dimensions, the six operating aspects, and lessons. The metrics summary is
/// computed by the platform from the pilot's metric series when the assessment is saved.
/// </summary>
public sealed record ExitSelfAssessment
{
    public const int MaxTextLength = 4000;

    public string GoalsResults { get; init; } = string.Empty;

    public string InnovationValue { get; init; } = string.Empty;

    public string RegulatoryInsight { get; init; } = string.Empty;

    public string RiskControl { get; init; } = string.Empty;

    public string InvestorProtection { get; init; } = string.Empty;

    public string ServiceQuality { get; init; } = string.Empty;

    public string UserSatisfaction { get; init; } = string.Empty;

    public string BusinessContinuity { get; init; } = string.Empty;

    public string LegalityCompliance { get; init; } = string.Empty;

    public string TransactionSecurity { get; init; } = string.Empty;

    public string DataSecurity { get; init; } = string.Empty;

    public string Lessons { get; init; } = string.Empty;

    public IReadOnlyList<MetricSummaryLine> MetricsSummary { get; init; } = [];

    /// <summary>The texts by field name, in the order a form shows them.</summary>
    public IEnumerable<(string Field, string Value)> Texts()
    {
        yield return (nameof(GoalsResults), GoalsResults);
        yield return (nameof(InnovationValue), InnovationValue);
        yield return (nameof(RegulatoryInsight), RegulatoryInsight);
        yield return (nameof(RiskControl), RiskControl);
        yield return (nameof(InvestorProtection), InvestorProtection);
        yield return (nameof(ServiceQuality), ServiceQuality);
        yield return (nameof(UserSatisfaction), UserSatisfaction);
        yield return (nameof(BusinessContinuity), BusinessContinuity);
        yield return (nameof(LegalityCompliance), LegalityCompliance);
        yield return (nameof(TransactionSecurity), TransactionSecurity);
        yield return (nameof(DataSecurity), DataSecurity);
        yield return (nameof(Lessons), Lessons);
    }

    /// <summary>Every text is required and bounded.</summary>
    public IReadOnlyList<Error> Validate() => [.. Texts().SelectMany(t => Text.Required(t.Value, t.Field, MaxTextLength))];

    public ExitSelfAssessment Trimmed() => this with
    {
        GoalsResults = GoalsResults.Trim(),
        InnovationValue = InnovationValue.Trim(),
        RegulatoryInsight = RegulatoryInsight.Trim(),
        RiskControl = RiskControl.Trim(),
        InvestorProtection = InvestorProtection.Trim(),
        ServiceQuality = ServiceQuality.Trim(),
        UserSatisfaction = UserSatisfaction.Trim(),
        BusinessContinuity = BusinessContinuity.Trim(),
        LegalityCompliance = LegalityCompliance.Trim(),
        TransactionSecurity = TransactionSecurity.Trim(),
        DataSecurity = DataSecurity.Trim(),
        Lessons = Lessons.Trim(),
    };
}

/// <summary>A question the working group sent back at audit, and the institution's answer.</summary>
public sealed record ExitQuestion
{
    public int Number { get; init; }

    public string Text { get; init; } = string.Empty;

    public DateTimeOffset AskedAt { get; init; }

    public string AskedBy { get; init; } = string.Empty;

    public DateTimeOffset DueAt { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public string? AnsweredBy { get; init; }

    public bool Answered => AnsweredAt is not null;
}

/// <summary>The coordination group's decision on the tier: the proposal confirmed, or overridden with a reason.</summary>
public sealed record TierDecision
{
    public ExitTier Tier { get; init; }

    public bool Overridden { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    public string DecidedBy { get; init; } = string.Empty;
}
