using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Supervision;

public sealed class PeriodicReportTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;
    private static readonly IReadOnlySet<string> Reportable = new HashSet<string> { MetricCodes.Customers, MetricCodes.Complaints };

    private static SupervisionPlan ConfirmedPlan(ReportFrequency frequency = ReportFrequency.Monthly)
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();
        Assert.True(plan.Confirm(plan.Terms with { ReportFrequency = frequency }, Now, "wg").Succeeded);
        return plan;
    }

    private static PeriodicReport Draft()
    {
        var plan = ConfirmedPlan();
        return PeriodicReport.Open(plan, ReportPeriod.Of(plan.Terms.Parameters, plan.Terms.ReportFrequency)[0], Now, "applicant").ValueOrThrow();
    }

    private static ReportContent Written => new()
    {
        Progress = "按测试方案推进。",
        CustomersServed = 120,
        ComplaintsReceived = 2,
        ComplaintsResolved = 2,
        MetricValues = [new ReportMetricValue(MetricCodes.Customers, 120)],
    };

    [Fact]
    public void The_transition_table_is_draft_submitted_then_accepted_or_more_requested_and_resubmitted()
    {
        Assert.Equal(ReportStatus.Submitted, ReportLifecycle.Next(ReportStatus.Draft, ReportTrigger.Submit));
        Assert.Equal(ReportStatus.Accepted, ReportLifecycle.Next(ReportStatus.Submitted, ReportTrigger.Accept));
        Assert.Equal(ReportStatus.MoreRequested, ReportLifecycle.Next(ReportStatus.Submitted, ReportTrigger.RequestMore));
        Assert.Equal(ReportStatus.Submitted, ReportLifecycle.Next(ReportStatus.MoreRequested, ReportTrigger.Submit));
        Assert.Null(ReportLifecycle.Next(ReportStatus.Draft, ReportTrigger.Accept));
        Assert.Null(ReportLifecycle.Next(ReportStatus.Accepted, ReportTrigger.Submit));
        Assert.Null(ReportLifecycle.Next(ReportStatus.Accepted, ReportTrigger.RequestMore));
        Assert.Null(ReportLifecycle.Next(ReportStatus.MoreRequested, ReportTrigger.Accept));
    }

    [Fact]
    public void Monthly_periods_are_calendar_months_cut_to_the_window_and_quarterly_ones_quarters()
    {
        var window = new TestParameters { StartsOn = new DateOnly(2021, 12, 30), EndsOn = new DateOnly(2022, 12, 29) };

        var monthly = ReportPeriod.Of(window, ReportFrequency.Monthly);
        var quarterly = ReportPeriod.Of(window, ReportFrequency.Quarterly);

        Assert.Equal(13, monthly.Count);
        Assert.Equal(new ReportPeriod(new DateOnly(2021, 12, 30), new DateOnly(2021, 12, 31), "2021-12"), monthly[0]);
        Assert.Equal(new ReportPeriod(new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 28), "2022-02"), monthly[2]);
        Assert.Equal(new ReportPeriod(new DateOnly(2022, 12, 1), new DateOnly(2022, 12, 29), "2022-12"), monthly[^1]);
        Assert.Equal(["2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"], quarterly.Select(p => p.Subject));
        Assert.Equal(new DateOnly(2022, 6, 30), quarterly[2].End);
        Assert.Equal(["2021-12", "2022-01"], ReportPeriod.Ended(window, ReportFrequency.Monthly, new DateOnly(2022, 2, 1)).Select(p => p.Subject));
    }

    [Fact]
    public void A_report_is_opened_only_under_a_confirmed_plan()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var draftPlan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();

        var refused = PeriodicReport.Open(draftPlan, ReportPeriod.Of(draftPlan.Terms.Parameters, ReportFrequency.Monthly)[0], Now, "applicant");

        Assert.Equal(ReportErrors.PlanNotInForce, Assert.Single(refused.Errors).Code);
        var report = Draft();
        Assert.Equal((ReportStatus.Draft, 500, "2025-12"), (report.Status, report.CustomerCap, report.Subject));
    }

    [Fact]
    public void A_submitted_report_is_frozen_until_more_is_asked_for()
    {
        var report = Draft();
        Assert.True(report.Update(Written, Reportable, Now).Succeeded);
        Assert.True(report.Submit(Reportable, Now, "applicant").Succeeded);
        var file = new ReportFile(Guid.NewGuid(), "a.pdf", "application/pdf", 10, "ab", Now, "applicant");

        Assert.Equal(ReportErrors.Frozen, Assert.Single(report.Update(Written with { Progress = "改" }, Reportable, Now).Errors).Code);
        Assert.Equal(ReportErrors.Frozen, Assert.Single(report.Attach(file, Now).Errors).Code);
        Assert.Equal(ReportErrors.WrongStatus, Assert.Single(report.Submit(Reportable, Now, "applicant").Errors).Code);
        Assert.Equal("按测试方案推进。", report.Content.Progress);

        Assert.True(report.RequestMore("请补充投诉处理情况。", Now.AddDays(7), Now, "wg").Succeeded);
        Assert.Equal((ReportStatus.MoreRequested, Now.AddDays(7)), (report.Status, report.MoreDueAt));
        Assert.Equal("2025-12#1", report.SupplementSubject);
        Assert.True(report.Update(Written with { Progress = "已补充" }, Reportable, Now).Succeeded);
        Assert.True(report.Attach(file, Now).Succeeded);
        Assert.True(report.Submit(Reportable, Now.AddDays(1), "applicant").Succeeded);
        Assert.Equal([1, 2], report.Submissions.Select(s => s.Number));
        Assert.Null(report.MoreDueAt);

        Assert.True(report.Accept("收悉", Now.AddDays(2), "wg").Succeeded);
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.Equal(ReportErrors.Frozen, Assert.Single(report.RemoveFile(file.Id, Now).Errors).Code);
        Assert.Equal(ReportErrors.WrongStatus, Assert.Single(report.RequestMore("再补充", Now, Now, "wg").Errors).Code);
    }

    [Fact]
    public void The_working_group_cannot_review_a_draft_and_must_say_what_it_asks_for()
    {
        var report = Draft();

        Assert.Equal(ReportErrors.WrongStatus, Assert.Single(report.Accept(null, Now, "wg").Errors).Code);
        Assert.Equal(ReportErrors.WrongStatus, Assert.Single(report.RequestMore("x", Now, Now, "wg").Errors).Code);
        report.Update(Written, Reportable, Now);
        report.Submit(Reportable, Now, "applicant");
        Assert.Equal(FinPilot.Domain.Common.Text.RequiredCode, Assert.Single(report.RequestMore("  ", Now, Now, "wg").Errors).Code);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Metric_values_must_be_of_the_plans_metrics_not_sent_by_machine_and_counts_not_negative()
    {
        var report = Draft();
        var content = Written with
        {
            CustomersServed = -1,
            MetricValues = [new(MetricCodes.Customers, 1), new(MetricCodes.Customers, 2), new("unknown", 1), new(MetricCodes.Complaints, double.NaN)],
        };

        var codes = report.Update(content, Reportable, Now).Errors.Select(e => e.Code).ToArray();

        Assert.Equal(2, codes.Count(c => c == ReportErrors.MetricNotReportable));
        Assert.Contains(ReportErrors.MetricValueInvalid, codes);
        Assert.Contains(ReportErrors.CountInvalid, codes);
        Assert.Empty(report.Content.MetricValues);

        // A value typed before the machine sent the same metric is refused at submission.
        Assert.True(report.Update(Written, Reportable, Now).Succeeded);
        var refused = report.Submit(new HashSet<string> { MetricCodes.Complaints }, Now, "applicant");
        Assert.Equal(ReportErrors.MetricNotReportable, Assert.Single(refused.Errors).Code);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Submitting_needs_the_progress_against_the_test_plan()
    {
        var report = Draft();

        var refused = report.Submit(Reportable, Now, "applicant");

        Assert.Equal(ReportErrors.ProgressRequired, Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public void A_report_holds_at_most_twenty_files_and_removes_only_its_own()
    {
        var report = Draft();
        for (var i = 0; i < PeriodicReport.MaxFiles; i++)
        {
            Assert.True(report.Attach(new ReportFile(Guid.NewGuid(), $"{i}.pdf", "application/pdf", 1, "h", Now, "a"), Now).Succeeded);
        }

        Assert.Equal(ReportErrors.TooManyFiles, Assert.Single(report.Attach(new ReportFile(Guid.NewGuid(), "x.pdf", "application/pdf", 1, "h", Now, "a"), Now).Errors).Code);
        Assert.Equal(ReportErrors.FileNotFound, Assert.Single(report.RemoveFile(Guid.NewGuid(), Now).Errors).Code);
        Assert.True(report.RemoveFile(report.Files[0].Id, Now).Succeeded);
        Assert.Equal(PeriodicReport.MaxFiles - 1, report.Files.Count);
    }
}
