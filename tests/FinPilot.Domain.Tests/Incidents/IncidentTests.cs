using FinPilot.Domain.Common;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Incidents;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly IncidentPolicy Policy = new(IncidentSeverity.II, 24);

    private static IncidentInput Input(IncidentSeverity severity = IncidentSeverity.II, DateTimeOffset? detected = null) => new()
    {
        Title = "交易系统中断",
        Severity = severity,
        OccurredAt = (detected ?? Now.AddHours(-2)).AddMinutes(-30),
        DetectedAt = detected ?? Now.AddHours(-2),
        CustomersAffected = 120,
        AmountAffected = 35_000.50m,
        Description = "撮合服务中断 40 分钟。",
        Measures = "切换备用节点，逐一告知客户。",
    };

    private static Incident Reported(IncidentSeverity severity = IncidentSeverity.III) =>
        Incident.Report(ProjectTestData.InStage(ProjectStage.Running), Input(severity), Policy, Now, "applicant").ValueOrThrow();

    [Fact]
    public void A_report_is_submitted_at_once_with_the_servers_time()
    {
        var incident = Reported();
        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal(Now, incident.ReportedAt);
        Assert.False(incident.Severe);
        Assert.Null(incident.ReportDueAt);
        Assert.False(incident.ReportedLate);
    }

    [Theory]
    [InlineData(IncidentSeverity.I, true)]
    [InlineData(IncidentSeverity.II, true)]
    [InlineData(IncidentSeverity.III, false)]
    [InlineData(IncidentSeverity.IV, false)]
    public void Severities_up_to_the_set_level_are_severe(IncidentSeverity severity, bool severe) =>
        Assert.Equal(severe, Policy.IsSevere(severity));

    [Fact]
    public void A_severe_incident_is_due_within_the_hours_of_detection_and_late_after()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var onTime = Incident.Report(project, Input(IncidentSeverity.I, Now.AddHours(-23)), Policy, Now, "a").ValueOrThrow();
        var late = Incident.Report(project, Input(IncidentSeverity.II, Now.AddHours(-25)), Policy, Now, "a").ValueOrThrow();

        Assert.Equal(Now.AddHours(1), onTime.ReportDueAt);
        Assert.False(onTime.ReportedLate);
        Assert.Equal(Now.AddHours(-1), late.ReportDueAt);
        Assert.True(late.ReportedLate);
    }

    [Fact]
    public void Times_must_be_in_order_and_not_in_the_future()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var errors = Incident.Report(project, Input() with { OccurredAt = Now.AddHours(-1), DetectedAt = Now.AddHours(-2), ResolvedAt = Now.AddHours(-3) }, Policy, Now, "a").Errors;
        Assert.Contains(errors, e => e.Code == IncidentErrors.DetectedBeforeOccurred && e.Field == "detectedAt");
        Assert.Contains(errors, e => e.Code == IncidentErrors.ResolvedBeforeDetected && e.Field == "resolvedAt");

        var future = Incident.Report(project, Input() with { OccurredAt = Now.AddMinutes(1), DetectedAt = Now.AddMinutes(2), ResolvedAt = Now.AddMinutes(3) }, Policy, Now, "a").Errors;
        Assert.Equal(["occurredAt", "detectedAt", "resolvedAt"], future.Where(e => e.Code == IncidentErrors.TimeInFuture).Select(e => e.Field));

        var missing = Incident.Report(project, Input() with { OccurredAt = null, DetectedAt = null }, Policy, Now, "a").Errors;
        Assert.Equal(2, missing.Count(e => e.Code == IncidentErrors.TimeRequired));
    }

    [Fact]
    public void Sizes_counts_amounts_and_severity_are_checked()
    {
        var project = ProjectTestData.InStage(ProjectStage.Running);
        var errors = Incident.Report(project, Input() with
        {
            Title = new string('x', Incident.MaxTitleLength + 1),
            Description = " ",
            Severity = (IncidentSeverity)5,
            CustomersAffected = -1,
            AmountAffected = 1.005m,
        }, Policy, Now, "a").Errors;
        Assert.Contains(errors, e => e.Code == Text.TooLongCode && e.Field == "title");
        Assert.Contains(errors, e => e.Code == Text.RequiredCode && e.Field == "description");
        Assert.Contains(errors, e => e.Code == IncidentErrors.SeverityInvalid);
        Assert.Contains(errors, e => e.Code == IncidentErrors.CustomersInvalid);
        Assert.Contains(errors, e => e.Code == IncidentErrors.AmountInvalid);
    }

    [Theory]
    [InlineData(ProjectStage.Draft)]
    [InlineData(ProjectStage.PublicNotice)]
    public void Only_running_pilots_report(ProjectStage stage)
    {
        var result = Incident.Report(ProjectTestData.InStage(stage), Input(), Policy, Now, "a");
        Assert.Equal(IncidentErrors.ProjectNotRunning, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Updates_are_appended_and_answer_a_request_for_information()
    {
        var incident = Reported();
        Assert.True(incident.TriageWith(TriageAction.RequestInformation, "请说明影响客户的范围。", Now.AddHours(1), "wg").Succeeded);
        Assert.Equal(IncidentStatus.InformationRequested, incident.Status);

        Assert.True(incident.AddUpdate("影响客户均为专业投资者。", null, Now.AddHours(2), "applicant").Succeeded);
        Assert.True(incident.AddUpdate("已恢复。", Now.AddHours(1), Now.AddHours(3), "applicant").Succeeded);

        Assert.Equal(IncidentStatus.Acknowledged, incident.Status);
        Assert.Equal(["影响客户均为专业投资者。", "已恢复。"], incident.Updates.Select(u => u.Note));
        Assert.Equal(Now.AddHours(1), incident.ResolvedAt);
    }

    [Fact]
    public void An_update_may_not_resolve_before_detection_nor_in_the_future()
    {
        var incident = Reported();
        Assert.Contains(incident.AddUpdate("x", incident.DetectedAt.AddMinutes(-1), Now, "a").Errors, e => e.Code == IncidentErrors.ResolvedBeforeDetected);
        Assert.Contains(incident.AddUpdate("x", Now.AddMinutes(1), Now, "a").Errors, e => e.Code == IncidentErrors.TimeInFuture);
        Assert.Contains(incident.AddUpdate(" ", null, Now, "a").Errors, e => e.Code == Text.RequiredCode);
        Assert.Empty(incident.Updates);
    }

    [Fact]
    public void Closing_needs_a_conclusion_and_is_final()
    {
        var incident = Reported();
        Assert.Contains(incident.TriageWith(TriageAction.Close, null, Now, "wg").Errors, e => e.Code == Text.RequiredCode);
        Assert.True(incident.TriageWith(TriageAction.Acknowledge, null, Now, "wg").Succeeded);
        Assert.True(incident.TriageWith(TriageAction.Close, "已整改到位。", Now, "wg").Succeeded);

        Assert.Equal((IncidentStatus.Closed, "已整改到位。"), (incident.Status, incident.Conclusion));
        Assert.Equal(IncidentErrors.WrongStatus, Assert.Single(incident.AddUpdate("再补充", null, Now, "a").Errors).Code);
        Assert.Equal(IncidentErrors.WrongStatus, Assert.Single(incident.TriageWith(TriageAction.Acknowledge, null, Now, "wg").Errors).Code);
        Assert.Empty(IncidentLifecycle.ActionsFrom(IncidentStatus.Closed));
        Assert.Equal([TriageAction.Acknowledge, TriageAction.RequestInformation, TriageAction.Close], IncidentLifecycle.ActionsFrom(IncidentStatus.Reported));
    }
}
