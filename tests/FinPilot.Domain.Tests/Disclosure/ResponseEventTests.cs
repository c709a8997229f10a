using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using static FinPilot.Domain.Tests.Disclosure.NoticeTestData;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>The notice records what the working group does with a response, so the audit line comes from the event.</summary>
public sealed class ResponseEventTests
{
    private static readonly DateTimeOffset Later = EveOfNationalDay.AddDays(2);

    [Fact]
    public void Answering_releasing_and_resolving_an_objection_record_one_event_each_in_order()
    {
        var notice = NewPublished();
        var objection = Respond(notice, Objection(ProjectA));
        ((IRecordsEvents)notice).ClearEvents();

        Assert.True(notice.ReleaseResponse(objection.Id, Later, WorkingGroup).Succeeded);
        Assert.True(notice.AnswerResponse(objection.Id, "经核实，情况属实。", Later, WorkingGroup).Succeeded);
        Assert.True(notice.ResolveObjection(objection.Id, ObjectionOutcome.Upheld, "客户保护安排需补充", Later, WorkingGroup).Succeeded);

        Assert.Equal<IDomainEvent>(
            [new NoticeResponseReleased(objection.Id), new NoticeResponseAnswered(objection.Id), new NoticeObjectionResolved(objection.Id, ObjectionOutcome.Upheld, "客户保护安排需补充")],
            ((IRecordsEvents)notice).PendingEvents);
        Assert.True(objection.Resolution!.SendsBack);
    }

    [Fact]
    public void A_refused_step_or_an_unknown_response_records_nothing()
    {
        var notice = NewPublished();
        var objection = Respond(notice, Objection(ProjectA));
        ((IRecordsEvents)notice).ClearEvents();

        Assert.False(notice.ResolveObjection(objection.Id, ObjectionOutcome.Dismissed, "未答复", Later, WorkingGroup).Succeeded);
        Assert.Equal(DisclosureErrors.NotFound, notice.AnswerResponse(Guid.NewGuid(), "答复", Later, WorkingGroup).Errors.Single().Code);

        Assert.Empty(((IRecordsEvents)notice).PendingEvents);
    }
}
