using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>征求意见: asking business departments for opinions on an item and recording their answers.</summary>
public sealed class OpinionTests
{
    private const string Law = "CSRC-LAW";
    private const string Risk = "CSRC-RISK";
    private static readonly DateOnly DueOn = new(2025, 10, 13);

    [Fact]
    public void A_request_is_open_until_the_department_answers()
    {
        var (meeting, itemId) = WithItem();
        var version = meeting.Version;

        Assert.True(meeting.RequestOpinion(itemId, $" {Law} ", DueOn, Before, Clerk).Succeeded);

        var request = Assert.Single(meeting.Find(itemId)!.OpinionRequests);
        Assert.Equal(new OpinionRequest(Law, DueOn, Before, Clerk), request);
        Assert.True(request.IsOpen);
        Assert.NotEqual(version, meeting.Version);
    }

    [Fact]
    public void The_answer_is_recorded_on_the_request_trimmed()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);

        Assert.True(meeting.RecordOpinion(itemId, Law, " 无异议。 ", Before.AddDays(2), Clerk).Succeeded);

        var request = Assert.Single(meeting.Find(itemId)!.OpinionRequests);
        Assert.Equal(("无异议。", Before.AddDays(2), Clerk), (request.Opinion, request.RecordedAt, request.RecordedBy));
        Assert.False(request.IsOpen);
        Assert.False(request.AnsweredLate);
    }

    [Fact]
    public void A_department_has_one_open_request_per_item()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);

        var error = Assert.Single(meeting.RequestOpinion(itemId, Law, DueOn.AddDays(1), Before, Clerk).Errors);

        Assert.Equal((DeliberationErrors.OpinionAlreadyRequested, "departmentCode"), (error.Code, error.Field));
        Assert.Equal([Law, DueOn], error.Arguments);
        Assert.Single(meeting.Find(itemId)!.OpinionRequests);
    }

    [Fact]
    public void Other_departments_and_other_items_are_asked_separately()
    {
        var (meeting, itemId) = WithItem();
        var otherItem = Guid.NewGuid();
        Assert.True(meeting.AddAgendaItem(otherItem, AgendaItemKind.Admission, "另一议题", [InDeliberation()], "建议入箱", Before, Clerk).Succeeded);

        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);
        Assert.True(meeting.RequestOpinion(itemId, Risk, DueOn, Before, Clerk).Succeeded);
        Assert.True(meeting.RequestOpinion(otherItem, Law, DueOn, Before, Clerk).Succeeded);

        Assert.Equal([Law, Risk], meeting.Find(itemId)!.OpinionRequests.Select(r => r.DepartmentCode));
    }

    [Fact]
    public void A_department_that_has_answered_may_be_asked_again()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);
        Assert.True(meeting.RecordOpinion(itemId, Law, "需补充合作方资质材料。", Before, Clerk).Succeeded);

        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before.AddDays(1), Clerk).Succeeded);

        Assert.Equal([false, true], meeting.Find(itemId)!.OpinionRequests.Select(r => r.IsOpen));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_request_needs_a_department(string code)
    {
        var (meeting, itemId) = WithItem();

        var error = Assert.Single(meeting.RequestOpinion(itemId, code, DueOn, Before, Clerk).Errors);

        Assert.Equal((Text.RequiredCode, "departmentCode"), (error.Code, error.Field));
    }

    [Fact]
    public void A_department_code_is_at_most_fifty_characters()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, new string('D', AgendaItem.MaxDepartmentCodeLength), DueOn, Before, Clerk).Succeeded);

        var error = Assert.Single(meeting.RequestOpinion(itemId, new string('D', AgendaItem.MaxDepartmentCodeLength + 1), DueOn, Before, Clerk).Errors);

        Assert.Equal((Text.TooLongCode, "departmentCode"), (error.Code, error.Field));
    }

    [Fact]
    public void An_opinion_may_be_due_today_but_not_yesterday()
    {
        var (meeting, itemId) = WithItem();
        var today = new DateOnly(2025, 10, 8);
        Assert.True(meeting.RequestOpinion(itemId, Law, today, Before, Clerk).Succeeded);

        var error = Assert.Single(meeting.RequestOpinion(itemId, Risk, today.AddDays(-1), Before, Clerk).Errors);

        Assert.Equal((DeliberationErrors.OpinionDueInPast, "dueOn"), (error.Code, error.Field));
        Assert.Equal([today], error.Arguments);
    }

    [Fact]
    public void An_opinion_nobody_asked_for_is_refused()
    {
        var (meeting, itemId) = WithItem();

        var error = Assert.Single(meeting.RecordOpinion(itemId, Law, "无异议。", Before, Clerk).Errors);

        Assert.Equal((DeliberationErrors.OpinionNotRequested, "departmentCode"), (error.Code, error.Field));
        Assert.Equal([Law], error.Arguments);
    }

    [Fact]
    public void A_second_answer_to_an_answered_request_is_refused()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);
        Assert.True(meeting.RecordOpinion(itemId, Law, "无异议。", Before, Clerk).Succeeded);

        Assert.Equal(DeliberationErrors.OpinionNotRequested, Assert.Single(meeting.RecordOpinion(itemId, Law, "改为反对。", Before, Clerk).Errors).Code);
        Assert.Equal("无异议。", meeting.Find(itemId)!.OpinionRequests[0].Opinion);
    }

    [Theory]
    [InlineData(null, "Field.Required")]
    [InlineData(" ", "Field.Required")]
    public void An_opinion_needs_text(string? opinion, string code)
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);

        var error = Assert.Single(meeting.RecordOpinion(itemId, Law, opinion!, Before, Clerk).Errors);

        Assert.Equal((code, "opinion"), (error.Code, error.Field));
        Assert.True(meeting.Find(itemId)!.OpinionRequests[0].IsOpen);
    }

    [Fact]
    public void An_opinion_over_the_limit_is_refused()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);

        var error = Assert.Single(meeting.RecordOpinion(itemId, Law, new string('意', AgendaItem.MaxOpinionLength + 1), Before, Clerk).Errors);

        Assert.Equal((Text.TooLongCode, "opinion"), (error.Code, error.Field));
    }

    [Fact]
    public void A_late_opinion_is_recorded_and_shows_as_late()
    {
        var (meeting, itemId) = WithItem();
        Assert.True(meeting.RequestOpinion(itemId, Law, DueOn, Before, Clerk).Succeeded);
        var dayAfter = new DateTimeOffset(2025, 10, 14, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.False(meeting.Find(itemId)!.OpinionRequests[0].IsOverdue(dayAfter.AddTicks(-1)));
        Assert.True(meeting.Find(itemId)!.OpinionRequests[0].IsOverdue(dayAfter));

        Assert.True(meeting.RecordOpinion(itemId, Law, "无异议。", dayAfter, Clerk).Succeeded);

        Assert.True(meeting.Find(itemId)!.OpinionRequests[0].AnsweredLate);
        Assert.False(meeting.Find(itemId)!.OpinionRequests[0].IsOverdue(dayAfter));
    }

    [Fact]
    public void Opinions_are_still_taken_while_the_meeting_is_held_but_not_once_the_item_is_resolved()
    {
        var (meeting, itemId) = Held();
        Assert.True(meeting.RequestOpinion(itemId, Law, MeetingDate, During, Clerk).Succeeded);
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(meeting.RecordOpinion(itemId, Law, "无异议。", During, Clerk).Succeeded);
        Assert.True(Resolve(meeting, itemId).Succeeded);

        Assert.Equal(DeliberationErrors.AlreadyResolved, Assert.Single(meeting.RequestOpinion(itemId, Risk, MeetingDate, During, Clerk).Errors).Code);
        Assert.Equal(DeliberationErrors.AlreadyResolved, Assert.Single(meeting.RecordOpinion(itemId, Law, "无异议。", During, Clerk).Errors).Code);
    }

    [Fact]
    public void An_unknown_item_is_not_found()
    {
        var (meeting, _) = WithItem();
        var unknown = Guid.NewGuid();

        var error = Assert.Single(meeting.RequestOpinion(unknown, Law, DueOn, Before, Clerk).Errors);

        Assert.Equal((DeliberationErrors.ItemNotFound, (string?)null), (error.Code, error.Field));
        Assert.Equal([unknown], error.Arguments);
    }
}
