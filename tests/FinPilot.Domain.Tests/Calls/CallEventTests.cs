using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using static FinPilot.Domain.Tests.Calls.CallTestData;

namespace FinPilot.Domain.Tests.Calls;

/// <summary>A call records one event per change it makes (the save step audits them); a refused move records nothing.</summary>
public sealed class CallEventTests
{
    [Fact]
    public void Every_move_records_its_event_in_order_and_clearing_forgets_them()
    {
        var call = NewDraft();
        var before = call.Details;
        Assert.True(call.UpdateDraft(Complete() with { Title = "改后标题" }, Now).Succeeded);
        Assert.True(call.Publish(Now, WorkingGroup).Succeeded);
        Assert.True(call.Close(Now, WorkingGroup).Succeeded);
        Assert.True(call.Archive(Now).Succeeded);

        var events = ((IRecordsEvents)call).PendingEvents;
        Assert.Collection(
            events,
            e => Assert.IsType<CallCreated>(e),
            e => Assert.Equal(before, Assert.IsType<CallDraftUpdated>(e).Before),
            e => Assert.IsType<CallPublished>(e),
            e => Assert.False(Assert.IsType<CallClosed>(e).Automatic),
            e => Assert.IsType<CallArchived>(e));

        ((IRecordsEvents)call).ClearEvents();
        Assert.Empty(((IRecordsEvents)call).PendingEvents);
    }

    [Fact]
    public void A_refused_move_records_nothing_and_the_closing_job_closes_automatically()
    {
        var call = NewPublished();
        ((IRecordsEvents)call).ClearEvents();

        Assert.False(call.Archive(Now).Succeeded);
        Assert.False(call.Close(Now, actorUserId: null).Succeeded); // not due yet
        Assert.Empty(((IRecordsEvents)call).PendingEvents);

        Assert.True(call.Close(ClosesAt, actorUserId: null).Succeeded);
        Assert.True(Assert.IsType<CallClosed>(Assert.Single(((IRecordsEvents)call).PendingEvents)).Automatic);
    }
}
