using System.Net;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Incidents;

/// <summary>事件报告 over the API: the institution reports and updates, the working group triages, the severe-incident obligation and the listeners.</summary>
public sealed class IncidentApiTests(IncidentApps apps) : IClassFixture<IncidentApps>
{
    private static IncidentsApi.ReportRequest Report(DateTimeOffset now, IncidentSeverity severity, double detectedHoursAgo) => new()
    {
        Title = $"交易中断 {Guid.NewGuid():N}"[..20],
        Severity = severity,
        OccurredAt = now.AddHours(-detectedHoursAgo - 1),
        DetectedAt = now.AddHours(-detectedHoursAgo),
        CustomersAffected = 42,
        AmountAffected = 12_345.67m,
        Description = "撮合服务中断约 40 分钟。",
        Measures = "切换至备用节点，并逐一告知受影响客户。",
    };

    private static string IncidentsOf(Guid projectId) => $"/api/v1/supervision/projects/{projectId}/incidents";

    [Theory, AllProviders]
    public async Task A_severe_incident_reported_late_fulfils_its_obligation_late_and_is_told(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 严重");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var now = app.Clock.GetUtcNow();

        var incident = await (await applicant.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.II, 30))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);

        Assert.True(incident.Severe);
        Assert.True(incident.ReportedLate);
        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal(incident.DetectedAt.AddHours(24), incident.ReportDueAt);
        var obligation = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Kind == ObligationKind.IncidentReport && o.Subject == incident.Id.ToString()));
        Assert.Equal((ObligationStatus.Fulfilled, projectId, incident.ReportDueAt), (obligation.Status, obligation.ProjectId, (DateTimeOffset?)obligation.DueAt));
        Assert.True(obligation.ClosedAt > obligation.DueAt, "fulfilled after its due time: late");

        var told = Assert.Single(apps.Listener.CallsFor(incident.Id));
        Assert.Equal((projectId, 2, true), (told.ProjectId, told.Severity, told.Severe));

        // The region's working group hears of it, in its language; another region's does not.
        var wg = await UserIdAsync(app, DemoUsers.WorkingGroupBeijing);
        var shanghai = await UserIdAsync(app, DemoUsers.WorkingGroupShanghai);
        var notices = await NotificationsAsync(app, NotificationKind.IncidentReported, incident.Id);
        var notice = Assert.Single(notices, n => n.UserId == wg);
        Assert.Equal("II级（重大）", notice.Values[IncidentNotifications.SeverityValue]);
        Assert.Equal(incident.Title, notice.Values[IncidentNotifications.IncidentValue]);
        Assert.DoesNotContain(notices, n => n.UserId == shanghai);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == IncidentActions.Reported && a.ResourceId == incident.Id.ToString())));
    }

    [Theory, AllProviders]
    public async Task A_minor_incident_owes_nothing_and_a_failing_listener_does_not_undo_the_report(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 一般");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        apps.Listener.Fail = true;
        try
        {
            var incident = await (await applicant.PostAsync(IncidentsOf(projectId), Report(app.Clock.GetUtcNow(), IncidentSeverity.IV, 1)))
                .ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);

            Assert.False(incident.Severe);
            Assert.Null(incident.ReportDueAt);
            Assert.False(await app.WithDbAsync(db => db.Obligations.AnyAsync(o => o.Subject == incident.Id.ToString())));
            Assert.False(Assert.Single(apps.Listener.CallsFor(incident.Id)).Severe);
            Assert.True(await app.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Id == incident.Id)));
        }
        finally
        {
            apps.Listener.Fail = false;
        }
    }

    [Theory, AllProviders]
    public async Task A_report_with_times_out_of_order_is_refused_field_by_field(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 校验");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var now = app.Clock.GetUtcNow();
        var bad = Report(now, IncidentSeverity.III, 2) with { DetectedAt = now.AddHours(-5), ResolvedAt = now.AddHours(1), AmountAffected = -1, Measures = "" };

        var problem = await (await applicant.PostAsync(IncidentsOf(projectId), bad)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["amountAffected", "detectedAt", "measures", "resolvedAt"], problem.Errors.Keys.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.ProjectId == projectId)));
    }

    [Theory, AllProviders]
    public async Task The_working_group_triages_and_the_institution_updates(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 处置");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var reported = await (await applicant.PostAsync(IncidentsOf(projectId), Report(app.Clock.GetUtcNow(), IncidentSeverity.III, 3))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);
        var at = $"/api/v1/incidents/{reported.Id}";

        var asked = await (await wg.PostAsync($"{at}/triage", new IncidentsApi.TriageRequest { Action = TriageAction.RequestInformation, Note = "请说明受影响客户类型。", Version = reported.Version }))
            .ReadAsync<IncidentsApi.IncidentDto>();
        await (await applicant.PostAsync($"{at}/updates", new IncidentsApi.UpdateRequest { Note = "陈旧版本", Version = reported.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var resolvedAt = app.Clock.GetUtcNow().AddMinutes(-1);
        var updated = await (await applicant.PostAsync($"{at}/updates", new IncidentsApi.UpdateRequest { Note = "均为专业投资者，已恢复。", ResolvedAt = resolvedAt, Version = asked.Version }))
            .ReadAsync<IncidentsApi.IncidentDto>();
        var closed = await (await wg.PostAsync($"{at}/triage", new IncidentsApi.TriageRequest { Action = TriageAction.Close, Note = "处置得当，结案。", Version = updated.Version }))
            .ReadAsync<IncidentsApi.IncidentDto>();

        Assert.Equal(IncidentStatus.InformationRequested, asked.Status);
        Assert.Equal((IncidentStatus.Acknowledged, 1), (updated.Status, updated.Updates.Count));
        Assert.Equal(resolvedAt.ToUnixTimeMilliseconds(), updated.ResolvedAt?.ToUnixTimeMilliseconds());
        Assert.Equal((IncidentStatus.Closed, "处置得当，结案。"), (closed.Status, closed.Conclusion));
        Assert.Equal([TriageAction.RequestInformation, TriageAction.Close], closed.Triage.Select(t => t.Action));
        await (await applicant.PostAsync($"{at}/updates", new IncidentsApi.UpdateRequest { Note = "再补充", Version = closed.Version })).ReadProblemAsync(HttpStatusCode.Conflict);

        var applicantId = await UserIdAsync(app, DemoUsers.Applicant);
        var notices = (await NotificationsAsync(app, NotificationKind.IncidentTriaged, reported.Id)).Where(n => n.UserId == applicantId).ToList();
        Assert.Equal(["要求补充信息", "结案"], notices.OrderBy(n => n.CreatedAt).Select(n => n.Values[IncidentNotifications.ActionValue]));
    }

    [Theory, AllProviders]
    public async Task Each_role_outside_the_pilot_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 权限");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var other = await app.OtherApplicantAsync();
        var now = app.Clock.GetUtcNow();
        var incident = await (await applicant.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.III, 1))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);
        var at = $"/api/v1/incidents/{incident.Id}";
        var triage = new IncidentsApi.TriageRequest { Action = TriageAction.Acknowledge, Version = incident.Version };
        var update = new IncidentsApi.UpdateRequest { Note = "补充", Version = incident.Version };

        // Reporting is the lead institution's alone: not the working group's, the coordination group's, integrity's, another institution's.
        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Coordination, DemoUsers.Integrity, DemoUsers.Admin })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.III, 1)).AssertDeniedAsync();
            await client.PostAsync($"{at}/updates", update).AssertDeniedAsync();
        }

        await other.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.III, 1)).AssertDeniedAsync();
        await other.PostAsync($"{at}/updates", update).AssertDeniedAsync();

        // Triage is the region's working group's: not the institution's, another region's, the coordination group's, integrity's.
        foreach (var email in new[] { DemoUsers.Applicant, DemoUsers.WorkingGroupShanghai, DemoUsers.Coordination, DemoUsers.Integrity })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync($"{at}/triage", triage).AssertDeniedAsync();
        }

        await other.PostAsync($"{at}/triage", triage).AssertDeniedAsync();

        // Reading: another institution and another region's working group are refused; national readers are not.
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await other.GetAsync(at).AssertDeniedAsync();
        await shanghai.GetAsync(at).AssertDeniedAsync();
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        await shanghai.GetAsync($"/api/v1/incidents?regionId={beijing}").AssertDeniedAsync();
        foreach (var email in new[] { DemoUsers.Integrity, DemoUsers.Coordination, DemoUsers.Admin, DemoUsers.WorkingGroupBeijing })
        {
            using var client = await app.ApiClientAsync(email);
            Assert.Equal(incident.Id, (await (await client.GetAsync(at)).ReadAsync<IncidentsApi.IncidentDto>()).Id);
        }

        Assert.Equal(IncidentStatus.Reported, (await (await applicant.GetAsync(at)).ReadAsync<IncidentsApi.IncidentDto>()).Status);
    }

    [Theory, AllProviders]
    public async Task A_pilot_that_is_not_running_takes_no_report(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var draftId = await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.OrderBy(c => c.BatchNumber).FirstAsync();
            var organisation = await db.Organisations.SingleAsync(o => o.NameZh == SupervisionTestKit.DemoApplicantOrganisation);
            var project = Domain.Projects.PilotProject.Create(
                Guid.CreateVersion7(), call.Id, call.RegionId, organisation.Id, Domain.Projects.ProjectCategory.BusinessInnovation, "事件报告测试 草稿", app.Clock.GetUtcNow(), "test").ValueOrThrow();
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var problem = await (await applicant.PostAsync(IncidentsOf(draftId), Report(app.Clock.GetUtcNow(), IncidentSeverity.I, 1))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("运行中", problem.Detail);
        await (await applicant.PostAsync(IncidentsOf(Guid.NewGuid()), Report(app.Clock.GetUtcNow(), IncidentSeverity.I, 1))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, AllProviders]
    public async Task Lists_show_each_reader_what_is_theirs_paged(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 列表");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var now = app.Clock.GetUtcNow();
        var first = await (await applicant.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.IV, 2))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await (await applicant.PostAsync(IncidentsOf(projectId), Report(now, IncidentSeverity.I, 1))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var page = await (await wg.GetAsync($"/api/v1/incidents?projectId={projectId}&pageSize=1")).ReadAsync<Page<IncidentRow>>();
        Assert.Equal((2, second.Id), (page.Total, Assert.Single(page.Items).Id));
        var severe = await (await wg.GetAsync($"/api/v1/incidents?projectId={projectId}&severe=true")).ReadAsync<Page<IncidentRow>>();
        Assert.Equal([second.Id], severe.Items.Select(i => i.Id));
        var mine = await (await applicant.GetAsync($"/api/v1/incidents?projectId={projectId}")).ReadAsync<Page<IncidentRow>>();
        Assert.Equal([second.Id, first.Id], mine.Items.Select(i => i.Id));

        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var other = await app.OtherApplicantAsync();
        Assert.Empty((await (await shanghai.GetAsync($"/api/v1/incidents?projectId={projectId}")).ReadAsync<Page<IncidentRow>>()).Items);
        Assert.Empty((await (await other.GetAsync($"/api/v1/incidents?projectId={projectId}")).ReadAsync<Page<IncidentRow>>()).Items);
    }

    [Theory, AllProviders]
    public async Task The_pages_show_the_form_the_record_and_the_triage_to_whom_they_belong(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("事件报告测试 页面");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var incident = await (await applicant.PostAsync(IncidentsOf(projectId), Report(app.Clock.GetUtcNow(), IncidentSeverity.I, 1))).ReadAsync<IncidentsApi.IncidentDto>(HttpStatusCode.Created);

        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        var form = await (await institution.GetAsync($"/incidents/new?project={projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"incident-form\"", form);
        Assert.Contains("I级（特别重大）", form);
        var own = await (await institution.GetAsync($"/incidents/{incident.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"update-section\"", own);
        Assert.DoesNotContain("data-testid=\"triage-section\"", own);

        using var workingGroup = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var triage = await (await workingGroup.GetAsync($"/incidents/{incident.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"triage-section\"", triage);
        Assert.DoesNotContain("data-testid=\"update-section\"", triage);
        var list = await (await workingGroup.GetAsync("/incidents")).Content.ReadAsStringAsync();
        Assert.Contains(incident.Title, list);
        var wgForm = await (await workingGroup.GetAsync($"/incidents/new?project={projectId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"incident-form\"", wgForm);
    }

    private static Task<string> UserIdAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<List<Notification>> NotificationsAsync(FinPilotApp app, NotificationKind kind, Guid incidentId)
    {
        var link = IncidentNotifications.Link(incidentId);
        return app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind && n.Link == link).ToListAsync());
    }
}
