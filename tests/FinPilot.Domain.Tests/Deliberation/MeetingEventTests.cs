using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>A meeting records one event per change it makes (one per batch of votes); a refused change records nothing.</summary>
public sealed class MeetingEventTests
{
    private static IReadOnlyList<IDomainEvent> Pending(Meeting meeting) => ((IRecordsEvents)meeting).PendingEvents;

    private static void Clear(Meeting meeting) => ((IRecordsEvents)meeting).ClearEvents();

    [Fact]
    public void Scheduling_and_adding_an_item_record_what_was_given()
    {
        var (meeting, itemId) = WithItem();

        Assert.Collection(
            Pending(meeting),
            e => Assert.Equal(Details, Assert.IsType<MeetingScheduled>(e).Given),
            e => Assert.Equal(new AgendaItemAdded(itemId, AgendaItemKind.Admission, "北京第二批试点项目入箱审议"), e));
    }

    [Fact]
    public void The_meetings_moves_record_their_events_in_order()
    {
        var (meeting, itemId) = WithItem();
        Clear(meeting);
        Assert.True(meeting.RequestOpinion(itemId, "fin-consumer", MeetingDate, Before, Clerk).Succeeded);
        Assert.True(meeting.RecordOpinion(itemId, "fin-consumer", "无异议", Before, Clerk).Succeeded);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        Assert.True(meeting.DeclareConflict(itemId, Member5, " 曾任合作方顾问 ", During).Succeeded);
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId, [Member5]).Succeeded);
        Assert.True(meeting.Close(During.AddHours(2), Chair).Succeeded);

        Assert.Collection(
            Pending(meeting),
            e => Assert.Equal(new OpinionRequested(itemId, "fin-consumer", MeetingDate), e),
            e => Assert.Equal(new OpinionRecorded(itemId, "fin-consumer"), e),
            e => Assert.IsType<MeetingConvened>(e),
            e => Assert.Equal(new MeetingConflictDeclared(itemId, Member5, " 曾任合作方顾问 "), e),
            e => Assert.Equal(new VotedOnAll(itemId, Chair, VoteChoice.Approve), e),
            e => Assert.Equal(new VotedOnAll(itemId, Member2, VoteChoice.Approve), e),
            e => Assert.Equal(new VotedOnAll(itemId, Member3, VoteChoice.Approve), e),
            e => Assert.Equal(new ResolutionRecorded(itemId, "同意入箱。"), e),
            e => Assert.IsType<MeetingClosed>(e));
    }

    [Fact]
    public void A_batch_of_votes_is_one_event_and_a_refused_batch_records_nothing_and_casts_nothing()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var (meeting, itemId) = Held(first, second);
        Clear(meeting);

        var refused = meeting.Vote(itemId, Member2, [new ProjectBallot(first.Id, VoteChoice.Approve), new ProjectBallot(second.Id, VoteChoice.ApproveWithConditions)], NoRecusals, During);
        Assert.False(refused.Succeeded); // conditions are required for ApproveWithConditions
        Assert.Empty(Pending(meeting));
        Assert.Empty(meeting.Find(itemId)!.Ballots);

        ProjectBallot[] ballots = [new(first.Id, VoteChoice.Approve), new(second.Id, VoteChoice.Reject, "风险过高")];
        Assert.True(meeting.Vote(itemId, Member2, ballots, NoRecusals, During).Succeeded);

        var cast = Assert.IsType<VotesCast>(Assert.Single(Pending(meeting)));
        Assert.Equal((itemId, Member2), (cast.ItemId, cast.MemberId));
        Assert.Equal(ballots, cast.Ballots);
        Assert.Equal(2, meeting.Find(itemId)!.Ballots.Count);
    }

    [Fact]
    public void A_refused_move_records_nothing()
    {
        var (meeting, itemId) = WithItem();
        Clear(meeting);

        Assert.False(meeting.Close(During, Chair).Succeeded); // not held
        Assert.False(meeting.Convene(During, Member2).Succeeded); // not the chair
        Assert.False(Vote(meeting, itemId, Member2).Succeeded); // not held yet
        Assert.False(meeting.RequestOpinion(Guid.NewGuid(), "fin-consumer", MeetingDate, Before, Clerk).Succeeded);

        Assert.Empty(Pending(meeting));
    }
}
