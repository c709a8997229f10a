using System.Net;
using System.Net.Http.Headers;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>定期报告 over the API: the institution writes and submits, the working group asks for more or accepts.</summary>
public sealed class PeriodicReportApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static ReportContent Content(params ReportMetricValue[] values) => new()
    {
        Progress = "按测试方案推进，已完成第一阶段客户导入。",
        CustomersServed = 120,
        ComplaintsReceived = 3,
        ComplaintsResolved = 2,
        RiskEvents = "无重大风险事件。",
        NextSteps = "扩大客户范围至 200 户。",
        MetricValues = values,
    };

    private static async Task<SupervisionApi.ReportDto> OpenFirstAsync(HttpClient applicant, Guid projectId)
    {
        var periods = await (await applicant.GetAsync($"/api/v1/supervision/projects/{projectId}/reports")).ReadAsync<List<SupervisionApi.PeriodDto>>();
        var first = periods.Where(p => p.Ended).MinBy(p => p.Start)!;
        return await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/reports", new SupervisionApi.OpenReportRequest(first.Subject)))
            .ReadAsync<SupervisionApi.ReportDto>(HttpStatusCode.Created);
    }

    [Theory, AllProviders]
    public async Task A_report_is_written_submitted_frozen_asked_for_more_resubmitted_and_accepted(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("报告流程测试");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var report = await OpenFirstAsync(applicant, projectId);
        await app.WithDbAsync(async db =>
        {
            // The period's obligation, as the obligations module opens it.
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            db.Obligations.Add(Obligation.Create(projectId, project.RegionId, project.LeadOrganisationId, ObligationKind.PeriodicReport, report.Subject,
                app.Clock.GetUtcNow().AddDays(10), app.Clock.GetUtcNow()).ValueOrThrow());
            return await db.SaveChangesAsync();
        });
        var url = $"/api/v1/supervision/reports/{report.Id}";

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Contains(MetricCodes.Customers, (await (await applicant.GetAsync(url)).ReadAsync<SupervisionApi.ReportDto>()).ReportableMetrics);
        await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/reports", new SupervisionApi.OpenReportRequest(report.Subject))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/reports", new SupervisionApi.OpenReportRequest("1999-01"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var saved = await (await applicant.PutAsync(url, new SupervisionApi.SaveReportRequest(
            Content(new ReportMetricValue(MetricCodes.Customers, 120), new ReportMetricValue(MetricCodes.Complaints, 3)), report.Version))).ReadAsync<SupervisionApi.ReportDto>();
        var submitted = await (await applicant.PostAsync($"{url}/submit", new SupervisionApi.VersionRequest(saved.Version))).ReadAsync<SupervisionApi.ReportDto>();

        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        await (await applicant.PutAsync(url, new SupervisionApi.SaveReportRequest(Content(), submitted.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await applicant.PostAsync($"{url}/submit", new SupervisionApi.VersionRequest(submitted.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var samples = await SamplesAsync(app, projectId, report.Id);
        Assert.Equal([(MetricCodes.Complaints, 3.0), (MetricCodes.Customers, 120.0)], samples.Select(s => (s.MetricCode, s.Value)));
        Assert.All(samples, s => Assert.Equal((report.PeriodStart, report.PeriodEnd, (Guid?)null), (s.PeriodStart, s.PeriodEnd, s.ClientId)));
        Assert.Equal(ObligationStatus.Fulfilled, await ObligationAsync(app, projectId, ObligationKind.PeriodicReport, report.Subject));

        var more = await (await wg.PostAsync($"{url}/request-more", new SupervisionApi.MoreRequest("请补充投诉未办结原因。", 5, submitted.Version))).ReadAsync<SupervisionApi.ReportDto>();
        Assert.Equal(ReportStatus.MoreRequested, more.Status);
        Assert.True(more.MoreDueAt > app.Clock.GetUtcNow().AddDays(5), "five working days end after five calendar days");
        Assert.Equal(ObligationStatus.Open, await ObligationAsync(app, projectId, ObligationKind.ReportSupplement, report.Subject + "#1"));
        var amended = await (await applicant.PutAsync(url, new SupervisionApi.SaveReportRequest(
            Content(new ReportMetricValue(MetricCodes.Customers, 125)) with { Progress = "已补充：1 件投诉待客户确认。" }, more.Version))).ReadAsync<SupervisionApi.ReportDto>();
        var resubmitted = await (await applicant.PostAsync($"{url}/submit", new SupervisionApi.VersionRequest(amended.Version))).ReadAsync<SupervisionApi.ReportDto>();
        Assert.Equal([1, 2], resubmitted.Submissions.Select(s => s.Number));
        Assert.Equal([(MetricCodes.Customers, 125.0)], (await SamplesAsync(app, projectId, report.Id)).Select(s => (s.MetricCode, s.Value)));
        Assert.Equal(ObligationStatus.Fulfilled, await ObligationAsync(app, projectId, ObligationKind.ReportSupplement, report.Subject + "#1"));

        var accepted = await (await wg.PostAsync($"{url}/accept", new SupervisionApi.AcceptRequest("收悉。", resubmitted.Version))).ReadAsync<SupervisionApi.ReportDto>();
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        Assert.Equal([ReportTrigger.RequestMore, ReportTrigger.Accept], accepted.Reviews.Select(r => r.Outcome));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceId == report.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(SupervisionActions.ReportSubmitted, actions);
        Assert.Contains(SupervisionActions.ReportMoreRequested, actions);
        Assert.Contains(SupervisionActions.ReportAccepted, actions);
    }

    [Theory, AllProviders]
    public async Task A_metric_already_sent_by_machine_for_the_period_cannot_be_typed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("接口已报送指标测试");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var report = await OpenFirstAsync(applicant, projectId);
        await app.WithDbAsync(async db =>
        {
            db.MetricSamples.Add(SupervisionTestKit.Machine(projectId, MetricCodes.Customers, report.PeriodStart, report.PeriodEnd, 100, app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var read = await (await applicant.GetAsync($"/api/v1/supervision/reports/{report.Id}")).ReadAsync<SupervisionApi.ReportDto>();
        var refused = await applicant.PutAsync($"/api/v1/supervision/reports/{report.Id}", new SupervisionApi.SaveReportRequest(Content(new ReportMetricValue(MetricCodes.Customers, 120)), report.Version));

        Assert.DoesNotContain(MetricCodes.Customers, read.ReportableMetrics);
        Assert.Contains(MetricCodes.Complaints, read.ReportableMetrics);
        Assert.Contains("MetricValues[0]", (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task Files_follow_the_attachment_rules_and_freeze_with_the_report(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("报告附件测试");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var report = await OpenFirstAsync(applicant, projectId);
        var url = $"/api/v1/supervision/reports/{report.Id}/files";

        var file = await (await Upload(applicant, url, "运行报告.pdf", ApplicationTestKit.Pdf)).ReadAsync<ReportFile>(HttpStatusCode.Created);
        await (await Upload(applicant, url, "evil.exe", [0x4d, 0x5a, 0x90, 0x00])).ReadProblemAsync(HttpStatusCode.BadRequest);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var download = await wg.GetAsync($"{url}/{file.Id}");
        await download.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ApplicationTestKit.Pdf, await download.Content.ReadAsByteArrayAsync());
        var current = await (await applicant.GetAsync($"/api/v1/supervision/reports/{report.Id}")).ReadAsync<SupervisionApi.ReportDto>();
        var saved = await (await applicant.PutAsync($"/api/v1/supervision/reports/{report.Id}", new SupervisionApi.SaveReportRequest(Content(), current.Version))).ReadAsync<SupervisionApi.ReportDto>();
        await (await applicant.PostAsync($"/api/v1/supervision/reports/{report.Id}/submit", new SupervisionApi.VersionRequest(saved.Version))).AssertStatusAsync(HttpStatusCode.OK);

        await (await Upload(applicant, url, "补充.pdf", ApplicationTestKit.Pdf)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await applicant.DeleteAsync($"{url}/{file.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        using var other = await app.OtherApplicantAsync();
        await other.GetAsync($"{url}/{file.Id}").AssertDeniedAsync();
    }

    [Theory, AllProviders]
    public async Task Only_the_lead_institution_writes_and_only_the_regions_working_group_reviews(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, _) = await app.SupervisedPilotAsync("报告权限测试");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var report = await OpenFirstAsync(applicant, projectId);
        var url = $"/api/v1/supervision/reports/{report.Id}";
        var periods = $"/api/v1/supervision/projects/{projectId}/reports";
        var subject = new SupervisionApi.OpenReportRequest(report.Subject);
        using var other = await app.OtherApplicantAsync();

        foreach (var writer in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Coordination, DemoUsers.Integrity, DemoUsers.Admin })
        {
            using var client = await app.ApiClientAsync(writer);
            await client.PostAsync(periods, subject).AssertDeniedAsync();
            await client.PutAsync(url, new SupervisionApi.SaveReportRequest(Content(), report.Version)).AssertDeniedAsync();
        }

        await other.PutAsync(url, new SupervisionApi.SaveReportRequest(Content(), report.Version)).AssertDeniedAsync();
        var saved = await (await applicant.PutAsync(url, new SupervisionApi.SaveReportRequest(Content(), report.Version))).ReadAsync<SupervisionApi.ReportDto>();
        var submitted = await (await applicant.PostAsync($"{url}/submit", new SupervisionApi.VersionRequest(saved.Version))).ReadAsync<SupervisionApi.ReportDto>();
        foreach (var reviewer in new[] { DemoUsers.Coordination, DemoUsers.Integrity, DemoUsers.WorkingGroupShanghai })
        {
            using var client = await app.ApiClientAsync(reviewer);
            await client.PostAsync($"{url}/accept", new SupervisionApi.AcceptRequest(null, submitted.Version)).AssertDeniedAsync();
            await client.PostAsync($"{url}/request-more", new SupervisionApi.MoreRequest("补充", 5, submitted.Version)).AssertDeniedAsync();
        }

        await applicant.PostAsync($"{url}/accept", new SupervisionApi.AcceptRequest(null, submitted.Version)).AssertDeniedAsync();
        foreach (var reader in new[] { DemoUsers.Coordination, DemoUsers.Integrity, DemoUsers.WorkingGroupBeijing })
        {
            using var client = await app.ApiClientAsync(reader);
            await (await client.GetAsync(url)).AssertStatusAsync(HttpStatusCode.OK);
        }

        foreach (var stranger in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Expert })
        {
            using var client = await app.ApiClientAsync(stranger);
            await client.GetAsync(url).AssertDeniedAsync();
            await client.GetAsync(periods).AssertDeniedAsync();
        }

        await other.GetAsync(url).AssertDeniedAsync();
        await (await applicant.GetAsync($"/api/v1/supervision/reports/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await (await wg.PostAsync($"{url}/request-more", new SupervisionApi.MoreRequest("补充", 99, submitted.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(ReportStatus.Submitted, (await (await wg.GetAsync(url)).ReadAsync<SupervisionApi.ReportDto>()).Status);
    }

    private static Task<List<FinPilot.Domain.Supervision.MetricSample>> SamplesAsync(FinPilotApp app, Guid projectId, Guid reportId) =>
        app.WithDbAsync(db => db.MetricSamples.AsNoTracking().Where(s => s.ProjectId == projectId && s.Source == $"report:{reportId}").OrderBy(s => s.MetricCode).ToListAsync());

    private static Task<ObligationStatus> ObligationAsync(FinPilotApp app, Guid projectId, ObligationKind kind, string subject) =>
        app.WithDbAsync(db => db.Obligations.Where(o => o.ProjectId == projectId && o.Kind == kind && o.Subject == subject).Select(o => o.Status).SingleAsync());

    private static Task<HttpResponseMessage> Upload(HttpClient client, string url, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync(url, form);
    }
}
