using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>
/// The coordination group's own rules: a vote per project, a configured quorum, an outcome against
/// the majority only with a written reason, no resolution while an opinion is awaited unless the
/// chair says why, only the chair runs the meeting, and any member may declare a conflict.
/// </summary>
public sealed class DeliberationRulesTests
{
    private static Result VoteOn(Meeting meeting, Guid itemId, string member, Guid projectId, VoteChoice choice) =>
        meeting.Vote(itemId, member, projectId, choice, null, choice == VoteChoice.ApproveWithConditions ? ["每月报送"] : null, NoRecusals, During);

    [Fact]
    public void Each_project_of_an_item_gets_its_own_vote_once()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var (meeting, itemId) = Held(first, second);

        Assert.True(VoteOn(meeting, itemId, Member2, first.Id, VoteChoice.Approve).Succeeded);
        Assert.True(VoteOn(meeting, itemId, Member2, second.Id, VoteChoice.Reject).Succeeded);
        var again = Assert.Single(VoteOn(meeting, itemId, Member2, second.Id, VoteChoice.Approve).Errors);
        var stranger = Assert.Single(VoteOn(meeting, itemId, Member3, Guid.NewGuid(), VoteChoice.Approve).Errors);

        Assert.Equal((DeliberationErrors.AlreadyVoted, (object)second.Id), (again.Code, again.Arguments[2]));
        Assert.Equal((DeliberationErrors.VoteProjectNotOnItem, "projectId"), (stranger.Code, stranger.Field));
        Assert.Equal(1, TallyOfFirst(meeting, itemId, NoRecusals).ValueOrThrow().Approve);
        Assert.Equal(1, meeting.TallyOf(itemId, second.Id, NoRecusals).ValueOrThrow().Reject);
    }

    [Fact]
    public void Voting_on_the_whole_item_casts_one_vote_per_open_project_or_none()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var (meeting, itemId) = Held(first, second);
        Assert.True(VoteOn(meeting, itemId, Member2, first.Id, VoteChoice.Reject).Succeeded);

        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.Approve).Succeeded);
        var refused = meeting.Vote(itemId, Member3, VoteChoice.ApproveWithConditions, null, null, NoRecusals, During);

        Assert.Equal([(first.Id, VoteChoice.Reject), (second.Id, VoteChoice.Approve)], meeting.Find(itemId)!.Ballots.Select(b => (b.ProjectId, b.Choice)));
        Assert.Equal(DeliberationErrors.ConditionsRequired, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public void A_ballot_from_before_votes_were_per_project_counts_for_every_project()
    {
        var legacy = new Ballot(Member2, VoteChoice.Reject, null, [], During);

        Assert.True(legacy.AppliesTo(Guid.NewGuid()));
        Assert.False(new Ballot(Member2, VoteChoice.Reject, null, [], During) { ProjectId = Guid.NewGuid() }.AppliesTo(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(50, 2, false)]
    [InlineData(50, 3, true)]
    [InlineData(80, 4, false)]
    [InlineData(80, 5, true)]
    public void The_quorum_is_a_configured_share_of_the_members_entitled_to_vote(int percent, int voters, bool met)
    {
        var (meeting, itemId) = Held();
        var members = new[] { Chair, Member2, Member3, Member4, Member5 }.Take(voters).ToArray();
        VoteAll(meeting, itemId, members);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(meeting.Find(itemId)!.ProjectIds[0])], "同意。", NoRecusals, new Quorum(percent), null, During);

        // Five attendees: more than half is three, more than 80 % is all five.
        Assert.Equal(met, result.Succeeded);
        if (!result.Succeeded)
        {
            Assert.Equal(DeliberationErrors.NoQuorum, Assert.Single(result.Errors).Code);
        }
    }

    [Fact]
    public void An_outcome_against_the_majority_needs_a_reason_and_is_marked()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var bare = meeting.RecordResolution(itemId, Chair, [ProjectOutcome.Rejected(project.Id, "风险不可控")], "不予入箱。", NoRecusals, During);
        var error = Assert.Single(bare.Errors);
        Assert.Equal((DeliberationErrors.DeviationReasonRequired, "outcomes[0].deviationReason"), (error.Code, error.Field));
        Assert.Null(meeting.Find(itemId)!.Resolution);

        var reasoned = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Rejected(project.Id, "风险不可控") with { DeviationReason = " 监管部门通报了新的风险事件 " }], "不予入箱。", NoRecusals, During);

        Assert.True(reasoned.Succeeded, string.Join(", ", reasoned.Errors));
        var outcome = Assert.Single(meeting.Find(itemId)!.Resolution!.Outcomes);
        Assert.Equal((true, "监管部门通报了新的风险事件"), (outcome.AgainstMajority, outcome.DeviationReason));
        Assert.True(meeting.Find(itemId)!.Resolution!.AnyAgainstMajority);
    }

    [Fact]
    public void An_outcome_that_follows_the_majority_takes_no_deviation_reason_and_a_tie_needs_none()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        Assert.True(Vote(meeting, itemId, Chair, VoteChoice.Approve).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.Reject).Succeeded);
        Assert.True(Vote(meeting, itemId, Member3, VoteChoice.Abstain).Succeeded);

        var following = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(project.Id) with { DeviationReason = "无" }], "同意。", NoRecusals, During);
        Assert.Equal(DeliberationErrors.DeviationReasonNotAllowed, Assert.Single(following.Errors).Code);

        var tie = meeting.RecordResolution(itemId, Chair, [ProjectOutcome.Rejected(project.Id, "风险不可控")], "不予入箱。", NoRecusals, During);
        Assert.True(tie.Succeeded, string.Join(", ", tie.Errors));
        Assert.False(meeting.Find(itemId)!.Resolution!.Outcomes[0].AgainstMajority);
    }

    [Fact]
    public void The_chair_sets_against_majority_not_the_caller()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        Assert.True(meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(project.Id) with { AgainstMajority = true, Tally = new VoteTally(9, 9, 9, 9, 9, 9, 9) }], "同意。", NoRecusals, During).Succeeded);

        var outcome = meeting.Find(itemId)!.Resolution!.Outcomes[0];
        Assert.Equal((false, 3), (outcome.AgainstMajority, outcome.Tally!.Approve));
    }

    [Fact]
    public void A_resolution_waits_for_requested_opinions_unless_the_chair_records_why_not()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, "law", MeetingDate, Before, Clerk).Succeeded);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        var projectId = meeting.Find(itemId)!.ProjectIds[0];

        var waiting = meeting.RecordResolution(itemId, Chair, [ProjectOutcome.Approved(projectId)], "同意。", NoRecusals, Quorum.MoreThanHalf, "  ", During);
        var error = Assert.Single(waiting.Errors);
        Assert.Equal((DeliberationErrors.OpinionsPending, (object)1), (error.Code, error.Arguments[0]));

        Assert.True(meeting.RecordResolution(itemId, Chair, [ProjectOutcome.Approved(projectId)], "同意。", NoRecusals, Quorum.MoreThanHalf, "批次时限", During).Succeeded);
        var resolution = meeting.Find(itemId)!.Resolution!;
        Assert.Equal(["law"], resolution.WaivedOpinions.Select(w => w.DepartmentCode));
        Assert.Equal("批次时限", resolution.ProceedReason);
    }

    [Fact]
    public void A_reason_to_proceed_is_not_kept_when_no_opinion_was_awaited()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        Assert.True(meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(meeting.Find(itemId)!.ProjectIds[0])], "同意。", NoRecusals, Quorum.MoreThanHalf, "无需等待", During).Succeeded);

        Assert.Equal((0, (string?)null), (meeting.Find(itemId)!.Resolution!.WaivedOpinions.Count, meeting.Find(itemId)!.Resolution!.ProceedReason));
    }

    [Fact]
    public void Only_the_chair_convenes_and_closes()
    {
        var (meeting, itemId) = WithItem();

        var convened = Assert.Single(meeting.Convene(During, Member2).Errors);
        Assert.Equal((DeliberationErrors.NotChairToRun, MeetingStatus.Scheduled), (convened.Code, meeting.Status));
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);

        Assert.Equal(DeliberationErrors.NotChairToRun, Assert.Single(meeting.Close(During, Clerk).Errors).Code);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public void Any_member_may_declare_a_conflict_and_is_then_recused_from_the_item()
    {
        var (meeting, itemId) = Held();

        Assert.True(meeting.DeclareConflict(itemId, Member4, " 本人曾任申报机构独立董事 ", During).Succeeded);
        var again = Assert.Single(meeting.DeclareConflict(itemId, Member4, "再次申报", During).Errors);
        var outsider = Assert.Single(meeting.DeclareConflict(itemId, Outsider, "外部人员", During).Errors);
        var blank = Assert.Single(meeting.DeclareConflict(itemId, Member3, " ", During).Errors);
        var vote = Assert.Single(Vote(meeting, itemId, Member4).Errors);

        Assert.Equal(DeliberationErrors.ConflictAlreadyDeclared, again.Code);
        Assert.Equal(DeliberationErrors.NotAttendee, outsider.Code);
        Assert.Equal(Text.RequiredCode, blank.Code);
        Assert.Equal(DeliberationErrors.Recused, vote.Code);
        var item = meeting.Find(itemId)!;
        Assert.Equal([Member4], item.RecusedMemberIds);
        Assert.Equal(("本人曾任申报机构独立董事", Member4), (item.DeclaredConflicts[0].Reason, item.DeclaredConflicts[0].MemberId));
        Assert.Equal((0, 4, 1), (TallyOfFirst(meeting, itemId, NoRecusals).ValueOrThrow().Voted, TallyOfFirst(meeting, itemId, NoRecusals).ValueOrThrow().Eligible, TallyOfFirst(meeting, itemId, NoRecusals).ValueOrThrow().Recused));

        var minutes = Minutes.Compose(meeting, MinutesNames.None);
        Assert.Equal("本人曾任申报机构独立董事", Assert.Single(minutes.Recusals).DeclaredReason);
    }
}
