using System.Net;
using FinPilot.Domain.Incidents;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Incidents;

/// <summary>
/// The working group asks for an incident report: an obligation on the institution with a deadline,
/// a notice to its applicants, fulfilled by the report they file; only the working group of the
/// pilot's region may ask.
/// </summary>
public sealed class IncidentRequestTests(IncidentApps apps) : IClassFixture<IncidentApps>
{
    private static string RequestsOf(Guid projectId) => $"/api/v1/supervision/projects/{projectId}/incident-requests";

    [Theory, AllProviders]
    public async Task The_working_group_asks_for_a_report_and_the_report_filed_fulfils_it(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"要求事件报告 {Guid.NewGuid():N}"[..20]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var now = app.Clock.GetUtcNow();

        var asked = await (await wg.PostAsync(RequestsOf(projectId), new IncidentsApi.ReportRequestRequest { Reason = "舆情反映交易中断，请报告。", Hours = 48 }))
            .ReadAsync<IncidentsApi.ReportRequestDto>(HttpStatusCode.Created);
        var obligation = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Id == asked.ObligationId));
        Assert.Equal((ObligationKind.IncidentReport, ObligationStatus.Open, projectId), (obligation.Kind, obligation.Status, obligation.ProjectId));
        Assert.Equal(ObligationRules.IncidentReportDue(now, 48), obligation.DueAt);
        Assert.StartsWith(IncidentCommands.RequestSubjectPrefix, obligation.Subject, StringComparison.Ordinal);
        Assert.Equal(ObligationDuty.Institution, ObligationRules.DutyOf(obligation.Kind));

        // The institution's applicants hear of it; the working group's own members do not.
        var applicantId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Applicant).Select(u => u.Id).SingleAsync());
        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.IncidentReportRequested && n.Link == $"/supervision/projects/{projectId}").ToListAsync());
        var notice = Assert.Single(notices, n => n.UserId == applicantId);
        Assert.Equal("舆情反映交易中断，请报告。", notice.Values[NotificationValues.Reason]);

        // It is in the applicant's to-do list.
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        (await applicant.GetAsync($"/api/v1/obligations/{obligation.Id}")).EnsureSuccessStatusCode();

        // The report the institution files fulfils it.
        var report = new IncidentsApi.ReportRequest
        {
            Title = "交易中断",
            Severity = IncidentSeverity.III,
            OccurredAt = now.AddHours(-3),
            DetectedAt = now.AddHours(-2),
            CustomersAffected = 3,
            AmountAffected = 100m,
            Description = "撮合服务中断约 10 分钟。",
            Measures = "切换至备用节点。",
        };
        (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/incidents", report)).EnsureSuccessStatusCode();
        var fulfilled = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Id == asked.ObligationId));
        Assert.Equal(ObligationStatus.Fulfilled, fulfilled.Status);
    }

    [Theory, AllProviders]
    public async Task Only_the_working_group_of_the_pilots_region_may_ask(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"要求事件报告 拒绝 {Guid.NewGuid():N}"[..24]);
        var request = new IncidentsApi.ReportRequestRequest { Reason = "请报告。" };

        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.PostAsync(RequestsOf(projectId), request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        await (await applicant.PostAsync(RequestsOf(projectId), request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var other = await app.OtherApplicantAsync();
        await (await other.PostAsync(RequestsOf(projectId), request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        await (await integrity.PostAsync(RequestsOf(projectId), request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        using var coordination = await app.ApiClientAsync(DemoUsers.Coordination);
        await (await coordination.PostAsync(RequestsOf(projectId), request)).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(0, await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.IncidentReport)));

        // Not found, and no reason: answered as such to the working group.
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await (await wg.PostAsync(RequestsOf(Guid.NewGuid()), request)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await wg.PostAsync(RequestsOf(projectId), new IncidentsApi.ReportRequestRequest { Reason = " " })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await wg.PostAsync(RequestsOf(projectId), new IncidentsApi.ReportRequestRequest { Reason = "请报告。", Hours = 0 })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, AllProviders]
    public async Task The_working_group_asks_from_the_pilots_page_and_no_one_else_is_offered_the_form(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync($"页面要求报告 {Guid.NewGuid():N}"[..20]);
        var page = $"/incidents/request?project={projectId}";
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.Contains($"incidents/request?project={projectId}", await wg.Client.GetStringAsync($"/supervision/projects/{projectId}"), StringComparison.Ordinal);

        // A reason is required; the form says so in the reader's language and nothing is owed.
        using var refused = await wg.SubmitAsync(page, page, new Dictionary<string, string> { ["Reason"] = " ", ["Hours"] = "48" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.IncidentReport)));

        var now = app.Clock.GetUtcNow();
        using var sent = await wg.SubmitAsync(page, page, new Dictionary<string, string> { ["Reason"] = "媒体报道服务中断，请报告。", ["Hours"] = "48" });
        Assert.Contains("data-testid=\"request-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var owed = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.IncidentReport));
        Assert.Equal(ObligationRules.IncidentReportDue(now, 48), owed.DueAt);

        // The institution reports incidents but does not ask for them; another region's working group does neither.
        using var applicant = await app.SignedInAsync(DemoUsers.Applicant);
        Assert.DoesNotContain("request-incident-report", await applicant.Client.GetStringAsync($"/supervision/projects/{projectId}"), StringComparison.Ordinal);
        await AssertForbiddenPageAsync(applicant, page);
        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        await AssertForbiddenPageAsync(shanghai, page);
        using var post = await shanghai.SubmitAsync($"/supervision", page, new Dictionary<string, string> { ["_handler"] = "incident-request", ["Reason"] = "越权", ["Hours"] = "48" });
        Assert.Equal(1, await app.WithDbAsync(db => db.Obligations.CountAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.IncidentReport)));
    }

    private static async Task AssertForbiddenPageAsync(BrowserSession session, string page)
    {
        using var response = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("request-form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
