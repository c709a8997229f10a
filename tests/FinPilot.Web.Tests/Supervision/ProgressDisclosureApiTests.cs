using System.Net;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>重大进展披露: drafted by the institution, approved by the working group, published on the register's timeline and in the ledger.</summary>
public sealed class ProgressDisclosureApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_approved_disclosure_is_on_the_public_timeline_and_in_the_ledger(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        // A pilot in the register (its notice and admission are public): the demo's, led by the demo applicant's institution.
        var projectId = await app.WithDbAsync(db => db.Projects.Where(p => p.Title == "基于人工智能的智能投顾客户适当性管理试点").Select(p => p.Id).SingleAsync());
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        var draft = await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/disclosures",
            new SupervisionApi.DisclosureRequest(DisclosureKind.ScopeReached, "服务客户达到 300 户", "截至本月末，试点服务客户达到批准上限 300 户。"))).ReadAsync<SupervisionApi.DisclosureDto>(HttpStatusCode.Created);
        Assert.DoesNotContain(await ListAsync(wg, projectId), d => d.Id == draft.Id);
        var sent = await (await applicant.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/send", new SupervisionApi.VersionRequest(draft.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        var returned = await (await wg.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/return", new SupervisionApi.ReturnRequest("请注明统计口径。", sent.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        var edited = await (await applicant.PutAsync($"/api/v1/supervision/disclosures/{draft.Id}",
            new SupervisionApi.EditDisclosureRequest(DisclosureKind.ScopeReached, "服务客户达到 300 户", "按累计开户口径，截至本月末服务客户达到批准上限 300 户。", returned.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        var resent = await (await applicant.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/send", new SupervisionApi.VersionRequest(edited.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        var approved = await (await wg.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/approve", new SupervisionApi.VersionRequest(resent.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        var own = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/supervision-disclosures",
            new SupervisionApi.OwnDisclosureRequest("阶段性检查", "工作组已完成对本试点的阶段性检查。"))).ReadAsync<SupervisionApi.DisclosureDto>(HttpStatusCode.Created);

        Assert.Equal((DisclosureStatus.Returned, "请注明统计口径。"), (returned.Status, returned.ReturnReason));
        Assert.Equal(DisclosureStatus.Published, approved.Status);
        Assert.Equal((DisclosureKind.Supervision, DisclosureStatus.Published), (own.Kind, own.Status));
        using var anonymous = app.Anonymous();
        var pilot = await (await anonymous.GetAsync($"/api/v1/pilots/{projectId}")).ReadAsync<PilotsApi.PilotDto>();
        Assert.Contains(pilot.Timeline, e => e.Kind == PublicEventKind.MajorProgress && e.Title == "达到测试规模：服务客户达到 300 户");
        Assert.Contains(pilot.Timeline, e => e.Kind == PublicEventKind.MajorProgress && e.Title == "监管信息披露：阶段性检查");
        var html = await (await anonymous.GetAsync($"/pilots/{projectId}")).Content.ReadAsStringAsync();
        Assert.Contains("达到测试规模：服务客户达到 300 户", html);

        var record = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().SingleAsync(r => r.Kind == SupervisionActions.RecordDisclosure && r.SubjectId == draft.Id.ToString()));
        Assert.Equal(projectId, record.ProjectId);
        Assert.Contains("按累计开户口径", record.Payload);
        Assert.True(await app.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));
        Assert.True(await app.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.RecordSequence == record.Sequence)), "the disclosure is in the ledger");
    }

    [Theory, AllProviders]
    public async Task Each_side_is_refused_the_others_moves(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("披露权限测试");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var request = new SupervisionApi.DisclosureRequest(DisclosureKind.Milestone, "里程碑", "完成系统上线。");
        var own = new SupervisionApi.OwnDisclosureRequest("监管提示", "提示。");
        using var other = await app.OtherApplicantAsync();

        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Coordination, DemoUsers.Integrity })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync($"/api/v1/supervision/projects/{projectId}/disclosures", request).AssertDeniedAsync();
        }

        await other.PostAsync($"/api/v1/supervision/projects/{projectId}/disclosures", request).AssertDeniedAsync();
        var draft = await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/disclosures", request)).ReadAsync<SupervisionApi.DisclosureDto>(HttpStatusCode.Created);
        var sent = await (await applicant.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/send", new SupervisionApi.VersionRequest(draft.Version))).ReadAsync<SupervisionApi.DisclosureDto>();
        foreach (var email in new[] { DemoUsers.Applicant, DemoUsers.Coordination, DemoUsers.Integrity, DemoUsers.WorkingGroupShanghai })
        {
            using var client = await app.ApiClientAsync(email);
            await client.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/approve", new SupervisionApi.VersionRequest(sent.Version)).AssertDeniedAsync();
            await client.PostAsync($"/api/v1/supervision/disclosures/{draft.Id}/return", new SupervisionApi.ReturnRequest("不", sent.Version)).AssertDeniedAsync();
            await client.PostAsync($"/api/v1/supervision/projects/{projectId}/supervision-disclosures", own).AssertDeniedAsync();
        }

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await wg.PutAsync($"/api/v1/supervision/disclosures/{draft.Id}", new SupervisionApi.EditDisclosureRequest(DisclosureKind.Milestone, "改", "改。", sent.Version)).AssertDeniedAsync();
        await other.GetAsync($"/api/v1/supervision/projects/{projectId}/disclosures").AssertDeniedAsync();
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await shanghai.GetAsync($"/api/v1/supervision/projects/{projectId}/disclosures").AssertDeniedAsync();
        await (await applicant.PostAsync($"/api/v1/supervision/projects/{projectId}/disclosures",
            new SupervisionApi.DisclosureRequest(DisclosureKind.Supervision, "冒充", "冒充监管披露。"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(db => db.PublicRecords.CountAsync(r => r.ProjectId == projectId)));
    }

    private static async Task<List<SupervisionApi.DisclosureDto>> ListAsync(HttpClient client, Guid projectId) =>
        await (await client.GetAsync($"/api/v1/supervision/projects/{projectId}/disclosures")).ReadAsync<List<SupervisionApi.DisclosureDto>>();
}
