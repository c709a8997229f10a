using FinPilot.Domain.Disposal;
using FinPilot.Domain.Exit;

namespace FinPilot.Domain.Tests.Exit;

/// <summary>The tier formula counts confirmed disposal cases only: not a pending proposal, not a dismissed one.</summary>
public sealed class DisposalTallyTests
{
    [Theory]
    [InlineData(DisposalCaseStatus.Open, false, true)]
    [InlineData(DisposalCaseStatus.Open, true, true)]
    [InlineData(DisposalCaseStatus.Closed, true, true)]
    [InlineData(DisposalCaseStatus.Closed, false, false)]
    [InlineData(DisposalCaseStatus.Proposed, false, false)]
    public void Only_a_case_that_was_opened_counts(DisposalCaseStatus status, bool opened, bool counts) =>
        Assert.Equal(counts, DisposalTally.Counts(new DisposalHistory(status, DisposalLevel.IV, opened)));

    [Fact]
    public void Severe_cases_are_the_confirmed_ones_at_level_one_or_two()
    {
        var tally = DisposalTally.Of(
        [
            new(DisposalCaseStatus.Open, DisposalLevel.I, true),
            new(DisposalCaseStatus.Closed, DisposalLevel.II, true),
            new(DisposalCaseStatus.Closed, DisposalLevel.IV, false),
            new(DisposalCaseStatus.Proposed, DisposalLevel.IV, false),
            new(DisposalCaseStatus.Open, DisposalLevel.III, true),
        ]);

        Assert.Equal((3, 2), tally);
    }
}
