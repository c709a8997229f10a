using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using static FinPilot.Domain.Tests.Projects.ProjectTestData;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>补正: returning an application with missing items and a working-day deadline, and answering it.</summary>
public sealed class SupplementTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void The_deadline_is_counted_in_working_days_across_the_national_day_holiday()
    {
        // Returned on Tue 2025-09-30; 10/1–10/8 are holidays and Sat 10/11 is worked, so the five
        // working days are 10/9, 10/10, 10/11, 10/13, 10/14.
        var project = InStage(ProjectStage.Screening);

        Assert.True(project.ReturnForSupplement(Now, Reviewer, ["营业执照副本"], 5, WorkingDays).Succeeded);

        var request = project.CurrentSupplementRequest!;
        Assert.Equal(new DateOnly(2025, 10, 14), request.DueOn);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Beijing).AddTicks(-1), request.DueAt);
        Assert.Equal(5, request.WorkingDays);
    }

    [Fact]
    public void The_deadline_counts_from_the_date_in_beijing_not_in_utc()
    {
        // 17:30 UTC on 9/29 is 01:30 on 9/30 in Beijing: counted from 9/29 it would end on 10/13.
        var project = InStage(ProjectStage.Screening);
        var now = new DateTimeOffset(2025, 9, 29, 17, 30, 0, TimeSpan.Zero);

        Assert.True(project.ReturnForSupplement(now, Reviewer, ["营业执照副本"], 5, WorkingDays).Succeeded);

        Assert.Equal(new DateOnly(2025, 10, 14), project.CurrentSupplementRequest!.DueOn);
    }

    [Fact]
    public void Returning_opens_the_next_version_and_keeps_the_items_without_blanks()
    {
        var project = InStage(ProjectStage.Screening);

        Assert.True(project.ReturnForSupplement(Now, Reviewer, [" 法人授权书 ", "", "风险评估报告"], 5, WorkingDays).Succeeded);

        Assert.Equal(["法人授权书", "风险评估报告"], project.CurrentSupplementRequest!.Items);
        Assert.Equal(2, project.ApplicationVersion);
        Assert.Equal(1, project.SubmittedApplicationVersion);
        Assert.True(project.CanEditApplication);
    }

    public static TheoryData<string[], int, string> BadRequests() => new()
    {
        { [], 5, ProjectErrors.SupplementItemsRequired },
        { ["  ", ""], 5, ProjectErrors.SupplementItemsRequired },
        { [.. Enumerable.Repeat("材料", PilotProject.MaxSupplementItems + 1)], 5, ProjectErrors.TooManySupplementItems },
        { [new string('材', PilotProject.MaxSupplementItemLength + 1)], 5, Text.TooLongCode },
        { ["材料"], 0, ProjectErrors.SupplementDaysOutOfRange },
        { ["材料"], PilotProject.MaxSupplementWorkingDays + 1, ProjectErrors.SupplementDaysOutOfRange },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_request_without_items_or_with_an_unreasonable_deadline_is_refused(string[] items, int workingDays, string code)
    {
        var project = InStage(ProjectStage.Screening);

        var result = project.ReturnForSupplement(Now, Reviewer, items, workingDays, WorkingDays);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
        Assert.Equal(ProjectStage.Screening, project.Stage);
        Assert.Empty(project.SupplementRequests);
    }

    [Fact]
    public void Resubmitting_freezes_the_supplemented_version_and_closes_the_request()
    {
        var project = InStage(ProjectStage.ReturnedForSupplement);
        var answeredAt = Now.AddDays(2);

        Assert.True(project.Resubmit(answeredAt, Applicant).Succeeded);

        Assert.Equal(2, project.SubmittedApplicationVersion);
        Assert.Null(project.CurrentSupplementRequest);
        var request = Assert.Single(project.SupplementRequests);
        Assert.Equal(answeredAt, request.ResubmittedAt);
        Assert.False(request.AnsweredLate);
    }

    [Fact]
    public void Resubmitting_after_the_call_has_closed_is_allowed()
    {
        // Screening runs after the call closes; only the first submission is bound by the call.
        var project = InStage(ProjectStage.ReturnedForSupplement);
        Assert.True(project.Resubmit(CallClosesAt.AddDays(10), Applicant).Succeeded);
    }

    [Fact]
    public void A_late_answer_is_accepted_and_shown_as_late()
    {
        var project = InStage(ProjectStage.ReturnedForSupplement);
        var dueAt = project.CurrentSupplementRequest!.DueAt;

        Assert.True(project.Resubmit(dueAt.AddTicks(1), Applicant).Succeeded);

        Assert.True(project.SupplementRequests[^1].AnsweredLate);
    }

    [Fact]
    public void A_missed_deadline_can_be_flagged_only_after_the_due_day_has_ended()
    {
        var project = InStage(ProjectStage.ReturnedForSupplement);
        var dueAt = project.CurrentSupplementRequest!.DueAt;

        Assert.Equal(ProjectErrors.SupplementNotOverdue, Assert.Single(project.FlagMissedSupplementDeadline(dueAt).Errors).Code);
        Assert.True(project.FlagMissedSupplementDeadline(dueAt.AddTicks(1)).Succeeded);

        Assert.Equal(dueAt.AddTicks(1), project.CurrentSupplementRequest!.FlaggedOverdueAt);
        Assert.Equal(ProjectStage.ReturnedForSupplement, project.Stage);
    }

    [Fact]
    public void Flagging_twice_keeps_the_first_time()
    {
        // The background job runs repeatedly; the record should say when the miss was first seen.
        var project = InStage(ProjectStage.ReturnedForSupplement);
        var late = project.CurrentSupplementRequest!.DueAt.AddHours(1);
        project.FlagMissedSupplementDeadline(late);

        Assert.True(project.FlagMissedSupplementDeadline(late.AddDays(1)).Succeeded);

        Assert.Equal(late, project.CurrentSupplementRequest!.FlaggedOverdueAt);
    }

    [Fact]
    public void Only_a_project_awaiting_a_supplement_can_be_flagged()
    {
        var project = InStage(ProjectStage.Submitted);
        var result = project.FlagMissedSupplementDeadline(Now.AddYears(1));
        Assert.Equal(ProjectErrors.NotAwaitingSupplement, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void An_empty_calendar_would_give_an_earlier_deadline()
    {
        // Guards that the aggregate really counts with the calendar it is given.
        var project = InStage(ProjectStage.Screening);
        project.ReturnForSupplement(Now, Reviewer, ["材料"], 5, WorkingDayCalendar.Empty);
        Assert.Equal(new DateOnly(2025, 10, 7), project.CurrentSupplementRequest!.DueOn);
    }
}
