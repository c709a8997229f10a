using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>表决: attendees vote once each; recused members and outsiders do not vote.</summary>
public sealed class VotingTests
{
    [Fact]
    public void An_attendee_votes_and_the_vote_is_kept_as_cast()
    {
        var (meeting, itemId) = Held();
        var version = meeting.Version;

        var result = meeting.Vote(itemId, Member2, VoteChoice.ApproveWithConditions, " 风险可控 ", [" 客户限于合格投资者 ", ""], NoRecusals, During);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var ballot = Assert.Single(meeting.Find(itemId)!.Ballots);
        Assert.Equal((Member2, VoteChoice.ApproveWithConditions, "风险可控", During), (ballot.MemberId, ballot.Choice, ballot.Comment, ballot.CastAt));
        Assert.Equal(["客户限于合格投资者"], ballot.Conditions);
        Assert.NotEqual(version, meeting.Version);
    }

    [Fact]
    public void Votes_wait_until_the_meeting_is_held()
    {
        var (meeting, itemId) = WithItem();

        var error = Assert.Single(Vote(meeting, itemId, Member2).Errors);

        Assert.Equal((DeliberationErrors.NotHeld, (string?)null), (error.Code, error.Field));
        Assert.Equal([MeetingStatus.Scheduled], error.Arguments);
        Assert.Empty(meeting.Find(itemId)!.Ballots);
    }

    [Fact]
    public void Someone_not_attending_may_not_vote()
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(Vote(meeting, itemId, Outsider).Errors);

        Assert.Equal((DeliberationErrors.NotAttendee, (string?)null), (error.Code, error.Field));
        Assert.Equal([Outsider], error.Arguments);
        Assert.Empty(meeting.Find(itemId)!.Ballots);
    }

    [Fact]
    public void A_recused_member_may_not_vote_and_the_recusal_is_recorded()
    {
        var (meeting, itemId) = Held();
        var version = meeting.Version;

        var error = Assert.Single(Vote(meeting, itemId, Member3, recused: [Member3]).Errors);

        Assert.Equal((DeliberationErrors.Recused, (string?)null), (error.Code, error.Field));
        Assert.Equal([Member3], error.Arguments);
        Assert.Empty(meeting.Find(itemId)!.Ballots);
        Assert.Equal(version, meeting.Version);
    }

    [Fact]
    public void A_recusal_passed_with_another_members_vote_stands_for_later_votes()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Member2, recused: [Member3, Outsider]).Succeeded);

        Assert.Equal([Member3], meeting.Find(itemId)!.RecusedMemberIds);
        // The caller forgetting the conflict next time does not let the member vote.
        Assert.Equal(DeliberationErrors.Recused, Assert.Single(Vote(meeting, itemId, Member3).Errors).Code);
    }

    [Fact]
    public void A_recusal_on_one_item_does_not_stop_the_member_voting_on_another()
    {
        var (meeting, itemId) = WithItem();
        var otherItem = Guid.NewGuid();
        Assert.True(meeting.AddAgendaItem(otherItem, AgendaItemKind.Admission, "另一议题", [InDeliberation()], "建议入箱", Before, Clerk).Succeeded);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2, recused: [Member3]).Succeeded);

        Assert.True(Vote(meeting, otherItem, Member3).Succeeded);

        Assert.Empty(meeting.Find(otherItem)!.RecusedMemberIds);
    }

    [Fact]
    public void A_second_vote_is_refused_and_the_first_stands()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.Approve).Succeeded);

        var error = Assert.Single(Vote(meeting, itemId, Member2, VoteChoice.Reject).Errors);

        Assert.Equal((DeliberationErrors.AlreadyVoted, (string?)null), (error.Code, error.Field));
        Assert.Equal([Member2, During], error.Arguments.Take(2));
        Assert.Equal(VoteChoice.Approve, Assert.Single(meeting.Find(itemId)!.Ballots).Choice);
    }

    public static TheoryData<string[]?> NoConditions => new(null, Array.Empty<string>(), new[] { " ", "" });

    [Theory]
    [MemberData(nameof(NoConditions))]
    public void Approving_with_conditions_needs_at_least_one_condition(string[]? conditions)
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(meeting.Vote(itemId, Member2, VoteChoice.ApproveWithConditions, null, conditions, NoRecusals, During).Errors);

        Assert.Equal((DeliberationErrors.ConditionsRequired, "conditions"), (error.Code, error.Field));
        Assert.Empty(meeting.Find(itemId)!.Ballots);
    }

    [Theory]
    [InlineData(VoteChoice.Approve)]
    [InlineData(VoteChoice.Reject)]
    [InlineData(VoteChoice.Abstain)]
    public void Conditions_with_any_other_choice_are_refused_not_dropped(VoteChoice choice)
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(meeting.Vote(itemId, Member2, choice, null, ["客户限于合格投资者"], NoRecusals, During).Errors);

        Assert.Equal((DeliberationErrors.ConditionsNotAllowed, "conditions"), (error.Code, error.Field));
    }

    [Fact]
    public void A_vote_s_conditions_have_the_limits_of_a_projects_approval()
    {
        var (meeting, itemId) = Held();
        var tooMany = Enumerable.Range(0, Domain.Projects.PilotProject.MaxApprovalConditions + 1).Select(i => $"条件{i}").ToArray();

        var error = Assert.Single(meeting.Vote(itemId, Member2, VoteChoice.ApproveWithConditions, null, tooMany, NoRecusals, During).Errors);

        Assert.Equal((Domain.Projects.ProjectErrors.TooManyApprovalConditions, "conditions"), (error.Code, error.Field));
    }

    [Fact]
    public void A_comment_is_at_most_two_thousand_characters()
    {
        var (meeting, itemId) = Held();
        Assert.True(meeting.Vote(itemId, Member2, VoteChoice.Reject, new string('评', AgendaItem.MaxCommentLength), null, NoRecusals, During).Succeeded);

        var error = Assert.Single(meeting.Vote(itemId, Member3, VoteChoice.Reject, new string('评', AgendaItem.MaxCommentLength + 1), null, NoRecusals, During).Errors);

        Assert.Equal((Text.TooLongCode, "comment"), (error.Code, error.Field));
    }

    [Fact]
    public void An_unknown_choice_is_refused()
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(meeting.Vote(itemId, Member2, (VoteChoice)9, null, null, NoRecusals, During).Errors);

        Assert.Equal((DeliberationErrors.ChoiceUnknown, "choice"), (error.Code, error.Field));
        Assert.Equal([9], error.Arguments);
    }

    [Fact]
    public void The_state_is_reported_before_the_inputs()
    {
        // Telling an outsider to fix their conditions would mislead them: they may not vote at all.
        var (meeting, itemId) = Held();

        var error = Assert.Single(meeting.Vote(itemId, Outsider, VoteChoice.ApproveWithConditions, null, null, NoRecusals, During).Errors);

        Assert.Equal(DeliberationErrors.NotAttendee, error.Code);
    }

    [Fact]
    public void No_votes_on_a_resolved_item()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);

        Assert.Equal(DeliberationErrors.AlreadyResolved, Assert.Single(Vote(meeting, itemId, Member4).Errors).Code);
    }

    [Fact]
    public void The_tally_counts_each_choice_and_who_may_still_vote()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Chair, VoteChoice.Approve, recused: [Member5]).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.ApproveWithConditions).Succeeded);
        Assert.True(Vote(meeting, itemId, Member3, VoteChoice.Abstain).Succeeded);

        var tally = TallyOfFirst(meeting, itemId, NoRecusals).Value!;

        Assert.Equal(new VoteTally(Approve: 1, ApproveWithConditions: 1, Reject: 0, Abstain: 1, Eligible: 4, Recused: 1, Excluded: 0), tally);
        Assert.Equal((3, 1, true), (tally.Voted, tally.NotVoted, tally.HasQuorum));
    }

    [Fact]
    public void A_vote_cast_before_the_member_was_found_recused_is_kept_but_not_counted()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.Reject).Succeeded);

        var tally = TallyOfFirst(meeting, itemId, [Member2]).Value!;

        Assert.Equal((0, 1, 4, 1), (tally.Reject, tally.Recused, tally.Eligible, tally.Excluded));
        Assert.Single(meeting.Find(itemId)!.Ballots);
    }

    [Fact]
    public void The_tally_of_an_unknown_item_is_not_found()
    {
        var (meeting, _) = Held();
        Assert.Equal(DeliberationErrors.ItemNotFound, Assert.Single(TallyOfFirst(meeting, Guid.NewGuid(), NoRecusals).Errors).Code);
    }
}
