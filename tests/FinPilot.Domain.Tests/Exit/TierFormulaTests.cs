using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Exit;

/// <summary>分层分类公式: each input's effect, the thresholds, and the rules that cap the tier.</summary>
public sealed class TierFormulaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly TierInputs Clean = new() { Mode = ExitMode.Completed, ExpertAverage = 9m, ObligationsDue = 20, ObligationsOnTime = 20 };

    private static decimal Deduction(TierProposal p, string input) => p.Deductions.Single(d => d.Input == input).Points;

    [Fact]
    public void A_clean_record_with_high_scores_is_exemplary_and_the_proposal_keeps_its_inputs_and_version()
    {
        var p = TierFormula.Propose(Clean, Now);

        Assert.Equal((90m, 90m, ExitTier.Exemplary), (p.BaseScore, p.Score, p.Tier));
        Assert.Equal(Clean, p.Inputs);
        Assert.Equal(TierFormula.Version, p.FormulaVersion);
        Assert.Equal(Now, p.ProposedAt);
        Assert.All(p.Deductions, d => Assert.Equal(0m, d.Points));
    }

    [Theory]
    [InlineData(nameof(TierInputs.RiskAlerts), 3, 6)]
    [InlineData(nameof(TierInputs.RiskAlerts), 15, 20)]
    [InlineData(nameof(TierInputs.WarningAlerts), 4, 2)]
    [InlineData(nameof(TierInputs.WarningAlerts), 30, 10)]
    [InlineData(nameof(TierInputs.CorrectionOrders), 2, 6)]
    [InlineData(nameof(TierInputs.CorrectionsEscalated), 1, 5)]
    [InlineData(nameof(TierInputs.CorrectionsUnclosed), 1, 10)]
    [InlineData(nameof(TierInputs.SeriousIncidents), 2, 10)]
    [InlineData(nameof(TierInputs.MinorIncidents), 3, 3)]
    [InlineData(nameof(TierInputs.MinorIncidents), 25, 10)]
    [InlineData(nameof(TierInputs.DisposalCases), 1, 8)]
    [InlineData(nameof(TierInputs.SevereDisposalCases), 1, 12)]
    [InlineData(nameof(TierInputs.PlanChanges), 4, 0)]
    public void Each_supervision_input_deducts_as_documented(string input, int count, int points)
    {
        var inputs = input switch
        {
            nameof(TierInputs.RiskAlerts) => Clean with { RiskAlerts = count },
            nameof(TierInputs.WarningAlerts) => Clean with { WarningAlerts = count },
            nameof(TierInputs.CorrectionOrders) => Clean with { CorrectionOrders = count },
            nameof(TierInputs.CorrectionsEscalated) => Clean with { CorrectionsEscalated = count },
            nameof(TierInputs.CorrectionsUnclosed) => Clean with { CorrectionsUnclosed = count },
            nameof(TierInputs.SeriousIncidents) => Clean with { SeriousIncidents = count },
            nameof(TierInputs.MinorIncidents) => Clean with { MinorIncidents = count },
            nameof(TierInputs.DisposalCases) => Clean with { DisposalCases = count },
            nameof(TierInputs.SevereDisposalCases) => Clean with { SevereDisposalCases = count },
            nameof(TierInputs.PlanChanges) => Clean with { PlanChanges = count },
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };

        var p = TierFormula.Propose(inputs, Now);

        Assert.Equal(points, Deduction(p, input));
        Assert.Equal(90m - points, p.Score);
    }

    [Theory]
    [InlineData(20, 20, 0)]
    [InlineData(20, 19, 0)]
    [InlineData(20, 18, 2.5)]
    [InlineData(10, 5, 22.5)]
    [InlineData(0, 0, 0)]
    public void Obligations_met_on_time_below_the_target_cost_half_a_point_per_percentage_point(int due, int onTime, double points)
    {
        var p = TierFormula.Propose(Clean with { ObligationsDue = due, ObligationsOnTime = onTime }, Now);

        Assert.Equal((decimal)points, Deduction(p, nameof(TierInputs.ObligationsOnTime)));
    }

    [Theory]
    [InlineData(8.5, ExitTier.Exemplary)]
    [InlineData(8.4, ExitTier.Good)]
    [InlineData(7.0, ExitTier.Good)]
    [InlineData(6.9, ExitTier.Qualified)]
    [InlineData(5.5, ExitTier.Qualified)]
    [InlineData(5.4, ExitTier.Failed)]
    public void The_expert_average_sets_the_base_and_the_thresholds_the_tier(double average, ExitTier tier)
    {
        Assert.Equal(tier, TierFormula.Propose(Clean with { ExpertAverage = (decimal)average }, Now).Tier);
    }

    [Fact]
    public void A_disposal_case_or_an_unclosed_order_keeps_a_high_score_from_exemplary()
    {
        Assert.Equal(ExitTier.Good, TierFormula.Propose(Clean with { ExpertAverage = 10m, DisposalCases = 1 }, Now).Tier);
        Assert.Equal(ExitTier.Good, TierFormula.Propose(Clean with { ExpertAverage = 10m, CorrectionsUnclosed = 1 }, Now).Tier);
    }

    [Fact]
    public void A_terminated_pilot_fails_whatever_its_score_and_the_score_never_goes_below_zero()
    {
        Assert.Equal(ExitTier.Failed, TierFormula.Propose(Clean with { Mode = ExitMode.Terminated, ExpertAverage = 10m }, Now).Tier);
        var worst = TierFormula.Propose(Clean with { ExpertAverage = 1m, CorrectionOrders = 10 }, Now);
        Assert.Equal((0m, ExitTier.Failed), (worst.Score, worst.Tier));
        Assert.Equal(0m, TierFormula.Propose(Clean with { ExpertAverage = null }, Now).BaseScore);
    }
}
