using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Corrections;

/// <summary>A correction order's steps, its deadlines, the escalation ladder across holidays, and the pilot's moves it causes.</summary>
public sealed class CorrectionOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private static CorrectionOrderInput Input(bool mustRectify = true) => new()
    {
        Findings = "客户数量超过批准上限。",
        Breach = "试点方案第三条：客户数量上限 300 户。",
        RequiredActions = "停止新增客户，压降至上限以内。",
        Severity = CorrectionSeverity.Moderate,
        WorkingDays = 10,
        MustRectify = mustRectify,
    };

    private static CorrectionOrder Issued() =>
        CorrectionOrder.Issue(ProjectTestData.InStage(ProjectStage.Running), Input(), CorrectionSource.Direct, null, Now.AddDays(14), Now, "wg").ValueOrThrow();

    private static IReadOnlyList<IDomainEvent> Taken(IRecordsEvents aggregate)
    {
        var events = aggregate.PendingEvents.ToList();
        aggregate.ClearEvents();
        return events;
    }

    [Fact]
    public void An_order_goes_plan_then_evidence_then_verification_and_a_rejection_sets_a_new_round()
    {
        var order = Issued();
        Assert.IsType<CorrectionIssued>(Assert.Single(Taken(order)));
        Assert.Equal((CorrectionStatus.AwaitingPlan, 1, $"{order.Id:N}:1"), (order.Status, order.Round, order.ObligationSubject));

        // Evidence before a plan, and verification before evidence, are refused.
        Assert.Equal(CorrectionErrors.WrongStatus, order.SubmitEvidence("证明", Now, "applicant").Errors.Single().Code);
        Assert.Equal(CorrectionErrors.WrongStatus, order.Close("通过", Now, "wg").Errors.Single().Code);
        Assert.True(order.SubmitPlan("一周内压降。", Now, "applicant").Succeeded);
        Assert.True(order.SubmitEvidence("客户数已降至 290 户。", Now, "applicant").Succeeded);
        Assert.Equal(CorrectionStatus.AwaitingVerification, order.Status);

        var newDue = Now.AddDays(7);
        Assert.True(order.Reject("证明材料不完整。", newDue, Now, "wg").Succeeded);
        Assert.Equal((CorrectionStatus.AwaitingEvidence, 2, 1), (order.Status, order.Round, order.Extensions));
        Assert.Equal(newDue, order.DueAt);
        Assert.True(order.SubmitEvidence("补充客户清单。", Now, "applicant").Succeeded);
        Assert.True(order.Close("已核验。", Now, "wg").Succeeded);
        Assert.Equal(CorrectionStatus.Closed, order.Status);
        Assert.False(order.IsOpen);
        Assert.Equal(
            [CorrectionStepKind.Issued, CorrectionStepKind.PlanSubmitted, CorrectionStepKind.EvidenceSubmitted, CorrectionStepKind.Rejected,
             CorrectionStepKind.EvidenceSubmitted, CorrectionStepKind.Closed],
            order.Steps.Select(s => s.Kind));
        Assert.Equal(5, Taken(order).Count);
    }

    [Fact]
    public void Inputs_are_checked_and_a_pilot_out_of_supervision_gets_no_order()
    {
        var empty = CorrectionOrder.Issue(ProjectTestData.InStage(ProjectStage.Running), new CorrectionOrderInput { WorkingDays = 0, Severity = (CorrectionSeverity)9 },
            CorrectionSource.Direct, null, Now.AddDays(1), Now, "wg");
        Assert.Equal(["findings", "breach", "requiredActions", "severity", "workingDays"], empty.Errors.Select(e => e.Field));

        var exiting = CorrectionOrder.Issue(ProjectTestData.InStage(ProjectStage.Exiting), Input(), CorrectionSource.Direct, null, Now.AddDays(1), Now, "wg");
        Assert.Equal(CorrectionErrors.ProjectNotSupervised, exiting.Errors.Single().Code);

        var order = Issued();
        Assert.Equal("reason", order.Revoke(" ", Now, "wg").Errors.Single().Field);
        Assert.Equal(CorrectionErrors.WorkingDaysInvalid, order.Extend("延期", order.DueAt.AddDays(-1), Now, "wg").Errors.Single().Code);
    }

    [Fact]
    public void Revoking_ends_an_open_order_and_a_disclosure_happens_once()
    {
        var order = Issued();
        Assert.True(order.Disclose(Now, "wg").Succeeded);
        Assert.Equal(CorrectionErrors.AlreadyDisclosed, order.Disclose(Now, "wg").Errors.Single().Code);
        Assert.True(order.Revoke("误发。", Now, "wg").Succeeded);
        Assert.Equal((CorrectionStatus.Revoked, "误发。"), (order.Status, order.Conclusion));
        Assert.Equal(CorrectionErrors.WrongStatus, order.Revoke("再次", Now, "wg").Errors.Single().Code);
    }

    [Fact]
    public void The_ladder_counts_working_days_past_the_due_day_across_a_holiday_and_climbs_each_rung_once()
    {
        // National Day week 2026: 1–7 October off, 10 October (Saturday) worked.
        var calendar = WorkingDayCalendar.Create(
        [
            .. Enumerable.Range(1, 7).Select(d => new CalendarDay(new DateOnly(2026, 10, d), CalendarDayKind.Holiday, "国庆节")),
            new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.AdjustedWorkingDay, "调休"),
        ]).ValueOrThrow();
        var due = new DateOnly(2026, 9, 30);

        // Five working days after 30 September: 8, 9, 10 (Saturday, worked), 12, 13 October.
        Assert.Equal(CorrectionEscalation.None, CorrectionOrder.RungOn(new DateOnly(2026, 10, 12), due, 5, 10, calendar));
        Assert.Equal(CorrectionEscalation.Escalated, CorrectionOrder.RungOn(new DateOnly(2026, 10, 13), due, 5, 10, calendar));
        Assert.Equal(CorrectionEscalation.DisposalProposed, CorrectionOrder.RungOn(new DateOnly(2026, 10, 20), due, 5, 10, calendar));

        var order = Issued();
        Assert.True(order.EscalateTo(CorrectionEscalation.Escalated, Now, "system"));
        Assert.False(order.EscalateTo(CorrectionEscalation.Escalated, Now, "system"));
        Assert.True(order.EscalateTo(CorrectionEscalation.DisposalProposed, Now, "system"));
        Assert.False(order.EscalateTo(CorrectionEscalation.Escalated, Now, "system"));

        // A new deadline starts the ladder again; an order waiting for verification does not climb.
        Assert.True(order.Extend("延期", order.DueAt.AddDays(10), Now, "wg").Succeeded);
        Assert.Equal(CorrectionEscalation.None, order.Escalation);
        Assert.True(order.SubmitPlan("计划", Now, "applicant").Succeeded);
        Assert.True(order.SubmitEvidence("证明", Now, "applicant").Succeeded);
        Assert.False(order.EscalateTo(CorrectionEscalation.Escalated, Now, "system"));
    }

    [Fact]
    public void The_pilot_moves_to_rectifying_and_back_only_by_its_triggers()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        Assert.True(project.OrderCorrection(Now, "wg", "整改通知").Succeeded);
        Assert.Equal(ProjectStage.Rectifying, project.Stage);
        Assert.False(project.OrderCorrection(Now, "wg", "整改通知").Succeeded);
        Assert.True(project.CloseCorrection(Now, "wg", "已核验").Succeeded);
        Assert.Equal(ProjectStage.Running, project.Stage);
    }

    [Fact]
    public void A_tolerated_deviation_is_renewed_to_a_new_term_and_ends_by_review()
    {
        var today = DateOnly.FromDateTime(Now.Date);
        var input = new ToleranceInput { Deviation = "单日交易额偶超上限。", Rationale = "系统切换期间。", Conditions = "每周报告。", ExpiresOn = today.AddDays(30) };
        Assert.Equal(CorrectionErrors.ExpiryInvalid, ToleratedDeviation.Record(ProjectTestData.InStage(ProjectStage.Running), input with { ExpiresOn = today }, today, Now, "wg").Errors.Single().Code);

        var deviation = ToleratedDeviation.Record(ProjectTestData.InStage(ProjectStage.Running), input, today, Now, "wg").ValueOrThrow();
        var first = deviation.ReviewSubject;
        Assert.Equal("expiresOn", deviation.Review(ToleranceDecision.Renew, "续期", null, today, Now, "wg").Errors.Single().Field);
        Assert.True(deviation.Review(ToleranceDecision.Renew, "条件仍满足。", today.AddDays(60), today, Now, "wg").Succeeded);
        Assert.Equal((1, today.AddDays(60)), (deviation.Renewals, deviation.ExpiresOn));
        Assert.NotEqual(first, deviation.ReviewSubject);
        Assert.True(deviation.Review(ToleranceDecision.Revoke, "条件未满足。", null, today, Now, "wg").Succeeded);
        Assert.Equal(ToleranceStatus.Revoked, deviation.Status);
        Assert.Equal(CorrectionErrors.WrongStatus, deviation.Review(ToleranceDecision.End, "结束", null, today, Now, "wg").Errors.Single().Code);
    }
}
