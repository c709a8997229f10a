using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Projects;

/// <summary>A project, its people and its times, shared by the project tests.</summary>
internal static class ProjectTestData
{
    public const int RegionId = 1;
    public const int OtherRegionId = 2;
    public const string Applicant = "user-applicant";
    public const string Reviewer = "user-working-group";
    public const string Secretariat = "user-secretariat";
    public const string Chair = "user-coordination-group";

    public static readonly Guid LeadOrganisationId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherOrganisationId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    /// <summary>Tuesday 30 September 2025, 10:00 in Beijing: the day before the National Day holiday.</summary>
    public static readonly DateTimeOffset Now = new(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset CallClosesAt = new(2025, 10, 31, 17, 0, 0, TimeSpan.FromHours(8));

    public static readonly WorkingDayCalendar WorkingDays = OfficialHolidaySchedules.Calendar;

    /// <summary>A year's pilot from 1 December 2025 for at most 500 customers.</summary>
    public static readonly PilotStart Start = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30), 500);

    private static readonly ProjectTrigger[] ToDeliberation =
        [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.Accept, ProjectTrigger.CompleteEvaluation];

    public static PilotProject NewDraft() =>
        PilotProject.Create(Guid.NewGuid(), Guid.NewGuid(), RegionId, LeadOrganisationId, ProjectCategory.TechnologyInnovation,
            "基于区块链的私募基金份额转让平台", Now, Applicant).Value!;

    /// <summary>
    /// A project in the given stage: reached through the aggregate's own methods where the built
    /// triggers lead there, otherwise placed there the way the database loads it (setting the
    /// private setter), because the triggers that lead there are not built yet.
    /// </summary>
    public static PilotProject InStage(ProjectStage stage)
    {
        var project = NewDraft();
        var path = stage switch
        {
            ProjectStage.Draft => [],
            ProjectStage.Submitted => [ProjectTrigger.Submit],
            ProjectStage.Screening => [ProjectTrigger.Submit, ProjectTrigger.StartScreening],
            ProjectStage.ReturnedForSupplement => [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.ReturnForSupplement],
            ProjectStage.Evaluation => [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.Accept],
            ProjectStage.Deliberation => [.. ToDeliberation],
            ProjectStage.PublicNotice => [.. ToDeliberation, ProjectTrigger.Approve],
            ProjectStage.Running => [.. ToDeliberation, ProjectTrigger.Approve, ProjectTrigger.Admit],
            ProjectStage.Rectifying => [.. ToDeliberation, ProjectTrigger.Approve, ProjectTrigger.Admit, ProjectTrigger.OrderCorrection],
            ProjectStage.Rejected => [ProjectTrigger.Submit, ProjectTrigger.StartScreening, ProjectTrigger.Reject],
            ProjectStage.Withdrawn => [ProjectTrigger.Withdraw],
            _ => (ProjectTrigger[]?)null,
        };
        if (path is null)
        {
            typeof(PilotProject).GetProperty(nameof(PilotProject.Stage))!.SetValue(project, stage);
        }
        else
        {
            foreach (var trigger in path)
            {
                var result = Pull(project, trigger);
                Assert.True(result.Succeeded, $"setting up {stage}: {trigger} failed with {string.Join(", ", result.Errors)}");
            }
        }

        Assert.Equal(stage, project.Stage);
        return project;
    }

    /// <summary>Pulls a built trigger through the aggregate method that owns it, with valid inputs.</summary>
    public static Common.Result Pull(PilotProject project, ProjectTrigger trigger) => trigger switch
    {
        ProjectTrigger.Submit => project.Submit(Now, Applicant, CallClosesAt),
        ProjectTrigger.StartScreening => project.StartScreening(Now, Reviewer),
        ProjectTrigger.ReturnForSupplement => project.ReturnForSupplement(Now, Reviewer, ["营业执照副本", "风险评估报告"], 5, WorkingDays),
        ProjectTrigger.Resubmit => project.Resubmit(Now, Applicant),
        ProjectTrigger.Accept => project.Accept(Now, Reviewer),
        ProjectTrigger.Reject => project.Reject(Now, Reviewer, "不属于本批次重点方向"),
        ProjectTrigger.Withdraw => project.Withdraw(Now, Applicant, "方案需要重新论证"),
        ProjectTrigger.CompleteEvaluation => project.CompleteEvaluation(Now, Secretariat),
        ProjectTrigger.Approve => project.Approve(Now, Chair),
        ProjectTrigger.RejectAfterDeliberation => project.RejectAfterDeliberation(Now, Chair, "风险防控措施不足"),
        ProjectTrigger.SendBackToDeliberation => project.SendBackToDeliberation(Now, Reviewer, "公示期异议成立：合作方资质存疑"),
        ProjectTrigger.Admit => project.Admit(Now, Reviewer, Start),
        ProjectTrigger.OrderCorrection => project.OrderCorrection(Now, Reviewer, "整改通知：客户数量超限"),
        ProjectTrigger.CloseCorrection => project.CloseCorrection(Now, Reviewer, "整改核验通过"),
        ProjectTrigger.Suspend => project.Suspend(Now, Reviewer, "风险处置：暂停试点"),
        ProjectTrigger.Resume => project.Resume(Now, Reviewer, "风险已处置完毕"),
        ProjectTrigger.RequestExit => project.RequestExit(ExitMode.Completed, Now, Applicant, "测试计划已执行完毕"),
        ProjectTrigger.Terminate => project.Terminate(Now, Chair, "经审议，终止试点"),
        ProjectTrigger.CompleteExit => project.CompleteExit(Now, Chair, "经审议，确认退出"),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "not built yet: no aggregate method to call"),
    };

    public static RoleGrant LeadApplicant => new(Role.Applicant, OrganisationId: LeadOrganisationId);

    public static RoleGrant OtherApplicant => new(Role.Applicant, OrganisationId: OtherOrganisationId);

    public static RoleGrant WorkingGroup => new(Role.RegionalWorkingGroup, RegionId);

    public static RoleGrant OtherWorkingGroup => new(Role.RegionalWorkingGroup, OtherRegionId);

    public static RoleGrant Admin => new(Role.PlatformAdmin);

    public static RoleGrant CoordinationGroup => new(Role.CoordinationGroup);
}
