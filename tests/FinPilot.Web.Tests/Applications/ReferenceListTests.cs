using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Applications;

public sealed class ReferenceListTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Administrators_add_and_retire_entries_and_a_retired_one_is_refused_in_new_drafts(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var denied = await wg.PostAsync("/api/v1/reference", new ReferenceApi.NewReferenceItem(ReferenceKind.Technology, "quantum", "量子计算", "Quantum computing"));
        await denied.AssertStatusAsync(HttpStatusCode.Forbidden);
        var bad = await (await admin.PostAsync("/api/v1/reference", new ReferenceApi.NewReferenceItem(ReferenceKind.Technology, "Quantum Computing!", "量子计算", "Quantum computing"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Code", bad.Errors.Keys);
        var added = await (await admin.PostAsync("/api/v1/reference", new ReferenceApi.NewReferenceItem(ReferenceKind.Technology, "quantum", "量子计算", "Quantum computing")))
            .ReadAsync<ReferenceApi.ReferenceItemDto>(HttpStatusCode.Created);

        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("选项测试征集"), "选项测试");
        await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm("选项测试") with { Technologies = ["quantum"] });

        await (await admin.PutAsync($"/api/v1/reference/{added.Id}/active", new ReferenceApi.ActiveRequest(false))).AssertStatusAsync(HttpStatusCode.NoContent);
        var current = await applicant.GetApplicationAsync(project.Id);
        var refused = await (await applicant.PutAsync($"/api/v1/applications/{project.Id}", new ApplicationsApi.SaveRequest(current.Form, current.Concurrency)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Technologies", refused.Errors.Keys);
    }
}
