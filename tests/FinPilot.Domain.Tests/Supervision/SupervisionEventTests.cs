using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Supervision;

/// <summary>Plans, reports and disclosures record one event per change (the save step audits them); a refused change records nothing.</summary>
public sealed class SupervisionEventTests
{
    private static readonly DateTimeOffset Now = ProjectTestData.Now;

    private static IReadOnlyList<IDomainEvent> Taken(IRecordsEvents aggregate)
    {
        var events = aggregate.PendingEvents.ToList();
        aggregate.ClearEvents();
        return events;
    }

    [Fact]
    public void A_plan_records_its_drafting_and_each_confirmation()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();
        Assert.IsType<PlanDrafted>(Assert.Single(Taken(plan)));

        Assert.True(plan.Confirm(plan.Terms with { ReportFrequency = ReportFrequency.Quarterly }, Now, "wg").Succeeded);
        Assert.IsType<PlanConfirmed>(Assert.Single(Taken(plan)));

        Assert.False(plan.Confirm(plan.Terms, Now, "wg").Succeeded);
        Assert.Empty(Taken(plan));
    }

    [Fact]
    public void A_report_records_opening_saving_files_submission_and_review_with_what_was_typed()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project), Now).ValueOrThrow();
        Assert.True(plan.Confirm(plan.Terms with { ReportFrequency = ReportFrequency.Monthly }, Now, "wg").Succeeded);
        var report = PeriodicReport.Open(plan, ReportPeriod.Of(plan.Terms.Parameters, plan.Terms.ReportFrequency)[0], Now, "applicant").ValueOrThrow();
        Assert.IsType<ReportOpened>(Assert.Single(Taken(report)));

        var reportable = new HashSet<string> { MetricCodes.Customers };
        var file = new ReportFile(Guid.NewGuid(), "月报.pdf", "application/pdf", 10, new string('a', 64), Now, "applicant");
        Assert.True(report.Update(new ReportContent { Progress = "按计划推进。" }, reportable, Now).Succeeded);
        Assert.True(report.Attach(file, Now).Succeeded);
        Assert.True(report.RemoveFile(file.Id, Now).Succeeded);
        Assert.False(report.RemoveFile(file.Id, Now).Succeeded);
        Assert.True(report.Submit(reportable, Now, "applicant").Succeeded);
        Assert.True(report.RequestMore(" 请补充投诉明细 ", Now.AddDays(5), Now, "wg").Succeeded);
        Assert.False(report.Accept(null, Now, "wg").Succeeded);
        Assert.Collection(
            Taken(report),
            e => Assert.IsType<ReportSaved>(e),
            e => Assert.Equal(file, Assert.IsType<ReportFileAttached>(e).File),
            e => Assert.Equal(file, Assert.IsType<ReportFileRemoved>(e).File),
            e => Assert.IsType<ReportSubmitted>(e),
            e => Assert.Equal(new ReportMoreRequested(" 请补充投诉明细 ", Now.AddDays(5)), e));

        Assert.True(report.Submit(reportable, Now, "applicant").Succeeded);
        Assert.True(report.Accept("收悉", Now, "wg").Succeeded);
        Assert.Equal([new ReportSubmitted(), new ReportAccepted("收悉")], Taken(report));
    }

    [Fact]
    public void A_disclosure_records_drafting_editing_and_each_move_by_its_trigger()
    {
        var disclosure = ProgressDisclosure.Draft(Guid.NewGuid(), 1, ProjectTestData.LeadOrganisationId, DisclosureKind.MajorProgress, "突破", "客户数突破一百户。", Now, "applicant").ValueOrThrow();
        Assert.IsType<ProgressDisclosureDrafted>(Assert.Single(Taken(disclosure)));

        Assert.True(disclosure.Edit(DisclosureKind.Milestone, "里程碑", "上线。").Succeeded);
        Assert.True(disclosure.Send(Now).Succeeded);
        Assert.True(disclosure.Return("请补充数据来源", Now, "wg").Succeeded);
        Assert.True(disclosure.Send(Now).Succeeded);
        Assert.True(disclosure.Approve(Now, "wg").Succeeded);
        Assert.False(disclosure.Approve(Now, "wg").Succeeded);
        Assert.Equal(
            [new ProgressDisclosureEdited(), new ProgressDisclosureMoved(DisclosureTrigger.Send), new ProgressDisclosureMoved(DisclosureTrigger.Return),
                new ProgressDisclosureMoved(DisclosureTrigger.Send), new ProgressDisclosureMoved(DisclosureTrigger.Approve)],
            Taken(disclosure));

        var own = ProgressDisclosure.PublishBySupervisor(Guid.NewGuid(), 1, ProjectTestData.LeadOrganisationId, "监管披露", "按期报送。", Now, "wg").ValueOrThrow();
        Assert.IsType<ProgressDisclosurePublishedBySupervisor>(Assert.Single(Taken(own)));
    }
}
