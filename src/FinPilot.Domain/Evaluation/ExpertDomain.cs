namespace FinPilot.Domain.Evaluation;

/// <summary>专业领域: the three fields the evaluation group draws experts from. Every evaluated project needs one of each.</summary>
public enum ExpertDomain
{
    /// <summary>法律合规.</summary>
    LegalCompliance = 1,

    /// <summary>金融业务.</summary>
    FinancialBusiness = 2,

    /// <summary>信息科技.</summary>
    InformationTechnology = 3,
}

/// <summary>评估维度: the four dimensions every project is scored on.</summary>
public enum EvaluationDimension
{
    /// <summary>创新价值.</summary>
    InnovationValue = 1,

    /// <summary>监管启发.</summary>
    RegulatoryInsight = 2,

    /// <summary>风险防控.</summary>
    RiskControl = 3,

    /// <summary>投资者保护.</summary>
    InvestorProtection = 4,
}

/// <summary>An expert's overall recommendation on a project.</summary>
public enum Recommendation
{
    /// <summary>建议通过.</summary>
    Recommend = 1,

    /// <summary>附条件建议通过.</summary>
    RecommendWithConditions = 2,

    /// <summary>不建议通过.</summary>
    DoNotRecommend = 3,
}

public static class EvaluationValues
{
    public static IReadOnlyList<ExpertDomain> Domains { get; } = Enum.GetValues<ExpertDomain>();

    public static IReadOnlyList<EvaluationDimension> Dimensions { get; } = Enum.GetValues<EvaluationDimension>();
}
