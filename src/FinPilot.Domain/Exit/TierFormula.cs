using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Exit;

/// <summary>
/// What the tier formula reads: the expert exit scores and the supervision record of the pilot, all
/// counted by the platform from its own tables when the working group forwards the case.
/// </summary>
public sealed record TierInputs
{
    public ExitMode Mode { get; init; }

    /// <summary>The mean of every expert score on the exit rubric (1–10); null without a submitted sheet.</summary>
    public decimal? ExpertAverage { get; init; }

    /// <summary>Alerts of severity "risk".</summary>
    public int RiskAlerts { get; init; }

    /// <summary>Alerts of severity "warning".</summary>
    public int WarningAlerts { get; init; }

    /// <summary>Correction orders issued (revoked ones are not counted).</summary>
    public int CorrectionOrders { get; init; }

    /// <summary>Of those, orders that were escalated (overdue past the ladder).</summary>
    public int CorrectionsEscalated { get; init; }

    /// <summary>Of those, orders not closed.</summary>
    public int CorrectionsUnclosed { get; init; }

    /// <summary>Incidents of level I or II.</summary>
    public int SeriousIncidents { get; init; }

    /// <summary>Incidents of level III or IV.</summary>
    public int MinorIncidents { get; init; }

    /// <summary>Risk disposal cases opened.</summary>
    public int DisposalCases { get; init; }

    /// <summary>Of those, cases that reached level I or II.</summary>
    public int SevereDisposalCases { get; init; }

    /// <summary>Approved plan changes: shown, not scored (a change made through the proper path is no fault).</summary>
    public int PlanChanges { get; init; }

    /// <summary>The institution's obligations that fell due (fulfilled or still open past due; waived ones are left out).</summary>
    public int ObligationsDue { get; init; }

    /// <summary>Of those, obligations fulfilled by their due time.</summary>
    public int ObligationsOnTime { get; init; }
}

/// <summary>Every input's contribution to the score, for the proposal to show.</summary>
public sealed record TierDeduction(string Input, decimal Points);

/// <summary>A tier proposal: the inputs, the score, each deduction, the tier, and the formula's version.</summary>
public sealed record TierProposal
{
    public string FormulaVersion { get; init; } = TierFormula.Version;

    public TierInputs Inputs { get; init; } = new();

    public decimal BaseScore { get; init; }

    public IReadOnlyList<TierDeduction> Deductions { get; init; } = [];

    public decimal Score { get; init; }

    public ExitTier Tier { get; init; }

    public DateTimeOffset ProposedAt { get; init; }
}

/// <summary>
/// 分层分类公式 (version <see cref="Version"/>). Documented here because the tier is public:
/// <list type="number">
/// <item>Base = the expert average × 10 (0–100).</item>
/// <item>Deductions: 2 per risk alert (at most 20); 0.5 per warning alert (at most 10); 3 per correction
/// order, 5 more per escalated order, 10 more per order not closed; 5 per level I/II incident and 1 per
/// level III/IV incident (at most 10); 8 per disposal case and 12 more per case of level I/II; when
/// fewer than 95 % of the obligations due were met on time, half a point per percentage point short.
/// Plan changes are shown, not scored.</item>
/// <item>Tier: a terminated pilot is 不合格 (failed). Otherwise score ≥ 85 with no disposal case and no
/// unclosed order → 示范 (exemplary); ≥ 70 → 良好 (good); ≥ 55 → 合格 (qualified); below → 不合格.</item>
/// </list>
/// A change of any number is a new version; proposals keep the version they were made with.
/// </summary>
public static class TierFormula
{
    public const string Version = "2026.1";

    public const decimal ExemplaryFrom = 85m;
    public const decimal GoodFrom = 70m;
    public const decimal QualifiedFrom = 55m;
    public const decimal OnTimeTarget = 0.95m;

    public static TierProposal Propose(TierInputs inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var baseScore = Math.Round((inputs.ExpertAverage ?? 0m) * 10m, 2, MidpointRounding.AwayFromZero);
        var deductions = new List<TierDeduction>
        {
            new(nameof(TierInputs.RiskAlerts), Math.Min(20m, 2m * inputs.RiskAlerts)),
            new(nameof(TierInputs.WarningAlerts), Math.Min(10m, 0.5m * inputs.WarningAlerts)),
            new(nameof(TierInputs.CorrectionOrders), 3m * inputs.CorrectionOrders),
            new(nameof(TierInputs.CorrectionsEscalated), 5m * inputs.CorrectionsEscalated),
            new(nameof(TierInputs.CorrectionsUnclosed), 10m * inputs.CorrectionsUnclosed),
            new(nameof(TierInputs.SeriousIncidents), 5m * inputs.SeriousIncidents),
            new(nameof(TierInputs.MinorIncidents), Math.Min(10m, 1m * inputs.MinorIncidents)),
            new(nameof(TierInputs.DisposalCases), 8m * inputs.DisposalCases),
            new(nameof(TierInputs.SevereDisposalCases), 12m * inputs.SevereDisposalCases),
            new(nameof(TierInputs.PlanChanges), 0m),
            new(nameof(TierInputs.ObligationsOnTime), OnTimeShortfall(inputs)),
        };
        var score = Math.Max(0m, baseScore - deductions.Sum(d => d.Points));
        return new TierProposal
        {
            Inputs = inputs,
            BaseScore = baseScore,
            Deductions = deductions,
            Score = score,
            Tier = TierOf(score, inputs),
            ProposedAt = now,
        };
    }

    /// <summary>Half a point per percentage point of on-time obligations below the target; none when nothing fell due.</summary>
    public static decimal OnTimeShortfall(TierInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.ObligationsDue <= 0)
        {
            return 0m;
        }

        var rate = Math.Min(1m, (decimal)inputs.ObligationsOnTime / inputs.ObligationsDue);
        var shortPoints = (OnTimeTarget - rate) * 100m;
        return shortPoints <= 0m ? 0m : Math.Round(shortPoints / 2m, 2, MidpointRounding.AwayFromZero);
    }

    public static ExitTier TierOf(decimal score, TierInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Mode == ExitMode.Terminated)
        {
            return ExitTier.Failed;
        }

        return score >= ExemplaryFrom && inputs.DisposalCases == 0 && inputs.CorrectionsUnclosed == 0 ? ExitTier.Exemplary
            : score >= GoodFrom ? ExitTier.Good
            : score >= QualifiedFrom ? ExitTier.Qualified
            : ExitTier.Failed;
    }
}
