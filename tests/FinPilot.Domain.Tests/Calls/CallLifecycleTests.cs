using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using static FinPilot.Domain.Tests.Calls.CallTestData;

namespace FinPilot.Domain.Tests.Calls;

/// <summary>Draft → Published → Closed → Archived: every allowed move and every refused one.</summary>
public sealed class CallLifecycleTests
{
    [Fact]
    public void Publishing_a_complete_draft_makes_it_public_and_records_who_and_when()
    {
        var call = NewDraft();

        Assert.True(call.Publish(Now, WorkingGroup).Succeeded);

        Assert.Equal(CallStatus.Published, call.Status);
        Assert.True(call.IsPublic);
        Assert.Equal(Now, call.PublishedAt);
        Assert.Equal(WorkingGroup, call.PublishedBy);
    }

    [Fact]
    public void An_incomplete_draft_is_not_published_and_every_gap_is_named()
    {
        var call = NewDraft(Complete() with { BodyHtml = " ", Directions = [], EligibleTypes = [], Materials = null, Contact = "" });

        var result = call.Publish(Now, WorkingGroup);

        Assert.Equal(["BodyHtml", "Contact", "Directions", "EligibleTypes", "Materials"], result.Errors.Select(e => e.Field).Order());
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Null(call.PublishedAt);
    }

    [Fact]
    public void A_draft_whose_close_time_has_passed_is_not_published()
    {
        var call = NewDraft();

        var result = call.Publish(ClosesAt, WorkingGroup);

        Assert.Equal(CallErrors.ClosesInPast, Assert.Single(result.Errors).Code);
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    [Fact]
    public void A_published_call_is_open_from_its_opening_until_just_before_its_close()
    {
        var call = NewPublished();

        Assert.False(call.IsOpenAt(OpensAt.AddTicks(-1)));
        Assert.True(call.IsOpenAt(OpensAt));
        Assert.True(call.IsOpenAt(ClosesAt.AddTicks(-1)));
        Assert.False(call.IsOpenAt(ClosesAt));
    }

    [Fact]
    public void A_published_call_is_due_to_close_from_its_close_time()
    {
        var call = NewPublished();

        Assert.False(call.IsDueToCloseAt(ClosesAt.AddTicks(-1)));
        Assert.True(call.IsDueToCloseAt(ClosesAt));
        Assert.False(NewDraft().IsDueToCloseAt(ClosesAt));
    }

    [Fact]
    public void The_system_closes_a_call_at_its_close_time_and_no_one_is_named()
    {
        var call = NewPublished();

        Assert.True(call.Close(ClosesAt, null).Succeeded);

        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Equal(ClosesAt, call.ClosedAt);
        Assert.Null(call.ClosedBy);
        Assert.True(call.IsPublic);
    }

    [Fact]
    public void The_system_does_not_close_a_call_before_its_close_time()
    {
        var call = NewPublished();

        Assert.Equal(CallErrors.NotDue, Assert.Single(call.Close(ClosesAt.AddSeconds(-1), null).Errors).Code);
        Assert.Equal(CallStatus.Published, call.Status);
    }

    [Fact]
    public void The_working_group_may_close_a_call_early_and_is_named()
    {
        var call = NewPublished();
        var early = OpensAt.AddDays(3);

        Assert.True(call.Close(early, WorkingGroup).Succeeded);

        Assert.Equal(early, call.ClosedAt);
        Assert.Equal(WorkingGroup, call.ClosedBy);
    }

    [Fact]
    public void A_closed_call_can_be_archived_and_stays_public()
    {
        var call = NewClosed();

        Assert.True(call.Archive(ClosesAt.AddDays(30)).Succeeded);

        Assert.Equal(CallStatus.Archived, call.Status);
        Assert.Equal(ClosesAt.AddDays(30), call.ArchivedAt);
        Assert.True(call.IsPublic);
    }

    public static TheoryData<string, CallStatus, string> RefusedMoves => new()
    {
        { "publish", CallStatus.Published, CallErrors.NotDraft },
        { "publish", CallStatus.Closed, CallErrors.NotDraft },
        { "publish", CallStatus.Archived, CallErrors.NotDraft },
        { "update", CallStatus.Published, CallErrors.NotDraft },
        { "update", CallStatus.Closed, CallErrors.NotDraft },
        { "update", CallStatus.Archived, CallErrors.NotDraft },
        { "close", CallStatus.Draft, CallErrors.NotPublished },
        { "close", CallStatus.Closed, CallErrors.NotPublished },
        { "close", CallStatus.Archived, CallErrors.NotPublished },
        { "archive", CallStatus.Draft, CallErrors.NotClosed },
        { "archive", CallStatus.Published, CallErrors.NotClosed },
        { "archive", CallStatus.Archived, CallErrors.NotClosed },
        { "correct", CallStatus.Draft, CallErrors.NotCorrectable },
        { "correct", CallStatus.Archived, CallErrors.NotCorrectable },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Moves_from_the_wrong_status_are_refused_as_state_errors_and_change_nothing(string move, CallStatus from, string code)
    {
        var call = In(from);
        var version = call.Version;
        var later = ClosesAt.AddDays(40);

        var result = move switch
        {
            "publish" => call.Publish(Now, WorkingGroup),
            "update" => call.UpdateDraft(Complete() with { Title = "改" }, later),
            "close" => call.Close(later, WorkingGroup),
            "archive" => call.Archive(later),
            _ => call.Correct(Complete() with { Title = "改" }, "说明", later, WorkingGroup),
        };

        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Null(error.Field);
        Assert.Equal(from, call.Status);
        Assert.Equal(version, call.Version);
    }

    private static Call In(CallStatus status)
    {
        switch (status)
        {
            case CallStatus.Draft:
                return NewDraft();
            case CallStatus.Published:
                return NewPublished();
            case CallStatus.Closed:
                return NewClosed();
            default:
                var call = NewClosed();
                Assert.True(call.Archive(ClosesAt.AddDays(1)).Succeeded);
                return call;
        }
    }

    [Fact]
    public void Publishing_needs_an_actor()
    {
        Assert.Throws<ArgumentException>(() => NewDraft().Publish(Now, " "));
    }

    [Fact]
    public void State_errors_carry_the_status_they_were_refused_in()
    {
        var error = Assert.Single(NewDraft().Close(Now, WorkingGroup).Errors);
        Assert.Equal([CallStatus.Draft], error.Arguments);
        Assert.IsType<Error>(error);
    }
}
