using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>决议: the chair records an outcome per project once a quorum has voted.</summary>
public sealed class ResolutionTests
{
    [Fact]
    public void The_chair_records_outcomes_in_the_items_order_with_the_tally()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var third = InDeliberation();
        var (meeting, itemId) = Held(first, second, third);
        Assert.True(Vote(meeting, itemId, Chair, VoteChoice.Approve).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.ApproveWithConditions).Succeeded);
        Assert.True(meeting.Vote(itemId, Member3, first.Id, VoteChoice.Reject, null, null, NoRecusals, During).Succeeded);
        Assert.True(meeting.Vote(itemId, Member3, second.Id, VoteChoice.Abstain, null, null, NoRecusals, During).Succeeded);
        Assert.True(meeting.Vote(itemId, Member3, third.Id, VoteChoice.Reject, "风控不足", null, NoRecusals, During).Succeeded);
        Assert.True(meeting.Vote(itemId, Member4, third.Id, VoteChoice.Reject, null, null, NoRecusals, During).Succeeded);
        Assert.True(meeting.Vote(itemId, Member5, third.Id, VoteChoice.Reject, null, null, NoRecusals, During).Succeeded);
        var version = meeting.Version;

        var result = meeting.RecordResolution(
            itemId,
            Chair,
            [
                ProjectOutcome.Rejected(third.Id, " 风险防控措施不足 "),
                ProjectOutcome.Approved(first.Id),
                ProjectOutcome.ApprovedWithConditions(second.Id, [" 客户限于合格投资者 ", " "]),
            ],
            " 会议同意项目一、二入箱，项目三不予入箱。 ",
            NoRecusals,
            During.AddHours(1));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var item = meeting.Find(itemId)!;
        Assert.Equal(AgendaItemStatus.Resolved, item.Status);
        var resolution = item.Resolution!;
        Assert.Equal(("会议同意项目一、二入箱，项目三不予入箱。", During.AddHours(1), Chair), (resolution.Text, resolution.RecordedAt, resolution.RecordedBy));
        Assert.Equal([first.Id, second.Id, third.Id], resolution.Outcomes.Select(o => o.ProjectId));
        Assert.Equal([OutcomeKind.Approved, OutcomeKind.ApprovedWithConditions, OutcomeKind.Rejected], resolution.Outcomes.Select(o => o.Kind));
        Assert.Equal(["客户限于合格投资者"], resolution.Outcomes[1].Conditions);
        Assert.Equal("风险防控措施不足", resolution.Outcomes[2].Reason);
        Assert.Equal(
            [new VoteTally(1, 1, 1, 0, 5, 0, 0), new VoteTally(1, 1, 0, 1, 5, 0, 0), new VoteTally(1, 1, 3, 0, 5, 0, 0)],
            resolution.Outcomes.Select(o => o.Tally));
        Assert.Null(resolution.Tally);
        Assert.All(resolution.Outcomes, o => Assert.False(o.AgainstMajority));
        Assert.NotEqual(version, meeting.Version);
    }

    [Fact]
    public void A_resolution_waits_until_the_meeting_is_held()
    {
        var (meeting, itemId) = WithItem();

        var error = Assert.Single(Resolve(meeting, itemId).Errors);

        Assert.Equal((DeliberationErrors.NotHeld, (string?)null), (error.Code, error.Field));
        Assert.Equal([MeetingStatus.Scheduled], error.Arguments);
    }

    [Fact]
    public void Only_the_chair_records_the_resolution()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var error = Assert.Single(Resolve(meeting, itemId, chairId: Member2).Errors);

        Assert.Equal((DeliberationErrors.NotChair, (string?)null), (error.Code, error.Field));
        Assert.Equal([Member2], error.Arguments);
        Assert.Null(meeting.Find(itemId)!.Resolution);
    }

    [Fact]
    public void A_recused_chair_hands_the_item_to_another_attendee_who_records_it()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Member2, Member3, Member4);

        Assert.Equal(DeliberationErrors.Recused, Assert.Single(Resolve(meeting, itemId, recused: [Chair]).Errors).Code);

        Assert.True(meeting.AssignChair(Member2).Succeeded);
        Assert.True(Resolve(meeting, itemId, recused: [Chair], chairId: Member2).Succeeded);
        Assert.Equal(Member2, meeting.Find(itemId)!.Resolution!.RecordedBy);
        Assert.Equal([Chair], meeting.Find(itemId)!.RecusedMemberIds);
    }

    [Fact]
    public void Half_of_the_attendees_is_not_a_quorum()
    {
        // Four attendees entitled to vote (one of five is recused): two votes are half, not more.
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Chair, recused: [Member5]).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2).Succeeded);

        var error = Assert.Single(Resolve(meeting, itemId).Errors);

        Assert.Equal((DeliberationErrors.NoQuorum, (string?)null), (error.Code, error.Field));
        Assert.Equal([2, 4], error.Arguments.Take(2));
        Assert.Equal(AgendaItemStatus.Pending, meeting.Find(itemId)!.Status);
    }

    [Fact]
    public void More_than_half_of_the_attendees_not_recused_is_a_quorum()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Chair, recused: [Member5]).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2).Succeeded);
        Assert.True(Vote(meeting, itemId, Member3, VoteChoice.Abstain).Succeeded);

        Assert.True(Resolve(meeting, itemId).Succeeded);

        var tally = meeting.Find(itemId)!.Resolution!.Outcomes[0].Tally!;
        Assert.Equal((3, 4, 1), (tally.Voted, tally.Eligible, tally.Recused));
    }

    [Fact]
    public void Recusing_members_lowers_the_quorum_because_they_cannot_vote()
    {
        // Five attendees, two recused: two votes of the three entitled are a quorum.
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2);

        Assert.False(Resolve(meeting, itemId).Succeeded);
        Assert.True(Resolve(meeting, itemId, recused: [Member4, Member5]).Succeeded);

        Assert.Equal([Member4, Member5], meeting.Find(itemId)!.RecusedMemberIds);
    }

    [Fact]
    public void When_everyone_but_the_chair_is_recused_and_the_chair_has_not_voted_there_is_no_quorum()
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(Resolve(meeting, itemId, recused: [Member2, Member3, Member4, Member5]).Errors);

        Assert.Equal(DeliberationErrors.NoQuorum, error.Code);
        Assert.Equal([0, 1], error.Arguments.Take(2));
    }

    [Fact]
    public void A_vote_later_found_recused_does_not_count_towards_the_quorum()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        // Member3's conflict surfaces before the resolution: two of four entitled voted, not more than half.
        var error = Assert.Single(Resolve(meeting, itemId, recused: [Member3]).Errors);

        Assert.Equal(DeliberationErrors.NoQuorum, error.Code);
        Assert.Equal([2, 4], error.Arguments.Take(2));
    }

    [Fact]
    public void An_item_is_resolved_once()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);
        var resolution = meeting.Find(itemId)!.Resolution;

        Assert.Equal(DeliberationErrors.AlreadyResolved, Assert.Single(Resolve(meeting, itemId).Errors).Code);
        Assert.Same(resolution, meeting.Find(itemId)!.Resolution);
    }

    [Fact]
    public void Every_project_needs_one_outcome_and_only_the_items_projects_may_have_one()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var stranger = Guid.NewGuid();
        var (meeting, itemId) = Held(first, second);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(first.Id), ProjectOutcome.Rejected(first.Id, "重复"), ProjectOutcome.Approved(stranger)],
            "决议", NoRecusals, During);

        Assert.Equal(
            [
                (DeliberationErrors.OutcomeDuplicate, "outcomes[1]", (object)first.Id),
                (DeliberationErrors.OutcomeNotOnItem, "outcomes[2]", stranger),
                (DeliberationErrors.OutcomeMissing, "outcomes", second.Id),
            ],
            result.Errors.Select(e => (e.Code, e.Field, e.Arguments.Single())));
        Assert.Null(meeting.Find(itemId)!.Resolution);
    }

    [Fact]
    public void A_conditional_approval_needs_conditions_and_other_outcomes_may_not_have_any()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var (meeting, itemId) = Held(first, second);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair,
            [ProjectOutcome.ApprovedWithConditions(first.Id, [" "]), new ProjectOutcome(second.Id, OutcomeKind.Approved, ["客户限于合格投资者"], null)],
            "决议", NoRecusals, During);

        Assert.Equal(
            [(DeliberationErrors.ConditionsRequired, "outcomes[0].conditions"), (DeliberationErrors.ConditionsNotAllowed, "outcomes[1].conditions")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void An_outcomes_conditions_have_the_limits_of_a_projects_approval()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.ApprovedWithConditions(project.Id, ["客户限于合格投资者", new string('条', PilotProject.MaxApprovalConditionLength + 1)])],
            "决议", NoRecusals, During);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.TooLongCode, "outcomes[0].conditions[1]"), (error.Code, error.Field));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_an_approval_may_not_have_one()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var (meeting, itemId) = Held(first, second);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Rejected(first.Id, " ") with { DeviationReason = "另有考虑" }, new ProjectOutcome(second.Id, OutcomeKind.Approved, [], "理由")],
            "决议", NoRecusals, During);

        Assert.Equal(
            [(Text.RequiredCode, "outcomes[0].reason"), (DeliberationErrors.ReasonNotAllowed, "outcomes[1].reason")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_rejection_reason_has_the_limit_of_a_projects_rejection()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Rejected(project.Id, new string('因', PilotProject.MaxReasonLength + 1)) with { DeviationReason = "另有考虑" }], "决议", NoRecusals, During);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.TooLongCode, "outcomes[0].reason"), (error.Code, error.Field));
    }

    [Fact]
    public void An_unknown_outcome_kind_is_refused()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(itemId, Chair, [new ProjectOutcome(project.Id, (OutcomeKind)7, [], null)], "决议", NoRecusals, During);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DeliberationErrors.OutcomeKindUnknown, "outcomes[0].kind"), (error.Code, error.Field));
        Assert.Equal([7], error.Arguments);
    }

    [Fact]
    public void A_resolution_text_over_the_limit_is_refused()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(
            itemId, Chair, [ProjectOutcome.Approved(project.Id)], new string('决', AgendaItem.MaxResolutionLength + 1), NoRecusals, During);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.TooLongCode, "text"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_resolution_needs_text(string? text)
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);

        var result = meeting.RecordResolution(itemId, Chair, [ProjectOutcome.Approved(project.Id)], text!, NoRecusals, During);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.RequiredCode, "text"), (error.Code, error.Field));
    }

    [Fact]
    public void A_refused_resolution_records_no_recusal()
    {
        var project = InDeliberation();
        var (meeting, itemId) = Held(project);
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        var version = meeting.Version;

        Assert.False(meeting.RecordResolution(itemId, Chair, [], "决议", [Member5], During).Succeeded);

        Assert.Empty(meeting.Find(itemId)!.RecusedMemberIds);
        Assert.Equal(version, meeting.Version);
    }

    [Fact]
    public void An_unknown_item_is_not_found_even_for_someone_who_is_not_the_chair()
    {
        var (meeting, _) = Held();

        var unknown = Guid.NewGuid();

        Assert.Equal(DeliberationErrors.ItemNotFound, Assert.Single(meeting.RecordResolution(unknown, Member2, [], "决议", NoRecusals, During).Errors).Code);
        Assert.Equal(DeliberationErrors.ItemNotFound, Assert.Single(meeting.RecordResolution(unknown, Chair, [], "决议", NoRecusals, During).Errors).Code);
    }
}
