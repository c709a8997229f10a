using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using static FinPilot.Domain.Tests.Evaluation.RoundTestData;

namespace FinPilot.Domain.Tests.Evaluation;

public sealed class RoundPolicyTests
{
    private static readonly RoleGrant[] NationalSecretariat = [new(Role.EvaluationSecretariat)];
    private static readonly RoleGrant[] RegionSecretariat = [new(Role.EvaluationSecretariat, RegionId)];
    private static readonly RoleGrant[] OtherRegionSecretariat = [new(Role.EvaluationSecretariat, RegionId + 1)];
    private static readonly RoleGrant[] Admin = [new(Role.PlatformAdmin)];
    private static readonly RoleGrant[] ExpertGrants = [new(Role.Expert)];
    private static readonly RoleGrant[] Coordination = [new(Role.CoordinationGroup)];

    public static TheoryData<RoleGrant[], bool> Managers() => new()
    {
        { NationalSecretariat, true },
        { RegionSecretariat, true },
        { Admin, true },
        { OtherRegionSecretariat, false },
        { ExpertGrants, false },
        { Coordination, false },
    };

    [Theory]
    [MemberData(nameof(Managers))]
    public void The_secretariat_covering_the_region_may_pull_what_the_status_allows(RoleGrant[] grants, bool manages)
    {
        foreach (var status in Enum.GetValues<RoundStatus>())
        {
            var round = InStatus(status);
            var expected = manages ? RoundLifecycle.AvailableFrom(status).ToHashSet() : [];

            Assert.Equal(expected, RoundPolicy.AvailableTriggers(round, grants));
            foreach (var trigger in Enum.GetValues<RoundTrigger>())
            {
                Assert.Equal(expected.Contains(trigger), RoundPolicy.CanPull(round, trigger, grants));
            }
        }
    }

    [Fact]
    public void The_coordination_group_reads_a_round_it_does_not_manage()
    {
        var round = NewRound();

        Assert.True(RoundPolicy.MayRead(round, Coordination));
        Assert.False(RoundPolicy.MayManage(round, Coordination));
        Assert.False(RoundPolicy.MayRead(round, ExpertGrants));
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration, true)]
    [InlineData(AssignmentState.Submitted, false)]
    public void Removal_needs_the_secretariat_and_an_expert_who_has_not_started(AssignmentState state, bool removable)
    {
        var (round, assignment) = WithAssignment(state);

        Assert.Equal(removable, RoundPolicy.CanRemove(round, assignment, RegionSecretariat));
        Assert.False(RoundPolicy.CanRemove(round, assignment, OtherRegionSecretariat));
    }

    [Fact]
    public void The_assigned_expert_declares_and_scores_and_no_one_else()
    {
        var (round, assignment) = WithAssignment(AssignmentState.AwaitingDeclaration);

        Assert.Equal(
            [AssignmentTrigger.ConfirmNoConflict, AssignmentTrigger.FindConflict, AssignmentTrigger.DeclareConflict],
            AssignmentPolicy.AvailableTriggers(round, assignment, Expert, ExpertGrants).Order());
        Assert.Empty(AssignmentPolicy.AvailableTriggers(round, assignment, "user-other-expert", ExpertGrants));
        Assert.Empty(AssignmentPolicy.AvailableTriggers(round, assignment, Expert, Coordination));
        Assert.Empty(AssignmentPolicy.AvailableTriggers(round, assignment, null, ExpertGrants));
        Assert.Empty(AssignmentPolicy.AvailableTriggers(round, assignment, Secretariat, NationalSecretariat));
    }

    [Fact]
    public void A_cleared_expert_may_save_submit_or_declare_a_conflict()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Cleared);

        Assert.Equal(
            [AssignmentTrigger.DeclareConflict, AssignmentTrigger.SaveDraft, AssignmentTrigger.Submit],
            AssignmentPolicy.AvailableTriggers(round, assignment, Expert, ExpertGrants).Order());
    }

    [Fact]
    public void Only_the_regions_secretariat_reopens_a_submitted_sheet_and_only_while_scoring()
    {
        var (round, assignment) = WithAssignment(AssignmentState.Submitted);

        Assert.True(AssignmentPolicy.CanMoveTo(round, assignment, AssignmentTrigger.Reopen, Secretariat, RegionSecretariat));
        Assert.True(AssignmentPolicy.CanMoveTo(round, assignment, AssignmentTrigger.Reopen, Secretariat, Admin));
        Assert.False(AssignmentPolicy.CanMoveTo(round, assignment, AssignmentTrigger.Reopen, Secretariat, OtherRegionSecretariat));
        Assert.False(AssignmentPolicy.CanMoveTo(round, assignment, AssignmentTrigger.Reopen, Expert, ExpertGrants));
        Assert.Empty(AssignmentPolicy.AvailableTriggers(round, assignment, Expert, ExpertGrants));

        var (completed, locked) = WithAssignment(AssignmentState.Submitted, RoundStatus.Completed);
        Assert.False(AssignmentPolicy.CanMoveTo(completed, locked, AssignmentTrigger.Reopen, Secretariat, RegionSecretariat));
    }

    [Theory]
    [InlineData(AssignmentState.AwaitingDeclaration, true)]
    [InlineData(AssignmentState.Cleared, true)]
    [InlineData(AssignmentState.Submitted, true)]
    [InlineData(AssignmentState.Conflicted, false)]
    public void The_expert_opens_every_assignment_but_a_conflicted_one(AssignmentState state, bool opens)
    {
        var (_, assignment) = WithAssignment(state);

        Assert.Equal(opens, AssignmentPolicy.MayOpen(assignment));
    }
}
