using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using static FinPilot.Domain.Tests.Disclosure.NoticeTestData;

namespace FinPilot.Domain.Tests.Disclosure;

/// <summary>Draft → Published → Closed (or Withdrawn), and how the period is counted.</summary>
public sealed class PublicNoticeTests
{
    [Fact]
    public void A_notice_published_on_the_eve_of_national_day_2026_runs_to_the_end_of_13_october()
    {
        var notice = NewPublished();

        Assert.Equal(NoticeStatus.Published, notice.Status);
        Assert.Equal(EveOfNationalDay, notice.PublishedAt);
        Assert.Equal(new DateOnly(2026, 10, 13), notice.EndsOn);
        Assert.Equal(EndsAt, notice.EndsAt);
        Assert.Equal(WorkingGroup, notice.PublishedBy);
    }

    [Fact]
    public void The_period_counts_from_the_beijing_date_even_when_the_utc_date_is_the_day_before()
    {
        // 00:30 on 9/30 in Beijing is still 9/29 in UTC; counted from 9/29 the notice would end on 10/12.
        var notice = NewDraft();

        Assert.True(notice.Publish(new DateTimeOffset(2026, 9, 29, 16, 30, 0, TimeSpan.Zero), WorkingGroup, China).Succeeded);

        Assert.Equal(new DateOnly(2026, 10, 13), notice.EndsOn);
    }

    [Fact]
    public void A_one_day_notice_published_on_a_friday_ends_on_the_worked_sunday_after_it()
    {
        // Fri 9/18 does not count, Sat 9/19 rests, Sun 9/20 is worked for 国庆 (调休).
        var notice = NewDraft(Content(periodWorkingDays: 1));

        Assert.True(notice.Publish(new DateTimeOffset(2026, 9, 18, 16, 0, 0, Beijing), WorkingGroup, China).Succeeded);

        Assert.Equal(new DateOnly(2026, 9, 20), notice.EndsOn);
    }

    [Fact]
    public void The_period_is_five_working_days_unless_set_and_only_one_to_thirty_may_be_set()
    {
        Assert.Equal(5, NewDraft(Content() with { PeriodWorkingDays = PublicNotice.DefaultPeriodWorkingDays }).PeriodWorkingDays);
        Assert.Equal(5, new PublicNoticeContent("标题", null, null, null).PeriodWorkingDays);
        Assert.Equal(30, NewDraft(Content(30)).PeriodWorkingDays);

        foreach (var days in new[] { 0, 31 })
        {
            var result = PublicNotice.Create(Guid.NewGuid(), RegionId, Content(days), EveOfNationalDay, WorkingGroup);
            var error = Assert.Single(result.Errors);
            Assert.Equal((DisclosureErrors.PeriodOutOfRange, "PeriodWorkingDays"), (error.Code, error.Field));
            Assert.Equal(new object[] { 1, 30 }, error.Arguments);
        }
    }

    [Fact]
    public void A_notice_is_open_from_its_publication_to_the_last_instant_of_its_last_day()
    {
        var notice = NewPublished();

        Assert.False(notice.IsOpenAt(EveOfNationalDay.AddTicks(-1)));
        Assert.True(notice.IsOpenAt(EveOfNationalDay));
        Assert.True(notice.IsOpenAt(EndsAt));
        Assert.False(notice.IsOpenAt(AfterEnd));
        Assert.False(notice.HasEndedAt(EndsAt));
        Assert.True(notice.HasEndedAt(AfterEnd));
    }

    [Fact]
    public void A_draft_is_never_open()
    {
        var notice = NewDraft();

        Assert.False(notice.IsOpenAt(EveOfNationalDay));
        Assert.False(notice.HasEndedAt(EndsAt.AddYears(1)));
        Assert.False(notice.IsPublic);
    }

    [Fact]
    public void A_notice_without_projects_is_not_published()
    {
        var notice = NewDraft(Content() with { Projects = [] });

        var result = notice.Publish(EveOfNationalDay, WorkingGroup, China);

        var error = Assert.Single(result.Errors);
        Assert.Equal((DisclosureErrors.ProjectsRequired, "Projects"), (error.Code, error.Field));
        Assert.Equal(NoticeStatus.Draft, notice.Status);
        Assert.Null(notice.EndsAt);
    }

    [Fact]
    public void An_incomplete_notice_is_not_published_and_every_gap_is_named()
    {
        var gappy = Summary(ProjectB) with { LeadName = " ", WhatIsTested = "", CustomerLimits = "", DurationMonths = 0 };
        var notice = NewDraft(Content() with { BodyText = "", Contact = null, Projects = [Summary(ProjectA), gappy] });

        var result = notice.Publish(EveOfNationalDay, WorkingGroup, China);

        Assert.Equal(
            ["BodyText", "Contact", "Projects[1].CustomerLimits", "Projects[1].DurationMonths", "Projects[1].LeadName", "Projects[1].WhatIsTested"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(Text.RequiredCode, e.Code));
        Assert.Equal(NoticeStatus.Draft, notice.Status);
    }

    [Fact]
    public void A_draft_refuses_oversized_text_duplicate_projects_and_impossible_durations()
    {
        var content = Content() with
        {
            BodyText = new string('文', PublicNotice.MaxBodyLength + 1),
            Contact = new string('电', PublicNotice.MaxContactLength + 1),
            Projects = [Summary(ProjectA), Summary(ProjectA) with { DurationMonths = 61 }],
        };

        var result = PublicNotice.Create(Guid.NewGuid(), RegionId, content, EveOfNationalDay, WorkingGroup);

        Assert.Equal(
            [
                (Text.TooLongCode, "BodyText"), (Text.TooLongCode, "Contact"),
                (DisclosureErrors.DuplicateProject, "Projects[1]"), (DisclosureErrors.DurationOutOfRange, "Projects[1].DurationMonths"),
            ],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Summaries_are_stored_trimmed_with_blank_and_repeated_list_lines_dropped()
    {
        var summary = Summary(ProjectA) with { Name = "  平台 ", PartnerNames = ["甲公司", " ", "甲公司 ", "乙公司"] };

        var listing = Assert.Single(NewDraft(Content() with { Projects = [summary] }).Listings);

        Assert.Equal("平台", listing.Summary.Name);
        Assert.Equal(["甲公司", "乙公司"], listing.Summary.PartnerNames!);
        Assert.Equal(ListingStatus.Listed, listing.Status);
    }

    [Fact]
    public void A_published_notice_is_not_published_again_nor_edited()
    {
        var notice = NewPublished();

        Assert.Equal(DisclosureErrors.NotDraft, Assert.Single(notice.Publish(AfterEnd, WorkingGroup, China).Errors).Code);
        Assert.Equal(DisclosureErrors.NotDraft, Assert.Single(notice.UpdateDraft(Content(10)).Errors).Code);
        Assert.Equal(EndsAt, notice.EndsAt);
    }

    [Fact]
    public void Closing_is_refused_until_the_last_day_is_over()
    {
        var notice = NewPublished();

        var early = notice.Close(EndsAt);
        Assert.True(notice.IsDueToCloseAt(AfterEnd));
        var onTime = notice.Close(AfterEnd);

        var error = Assert.Single(early.Errors);
        Assert.Equal((DisclosureErrors.PeriodNotEnded, "EndsAt"), (error.Code, error.Field));
        Assert.True(onTime.Succeeded);
        Assert.Equal(NoticeStatus.Closed, notice.Status);
        Assert.Equal(AfterEnd, notice.ClosedAt);
        Assert.False(notice.IsDueToCloseAt(AfterEnd));
    }

    [Fact]
    public void A_draft_cannot_be_closed()
    {
        Assert.Equal(DisclosureErrors.NotPublished, Assert.Single(NewDraft().Close(AfterEnd).Errors).Code);
    }

    [Fact]
    public void A_mistaken_notice_is_withdrawn_with_a_reason_and_is_no_longer_open()
    {
        var notice = NewPublished();

        Assert.Equal(Text.RequiredCode, Assert.Single(notice.Withdraw(" ", EveOfNationalDay.AddHours(2), WorkingGroup).Errors).Code);
        Assert.True(notice.Withdraw(" 项目名称有误 ", EveOfNationalDay.AddHours(2), WorkingGroup).Succeeded);

        Assert.Equal(NoticeStatus.Withdrawn, notice.Status);
        Assert.Equal("项目名称有误", notice.WithdrawalReason);
        Assert.False(notice.IsOpenAt(EveOfNationalDay.AddHours(3)));
        Assert.True(notice.IsPublic);
    }

    [Fact]
    public void A_draft_may_be_withdrawn_but_a_closed_notice_and_one_with_an_admitted_project_may_not()
    {
        Assert.True(NewDraft().Withdraw("不再需要", EveOfNationalDay, WorkingGroup).Succeeded);

        var closed = NewPublished();
        Assert.True(closed.Close(AfterEnd).Succeeded);
        Assert.Equal(DisclosureErrors.NotWithdrawable, Assert.Single(closed.Withdraw("有误", AfterEnd, WorkingGroup).Errors).Code);

        var admitted = NewPublished();
        Assert.True(admitted.Admit(ProjectA, AfterEnd, WorkingGroup).Succeeded);
        Assert.Equal(DisclosureErrors.NotWithdrawable, Assert.Single(admitted.Withdraw("有误", AfterEnd, WorkingGroup).Errors).Code);
    }

    [Fact]
    public void The_page_asks_whether_a_notice_can_be_withdrawn_and_gets_the_answer_withdrawal_gives()
    {
        var published = NewPublished();
        var closed = NewPublished();
        Assert.True(closed.Close(AfterEnd).Succeeded);
        var admitted = NewPublished();
        Assert.True(admitted.Admit(ProjectA, AfterEnd, WorkingGroup).Succeeded);
        var withdrawn = NewDraft();
        Assert.True(withdrawn.Withdraw("不再需要", EveOfNationalDay, WorkingGroup).Succeeded);

        Assert.Equal([true, true, false, false, false], new[] { NewDraft(), published, closed, admitted, withdrawn }.Select(n => n.CanWithdraw));
    }

    [Fact]
    public void A_summary_carries_its_approval_conditions_trimmed_and_within_the_limits_approval_uses()
    {
        var summary = Summary(ProjectA) with { Conditions = [" 客户不超过 300 户 ", "", "客户不超过 300 户", "每季度报送"] };
        var listing = Assert.Single(NewDraft(Content() with { Projects = [summary] }).Listings);
        Assert.Equal(["客户不超过 300 户", "每季度报送"], listing.Summary.Conditions);

        var tooMany = Summary(ProjectA) with { Conditions = [.. Enumerable.Range(1, FinPilot.Domain.Projects.PilotProject.MaxApprovalConditions + 1).Select(i => $"条件{i}")] };
        Assert.Equal(DisclosureErrors.TooManyItems, Assert.Single(tooMany.LimitErrors("Projects[0]")).Code);
        var tooLong = Summary(ProjectA) with { Conditions = [new string('长', FinPilot.Domain.Projects.PilotProject.MaxApprovalConditionLength + 1)] };
        Assert.Equal("Projects[0].Conditions[0]", Assert.Single(tooLong.LimitErrors("Projects[0]")).Field);

        // A summary written before conditions were carried has none, and says nothing about them.
        Assert.Null(Summary(ProjectA).Normalised().Conditions);
    }

    [Fact]
    public void Without_the_holiday_schedule_the_same_notice_would_end_a_week_earlier()
    {
        var notice = NewDraft();

        Assert.True(notice.Publish(EveOfNationalDay, WorkingGroup, WorkingDayCalendar.Empty).Succeeded);

        Assert.Equal(new DateOnly(2026, 10, 7), notice.EndsOn);
    }
}
