using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>Scheduling, the chair, the agenda, convening and closing a meeting.</summary>
public sealed class MeetingTests
{
    [Fact]
    public void A_scheduled_meeting_keeps_its_details_trimmed_and_its_attendees_once_each()
    {
        var details = Details with { Title = "  第3次会议 ", ChairId = $" {Chair} ", AttendeeIds = [Chair, $" {Member2}", Member2, "", Member3] };

        var meeting = Meeting.Schedule(Guid.NewGuid(), details, Before, Clerk).Value!;

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal("第3次会议", meeting.Title);
        Assert.Equal((MeetingDate, new TimeOnly(9, 0)), (meeting.Date, meeting.Time));
        Assert.Equal(Chair, meeting.ChairId);
        Assert.Equal([Chair, Member2, Member3], meeting.AttendeeIds);
        Assert.Equal((Before, Clerk), (meeting.CreatedAt, meeting.CreatedBy));
        Assert.Empty(meeting.AgendaItems);
        Assert.NotEqual(Guid.Empty, meeting.Version);
    }

    [Fact]
    public void A_meeting_needs_a_title_attendees_and_a_chair_and_every_problem_is_named()
    {
        var result = Meeting.Schedule(Guid.NewGuid(), new MeetingDetails(" ", MeetingDate, new TimeOnly(9, 0), "", [" "]), Before, Clerk);

        Assert.Equal(
            [(Text.RequiredCode, "Title"), (DeliberationErrors.AttendeesRequired, "AttendeeIds"), (Text.RequiredCode, "ChairId")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Fifty_attendees_are_accepted_and_fifty_one_are_refused()
    {
        var fifty = Enumerable.Range(1, Meeting.MaxAttendees).Select(i => $"m{i}").ToArray();
        Assert.True(Meeting.Schedule(Guid.NewGuid(), Details with { ChairId = "m1", AttendeeIds = fifty }, Before, Clerk).Succeeded);

        var result = Meeting.Schedule(Guid.NewGuid(), Details with { ChairId = "m1", AttendeeIds = [.. fifty, "m51"] }, Before, Clerk);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DeliberationErrors.TooManyAttendees, "AttendeeIds"), (error.Code, error.Field));
        Assert.Equal([Meeting.MaxAttendees], error.Arguments);
    }

    [Fact]
    public void The_chair_must_attend()
    {
        var error = Assert.Single(Meeting.Schedule(Guid.NewGuid(), Details with { ChairId = Outsider }, Before, Clerk).Errors);

        Assert.Equal((DeliberationErrors.ChairNotAttendee, "ChairId"), (error.Code, error.Field));
        Assert.Equal([Outsider], error.Arguments);
    }

    [Fact]
    public void A_title_over_the_limit_is_refused()
    {
        var result = Meeting.Schedule(Guid.NewGuid(), Details with { Title = new string('会', Meeting.MaxTitleLength + 1) }, Before, Clerk);

        var error = Assert.Single(result.Errors);
        Assert.Equal((Text.TooLongCode, "Title"), (error.Code, error.Field));
    }

    [Fact]
    public void A_scheduled_meeting_may_be_rescheduled_but_a_held_one_may_not()
    {
        var (meeting, _) = WithItem();
        var version = meeting.Version;

        Assert.True(meeting.Reschedule(Details with { Date = MeetingDate.AddDays(-1), AttendeeIds = [Chair, Member2] }).Succeeded);
        Assert.Equal([Chair, Member2], meeting.AttendeeIds);
        Assert.NotEqual(version, meeting.Version);

        Assert.True(meeting.Convene(During, Chair).Succeeded);
        var error = Assert.Single(meeting.Reschedule(Details).Errors);
        Assert.Equal((DeliberationErrors.NotScheduled, (string?)null), (error.Code, error.Field));
        Assert.Equal([MeetingStatus.Held], error.Arguments);
        Assert.Equal([Chair, Member2], meeting.AttendeeIds);
    }

    [Fact]
    public void A_refused_rescheduling_changes_nothing()
    {
        var meeting = Scheduled();
        var version = meeting.Version;

        Assert.False(meeting.Reschedule(Details with { Title = "新标题", ChairId = Outsider }).Succeeded);

        Assert.Equal(Details.Title, meeting.Title);
        Assert.Equal(version, meeting.Version);
    }

    [Fact]
    public void The_chair_may_be_handed_to_another_attendee_during_the_meeting()
    {
        var (meeting, _) = Held();

        Assert.True(meeting.AssignChair(Member2).Succeeded);

        Assert.Equal(Member2, meeting.ChairId);
    }

    [Fact]
    public void The_chair_may_not_be_handed_to_someone_not_attending()
    {
        var (meeting, _) = Held();

        var error = Assert.Single(meeting.AssignChair(Outsider).Errors);

        Assert.Equal((DeliberationErrors.ChairNotAttendee, "memberId"), (error.Code, error.Field));
        Assert.Equal(Chair, meeting.ChairId);
    }

    [Fact]
    public void An_agenda_item_keeps_its_kind_projects_and_view()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var meeting = Scheduled();
        var itemId = Guid.NewGuid();

        var result = meeting.AddAgendaItem(itemId, AgendaItemKind.Admission, " 入箱审议 ", [first, second, first], " 建议入箱 ", Before, Clerk);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var item = Assert.Single(meeting.AgendaItems);
        Assert.Equal((itemId, AgendaItemKind.Admission, "入箱审议", "建议入箱"), (item.Id, item.Kind, item.Title, item.WorkingGroupView));
        Assert.Equal([first.Id, second.Id], item.ProjectIds);
        Assert.Equal(AgendaItemStatus.Pending, item.Status);
        Assert.Null(item.Resolution);
        Assert.Same(item, meeting.Find(itemId));
    }

    [Fact]
    public void An_agenda_item_needs_a_known_kind_a_title_projects_and_the_working_groups_view()
    {
        var meeting = Scheduled();

        var result = meeting.AddAgendaItem(Guid.NewGuid(), (AgendaItemKind)99, "", [], " ", Before, Clerk);

        Assert.Equal(
            [
                (DeliberationErrors.KindUnknown, "kind"), (Text.RequiredCode, "title"), (DeliberationErrors.ProjectsRequired, "projects"),
                (Text.RequiredCode, "workingGroupView"),
            ],
            result.Errors.Select(e => (e.Code, e.Field)));
        Assert.Empty(meeting.AgendaItems);
    }

    [Fact]
    public void An_admission_item_takes_only_projects_in_deliberation()
    {
        var ready = InDeliberation();
        var evaluating = ProjectTestData.InStage(ProjectStage.Evaluation);
        var meeting = Scheduled();

        var result = meeting.AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "入箱审议", [ready, evaluating], "建议入箱", Before, Clerk);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DeliberationErrors.ProjectStageUnexpected, "projects"), (error.Code, error.Field));
        Assert.Equal([evaluating.Id, ProjectStage.Evaluation, AgendaItemKind.Admission], error.Arguments);
        Assert.Empty(meeting.AgendaItems);
    }

    [Fact]
    public void One_hundred_projects_fit_on_an_item_and_one_hundred_and_one_do_not()
    {
        static PilotProject[] Copies(int n) => [.. Enumerable.Range(0, n).Select(_ => InDeliberation())];

        Assert.True(Scheduled().AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "入箱审议", Copies(AgendaItem.MaxProjects), "建议入箱", Before, Clerk).Succeeded);

        var error = Assert.Single(Scheduled().AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "入箱审议", Copies(AgendaItem.MaxProjects + 1), "建议入箱", Before, Clerk).Errors);
        Assert.Equal((DeliberationErrors.TooManyProjects, "projects"), (error.Code, error.Field));
        Assert.Equal([AgendaItem.MaxProjects], error.Arguments);
    }

    [Fact]
    public void A_project_is_on_at_most_one_admission_item_of_a_meeting()
    {
        var project = InDeliberation();
        var (meeting, _) = WithItem(project);

        var result = meeting.AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "再次审议", [InDeliberation(), project], "建议入箱", Before, Clerk);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DeliberationErrors.ProjectAlreadyOnAgenda, "projects"), (error.Code, error.Field));
        Assert.Equal([project.Id], error.Arguments);
        Assert.Single(meeting.AgendaItems);
    }

    [Fact]
    public void The_agenda_takes_at_most_fifty_items()
    {
        var meeting = Scheduled();
        for (var i = 0; i < Meeting.MaxAgendaItems; i++)
        {
            Assert.True(meeting.AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, $"议题{i}", [InDeliberation()], "建议入箱", Before, Clerk).Succeeded);
        }

        var error = Assert.Single(meeting.AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "多一个", [InDeliberation()], "建议入箱", Before, Clerk).Errors);

        Assert.Equal(DeliberationErrors.TooManyAgendaItems, error.Code);
        Assert.Equal(Meeting.MaxAgendaItems, meeting.AgendaItems.Count);
    }

    [Fact]
    public void The_agenda_is_fixed_once_the_meeting_is_held()
    {
        var (meeting, itemId) = Held();

        Assert.Equal(DeliberationErrors.NotScheduled, Assert.Single(meeting.AddAgendaItem(Guid.NewGuid(), AgendaItemKind.Admission, "临时议题", [InDeliberation()], "建议入箱", During, Clerk).Errors).Code);
        Assert.Equal(DeliberationErrors.NotScheduled, Assert.Single(meeting.RemoveAgendaItem(itemId).Errors).Code);
        Assert.Single(meeting.AgendaItems);
    }

    [Fact]
    public void An_item_may_be_taken_off_a_scheduled_agenda()
    {
        var (meeting, itemId) = WithItem();

        Assert.True(meeting.RemoveAgendaItem(itemId).Succeeded);

        Assert.Empty(meeting.AgendaItems);
        Assert.Equal(DeliberationErrors.ItemNotFound, Assert.Single(meeting.RemoveAgendaItem(itemId).Errors).Code);
    }

    [Fact]
    public void A_meeting_is_convened_on_its_day_not_before()
    {
        var (meeting, _) = WithItem();

        var error = Assert.Single(meeting.Convene(ChinaTime.StartOfDay(MeetingDate).AddTicks(-1), Chair).Errors);
        Assert.Equal(DeliberationErrors.NotYetDue, error.Code);
        Assert.Equal([MeetingDate], error.Arguments);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);

        Assert.True(meeting.Convene(ChinaTime.StartOfDay(MeetingDate), Chair).Succeeded);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(Chair, meeting.HeldBy);
    }

    [Fact]
    public void A_meeting_with_nothing_on_its_agenda_is_not_convened()
    {
        var meeting = Scheduled();

        Assert.Equal(DeliberationErrors.NoAgendaItems, Assert.Single(meeting.Convene(During, Chair).Errors).Code);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void A_meeting_closes_only_once_every_item_is_resolved()
    {
        var (meeting, itemId) = Held();

        var error = Assert.Single(meeting.Close(During, Chair).Errors);
        Assert.Equal(DeliberationErrors.ItemsUnresolved, error.Code);
        Assert.Equal([1], error.Arguments);

        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);
        Assert.True(meeting.Close(During.AddHours(2), Chair).Succeeded);

        Assert.Equal((MeetingStatus.Closed, During.AddHours(2), Chair), (meeting.Status, meeting.ClosedAt, meeting.ClosedBy));
    }

    [Fact]
    public void A_scheduled_meeting_cannot_be_closed()
    {
        var (meeting, _) = WithItem();
        Assert.Equal(DeliberationErrors.NotHeld, Assert.Single(meeting.Close(During, Chair).Errors).Code);
    }

    [Fact]
    public void Nothing_changes_on_a_closed_meeting()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);
        Assert.True(meeting.Close(During, Chair).Succeeded);

        Assert.Equal(DeliberationErrors.Closed, Assert.Single(meeting.AssignChair(Member2).Errors).Code);
        Assert.Equal(DeliberationErrors.Closed, Assert.Single(meeting.RequestOpinion(itemId, "CSRC-LAW", MeetingDate, During, Clerk).Errors).Code);
        Assert.Equal(DeliberationErrors.NotHeld, Assert.Single(Vote(meeting, itemId, Member4).Errors).Code);
        Assert.Equal(DeliberationErrors.NotScheduled, Assert.Single(meeting.Convene(During, Chair).Errors).Code);
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
    }
}
