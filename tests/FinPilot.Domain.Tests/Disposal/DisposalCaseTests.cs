using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Disposal;

/// <summary>A disposal case: its checklist from the plan's level, the steps that do its actions, and the rule that it closes only when every action is done or waived.</summary>
public sealed class DisposalCaseTests
{
    // Thursday 2026-09-24, before the Mid-Autumn (09-25 to 09-27) and National Day (10-01 to 10-07) holidays.
    private static readonly DateTimeOffset Now = new(2026, 9, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;
    private const string WorkingGroup = "user-working-group";
    private const string Institution = "user-applicant";

    private static DisposalCase Opened(DisposalLevel level = DisposalLevel.III, int affected = 100, ProjectStage stage = ProjectStage.Running) =>
        DisposalCase.Open(ProjectTestData.InStage(stage), ContingencyPlanVersion.Default(), level, DisposalSource.Direct, null, "客户资金划转异常", affected, Now, WorkingGroup, China)
            .ValueOrThrow();

    [Fact]
    public void A_level_III_case_lists_the_levels_actions_with_owners_and_working_day_deadlines()
    {
        var c = Opened();

        Assert.Equal(
            [(DisposalActionKind.SuspendPilot, DisposalActionOwner.WorkingGroup, 3), (DisposalActionKind.CustomerNotification, DisposalActionOwner.Institution, 5), (DisposalActionKind.Compensation, DisposalActionOwner.Institution, 30)],
            c.Actions.Select(a => (a.Kind, a.Owner, a.WorkingDays)));
        Assert.All(c.Actions, a => Assert.Equal(DisposalActionState.Open, a.State));
        Assert.Equal(ObligationRules.Precise(China.DeadlineAfter(Now, 3)), c.ActionOf(DisposalActionKind.SuspendPilot)!.DueAt);
        Assert.Equal(1, c.PlanVersionNumber);
        Assert.Equal((DisposalCaseStatus.Open, DisposalLevel.III), (c.Status, c.Level));
    }

    [Fact]
    public void A_deadline_in_working_days_skips_the_holiday()
    {
        var c = Opened();

        // From Thursday 09-24: 09-28, 09-29, 09-30 (three: the suspension), then 10-08, 10-09 (five: the notices).
        Assert.Equal(new DateOnly(2026, 9, 30), ChinaTime.DateOf(c.ActionOf(DisposalActionKind.SuspendPilot)!.DueAt));
        Assert.Equal(new DateOnly(2026, 10, 9), ChinaTime.DateOf(c.ActionOf(DisposalActionKind.CustomerNotification)!.DueAt));
    }

    [Theory]
    [InlineData(ProjectStage.Draft)]
    [InlineData(ProjectStage.PublicNotice)]
    [InlineData(ProjectStage.Rejected)]
    public void A_case_opens_only_on_an_admitted_pilot(ProjectStage stage)
    {
        var result = DisposalCase.Open(ProjectTestData.InStage(stage), ContingencyPlanVersion.Default(), DisposalLevel.IV, DisposalSource.Direct, null, "说明", 0, Now, WorkingGroup, China);

        Assert.Equal(DisposalErrors.ProjectNotRunning, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Opening_checks_the_inputs_field_by_field()
    {
        var result = DisposalCase.Open(ProjectTestData.InStage(ProjectStage.Running), ContingencyPlanVersion.Default(), (DisposalLevel)7, DisposalSource.Incident, null, " ", -1, Now, WorkingGroup, China);

        Assert.Equal(["affectedCustomers", "level", "sourceId", "summary"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_case_does_not_close_while_an_action_is_open_and_closes_once_each_is_done_or_waived()
    {
        var c = Opened(DisposalLevel.IV, affected: 10);

        var refused = c.Close("处置完毕", Now, WorkingGroup);
        Assert.Equal(DisposalErrors.ActionsStillOpen, Assert.Single(refused.Errors).Code);
        Assert.Equal([1], refused.Errors[0].Arguments);
        Assert.Equal(DisposalCaseStatus.Open, c.Status);

        Assert.True(c.RecordNotice(NoticeChannel.Sms, 10, ChinaTime.DateOf(Now), Now, Institution).Succeeded);
        Assert.True(c.Close("处置完毕", Now, WorkingGroup).Succeeded);
        Assert.Equal((DisposalCaseStatus.Closed, "处置完毕"), (c.Status, c.Conclusion));
        Assert.Equal(DisposalErrors.CaseClosed, Assert.Single(c.Close("再次结案", Now, WorkingGroup).Errors).Code);
    }

    [Fact]
    public void Waiving_needs_a_reason_and_counts_as_settled_for_closing()
    {
        var c = Opened();

        Assert.Equal(Text.RequiredCode, Assert.Single(c.WaiveAction(DisposalActionKind.SuspendPilot, "  ", Now, WorkingGroup).Errors).Code);
        Assert.True(c.WaiveAction(DisposalActionKind.SuspendPilot, "风险已隔离，无需暂停", Now, WorkingGroup).Succeeded);
        Assert.True(c.WaiveAction(DisposalActionKind.CustomerNotification, "客户已由法院公告告知", Now, WorkingGroup).Succeeded);
        Assert.Equal(DisposalErrors.ActionsStillOpen, Assert.Single(c.Close("结案", Now, WorkingGroup).Errors).Code);
        Assert.True(c.WaiveAction(DisposalActionKind.Compensation, "无客户损失", Now, WorkingGroup).Succeeded);

        Assert.Equal((DisposalActionState.Waived, "风险已隔离，无需暂停"), (c.ActionOf(DisposalActionKind.SuspendPilot)!.State, c.ActionOf(DisposalActionKind.SuspendPilot)!.Note));
        Assert.Equal(DisposalErrors.ActionNotOpen, Assert.Single(c.WaiveAction(DisposalActionKind.SuspendPilot, "再次", Now, WorkingGroup).Errors).Code);
        Assert.Equal(DisposalErrors.ActionNotRequired, Assert.Single(c.WaiveAction(DisposalActionKind.TerminationProposal, "不适用", Now, WorkingGroup).Errors).Code);
        Assert.True(c.Close("结案", Now, WorkingGroup).Succeeded);
    }

    [Fact]
    public void Notices_complete_the_notification_only_when_every_affected_customer_is_covered()
    {
        var c = Opened(affected: 100);

        Assert.True(c.RecordNotice(NoticeChannel.Sms, 60, ChinaTime.DateOf(Now), Now, Institution).Succeeded);
        Assert.Equal(DisposalActionState.Open, c.ActionOf(DisposalActionKind.CustomerNotification)!.State);
        Assert.True(c.RecordNotice(NoticeChannel.Phone, 40, ChinaTime.DateOf(Now), Now, Institution).Succeeded);

        Assert.Equal(100, c.CustomersNotified);
        Assert.Equal(DisposalActionState.Done, c.ActionOf(DisposalActionKind.CustomerNotification)!.State);
        Assert.Equal(["channel", "count", "sentOn"], c.RecordNotice((NoticeChannel)99, 0, ChinaTime.DateOf(Now).AddDays(1), Now, Institution).Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Compensation_totals_add_up_and_it_is_complete_only_when_every_claim_is_closed()
    {
        var c = Opened();

        Assert.True(c.RecordCompensation(10, 5_000.50m, 4, "首批", Now, Institution).Succeeded);
        Assert.True(c.RecordCompensation(2, 1_000m, 6, null, Now, Institution).Succeeded);
        Assert.Equal((12, 6_000.50m, 10), (c.ClaimsReceived, c.AmountPaid, c.ClaimsClosed));

        Assert.Equal(DisposalErrors.MoreClosedThanReceived, Assert.Single(c.RecordCompensation(0, 0, 3, null, Now, Institution).Errors).Code);
        Assert.Equal(DisposalErrors.NothingRecorded, Assert.Single(c.RecordCompensation(0, 0, 0, null, Now, Institution).Errors).Code);
        Assert.Equal(DisposalErrors.AmountInvalid, Assert.Single(c.RecordCompensation(0, 1.005m, 0, null, Now, Institution).Errors).Code);
        var open = Assert.Single(c.CompleteAction(DisposalActionKind.Compensation, null, Now, WorkingGroup).Errors);
        Assert.Equal(DisposalErrors.ClaimsStillOpen, open.Code);
        Assert.Equal([12, 10], open.Arguments);

        Assert.True(c.RecordCompensation(0, 800m, 2, null, Now, Institution).Succeeded);
        Assert.True(c.CompleteAction(DisposalActionKind.Compensation, "全部办结", Now, WorkingGroup).Succeeded);
        Assert.Equal(DisposalActionState.Done, c.ActionOf(DisposalActionKind.Compensation)!.State);
    }

    [Fact]
    public void Only_compensation_is_marked_done_by_hand()
    {
        var c = Opened();

        Assert.Equal(DisposalErrors.ActionDoneByItsStep, Assert.Single(c.CompleteAction(DisposalActionKind.SuspendPilot, null, Now, WorkingGroup).Errors).Code);
        Assert.Equal(DisposalErrors.ActionDoneByItsStep, Assert.Single(c.CompleteAction(DisposalActionKind.CustomerNotification, null, Now, WorkingGroup).Errors).Code);
    }

    [Fact]
    public void Suspending_does_the_suspension_action_and_only_the_case_that_suspended_resumes()
    {
        var c = Opened();

        Assert.Equal(DisposalErrors.NotSuspended, Assert.Single(c.RecordResumption("恢复", Now, WorkingGroup).Errors).Code);
        Assert.True(c.RecordSuspension("资金划转异常，暂停新增业务", Now, WorkingGroup).Succeeded);
        Assert.Equal(DisposalActionState.Done, c.ActionOf(DisposalActionKind.SuspendPilot)!.State);
        Assert.True(c.HoldsSuspension);
        Assert.Equal(DisposalErrors.AlreadySuspended, Assert.Single(c.RecordSuspension("再次", Now, WorkingGroup).Errors).Code);

        Assert.True(c.RecordResumption("整改到位", Now.AddDays(3), WorkingGroup).Succeeded);
        Assert.False(c.HoldsSuspension);
        Assert.Equal(Now.AddDays(3), c.ResumedAt);
    }

    [Fact]
    public void Raising_the_level_adds_the_missing_actions_and_only_to_a_graver_level()
    {
        var c = Opened(DisposalLevel.III);
        Assert.True(c.RecordSuspension("暂停", Now, WorkingGroup).Succeeded);

        Assert.Equal(DisposalErrors.LevelNotGraver, Assert.Single(c.RaiseLevel(DisposalLevel.IV, "降级", ContingencyPlanVersion.Default(), Now, WorkingGroup, China).Errors).Code);
        Assert.Equal(DisposalErrors.LevelNotGraver, Assert.Single(c.RaiseLevel(DisposalLevel.III, "同级", ContingencyPlanVersion.Default(), Now, WorkingGroup, China).Errors).Code);
        var added = c.RaiseLevel(DisposalLevel.I, "风险外溢", ContingencyPlanVersion.Default(), Now, WorkingGroup, China).ValueOrThrow();

        Assert.Equal([DisposalActionKind.TerminationProposal], added.Select(a => a.Kind));
        Assert.Equal(DisposalLevel.I, c.Level);
        Assert.Equal(4, c.Actions.Count);
        Assert.Equal((DisposalLevel.III, DisposalLevel.I, "风险外溢"), (c.LevelChanges[0].From, c.LevelChanges[0].To, c.LevelChanges[0].Reason));
    }

    [Fact]
    public void Proposing_termination_does_the_proposal_action_once()
    {
        var c = Opened(DisposalLevel.I);

        Assert.True(c.ProposeTermination("机构无力持续经营", Now, WorkingGroup).Succeeded);
        Assert.Equal(DisposalActionState.Done, c.ActionOf(DisposalActionKind.TerminationProposal)!.State);
        Assert.Equal(DisposalErrors.AlreadyProposed, Assert.Single(c.ProposeTermination("再次", Now, WorkingGroup).Errors).Code);
    }

    [Fact]
    public void Each_change_records_one_event_and_a_refused_one_none()
    {
        var c = Opened();
        var events = (IRecordsEvents)c;
        Assert.IsType<DisposalCaseOpened>(Assert.Single(events.PendingEvents));
        events.ClearEvents();

        Assert.False(c.Close("结案", Now, WorkingGroup).Succeeded);
        Assert.Empty(events.PendingEvents);
        var version = c.Version;
        Assert.True(c.RecordSuspension("暂停", Now, WorkingGroup).Succeeded);
        Assert.True(c.RecordNotice(NoticeChannel.Email, 5, ChinaTime.DateOf(Now), Now, Institution).Succeeded);

        Assert.Collection(
            events.PendingEvents,
            e => Assert.Equal(new DisposalPilotSuspended("暂停"), e),
            e => Assert.Equal(new CustomerNoticeRecorded(NoticeChannel.Email, 5, ChinaTime.DateOf(Now)), e));
        Assert.NotEqual(version, c.Version);
    }

    [Fact]
    public void A_closed_case_takes_no_more_records()
    {
        var c = Opened(DisposalLevel.IV, affected: 0);
        Assert.True(c.WaiveAction(DisposalActionKind.CustomerNotification, "无受影响客户", Now, WorkingGroup).Succeeded);
        Assert.True(c.Close("结案", Now, WorkingGroup).Succeeded);

        Assert.Equal(DisposalErrors.CaseClosed, Assert.Single(c.RecordNotice(NoticeChannel.Sms, 1, ChinaTime.DateOf(Now), Now, Institution).Errors).Code);
        Assert.Equal(DisposalErrors.CaseClosed, Assert.Single(c.RecordSuspension("暂停", Now, WorkingGroup).Errors).Code);
    }
}
