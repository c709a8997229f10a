using System.Net;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Applications;

public sealed class ApplicationsApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_incomplete_application_is_refused_with_every_missing_item_and_a_complete_one_is_frozen_at_submission(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("完整性测试征集"), "完整性测试");

        var refused = await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(nameof(ApplicationForm.Innovation), refused.Errors.Keys);
        Assert.Contains(nameof(ApplicationForm.ExitPlan), refused.Errors.Keys);
        Assert.Contains(nameof(ApplicationForm.CustomerLimit), refused.Errors.Keys);
        Assert.Equal("此项为提交前必填。", refused.Errors[nameof(ApplicationForm.Innovation)][0]);
        Assert.Equal(["尚未上传申报材料“申报书”。", "尚未上传申报材料“测试方案”。"], refused.Errors[RequiredMaterials.Field]);

        // An unlabelled file answers no material; each required one is named until a file answers it.
        await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm("完整性测试"));
        (await applicant.UploadAsync(project.Id, "佐证.pdf", ApplicationTestKit.Pdf)).EnsureSuccessStatusCode();
        (await applicant.UploadAsync(project.Id, "申报书.pdf", ApplicationTestKit.Pdf, "申报书")).EnsureSuccessStatusCode();
        refused = await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([RequiredMaterials.Field], refused.Errors.Keys);
        Assert.Equal(["尚未上传申报材料“测试方案”。"], refused.Errors[RequiredMaterials.Field]);

        (await applicant.UploadAsync(project.Id, "测试方案.pdf", ApplicationTestKit.Pdf, "测试方案")).EnsureSuccessStatusCode();
        await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);

        var submitted = await applicant.GetApplicationAsync(project.Id);
        Assert.Equal((ProjectStage.Submitted, true, false), (submitted.Project.Stage, submitted.Frozen, submitted.CanEdit));
        var change = await applicant.PutAsync($"/api/v1/applications/{project.Id}", new ApplicationsApi.SaveRequest(ApplicationTestKit.CompleteForm("改名"), submitted.Concurrency));
        await change.AssertStatusAsync(HttpStatusCode.Conflict);
        var workingGroupTold = await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.ApplicationSubmitted && n.Link == $"/screening/{project.Id}"));
        Assert.True(workingGroupTold);
    }

    [Theory, AllProviders]
    public async Task Two_people_saving_the_same_version_cannot_overwrite_each_other(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("并发编辑征集"), "并发编辑");
        var opened = await applicant.GetApplicationAsync(project.Id);

        var first = await applicant.PutAsync($"/api/v1/applications/{project.Id}", new ApplicationsApi.SaveRequest(ApplicationTestKit.CompleteForm("甲的修改"), opened.Concurrency));
        var second = await applicant.PutAsync($"/api/v1/applications/{project.Id}", new ApplicationsApi.SaveRequest(ApplicationTestKit.CompleteForm("乙的修改"), opened.Concurrency));

        await first.AssertStatusAsync(HttpStatusCode.OK);
        await second.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("甲的修改", (await applicant.GetApplicationAsync(project.Id)).Form.Name);
    }

    [Theory, AllProviders]
    public async Task A_file_answers_only_a_material_the_call_requires_and_a_supplement_shows_the_files_it_replaced(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await applicant.StartAsync(await app.OpenBeijingCallAsync("材料标注征集"), "材料标注");

        var unknown = await (await applicant.UploadAsync(draft.Id, "执照.pdf", ApplicationTestKit.Pdf, "营业执照")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["“营业执照”不是本征集要求的申报材料。"], unknown.Errors["Material"]);
        Assert.Empty((await applicant.GetApplicationAsync(draft.Id)).Attachments);

        var id = await app.SubmittedAsync(applicant, "材料替换");
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["申报书需补充数据安全内容"], 5))).AssertStatusAsync(HttpStatusCode.NoContent);
        var returned = await applicant.GetApplicationAsync(id);
        var oldForm = returned.Attachments.Single(a => a.Material == "申报书");
        await (await applicant.DeleteAsync($"/api/v1/applications/{id}/attachments/{oldForm.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
        byte[] revised = [.. ApplicationTestKit.Pdf, .. "%revised\n"u8.ToArray()];
        (await applicant.UploadAsync(id, "申报书-修订.pdf", revised, "申报书")).EnsureSuccessStatusCode();
        (await applicant.UploadAsync(id, "补充说明.pdf", [.. ApplicationTestKit.Pdf, .. "%note\n"u8.ToArray()])).EnsureSuccessStatusCode();
        await (await applicant.PostAsync($"/api/v1/applications/{id}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);

        var diff = await (await wg.GetAsync($"/api/v1/applications/{id}/diff?from=1&to=2")).ReadAsync<VersionDiff>();
        Assert.Empty(diff.Fields);
        Assert.Equal(
            [(AttachmentChangeKind.Replaced, (string?)"申报书", (string?)"申报书.pdf", (string?)"申报书-修订.pdf"), (AttachmentChangeKind.Added, null, null, "补充说明.pdf")],
            diff.Attachments.Select(c => (c.Kind, c.Material, c.Before?.FileName, c.After?.FileName)));
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = System.Net.WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/applications/{id}/diff?from=1&to=2"));
        Assert.Contains("替换", html, StringComparison.Ordinal);
        Assert.Contains("申报书-修订.pdf", html, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Submission_is_refused_once_the_call_has_closed(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var callId = await app.OpenBeijingCallAsync("截止后提交征集");
        var project = await applicant.StartAsync(callId, "截止后提交");
        await applicant.SaveAsync(project.Id, ApplicationTestKit.CompleteForm("截止后提交"));
        await applicant.UploadMaterialsAsync(project.Id);
        var closesAt = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.ClosesAt).SingleAsync());

        app.Clock.SetUtcNow(closesAt.AddMinutes(1));
        var refused = await (await applicant.PostAsync($"/api/v1/applications/{project.Id}/submit", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("截止", refused.Errors.Values.SelectMany(v => v).Single());
        Assert.Equal(ProjectStage.Draft, (await applicant.GetApplicationAsync(project.Id)).Project.Stage);
    }

    [Theory, AllProviders]
    public async Task Files_are_checked_by_content_and_size_and_read_only_by_the_projects_readers(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("附件测试征集"), "附件测试");

        var forged = await (await applicant.UploadAsync(project.Id, "方案.pdf", "MZ this is not a PDF"u8.ToArray())).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("File", forged.Errors.Keys);
        await using var small = app.WithWebHostBuilder(b => b.UseSetting("Files:MaxFileBytes", "64"));
        using var limited = small.CreateClient();
        limited.DefaultRequestHeaders.Authorization = applicant.DefaultRequestHeaders.Authorization;
        var oversized = await (await limited.UploadAsync(project.Id, "大文件.pdf", [.. ApplicationTestKit.Pdf, .. new byte[100]])).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("MB", oversized.Errors["File"][0]);

        var stored = await (await applicant.UploadAsync(project.Id, "方案.pdf", ApplicationTestKit.Pdf)).ReadAsync<ApplicationsApi.AttachmentDto>(HttpStatusCode.Created);
        Assert.Equal(("application/pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ApplicationTestKit.Pdf))), (stored.ContentType, stored.Sha256));
        var download = await applicant.GetAsync($"/api/v1/applications/{project.Id}/attachments/{stored.Id}");
        Assert.Equal(ApplicationTestKit.Pdf, await download.Content.ReadAsByteArrayAsync());

        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.GetAsync($"/api/v1/applications/{project.Id}/attachments/{stored.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "attachment.downloaded" && a.ResourceId == project.Id.ToString())));

        await (await shanghai.DeleteAsync($"/api/v1/applications/{project.Id}/attachments/{stored.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await applicant.DeleteAsync($"/api/v1/applications/{project.Id}/attachments/{stored.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await applicant.GetApplicationAsync(project.Id)).Attachments);
    }

    [Theory, AllProviders]
    public async Task Another_organisations_applicant_can_neither_read_nor_change_the_application(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var project = await applicant.StartAsync(await app.OpenBeijingCallAsync("他人申报征集"), "他人申报");
        var otherOrganisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id != project.LeadOrganisationId).Select(o => o.Id).FirstAsync());
        await app.CreateUserAsync($"other-{provider}@example.cn", Role.Applicant, organisationId: otherOrganisation);
        using var other = await app.ApiClientAsync($"other-{provider}@example.cn");
        var opened = await applicant.GetApplicationAsync(project.Id);

        await (await other.GetAsync($"/api/v1/applications/{project.Id}")).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsync($"/api/v1/applications/{project.Id}", new ApplicationsApi.SaveRequest(ApplicationTestKit.CompleteForm("篡改"), opened.Concurrency))).AssertStatusAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/v1/applications/{project.Id}/withdraw", new ApplicationsApi.ReasonRequest("篡改"))).AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(project.Id, (await (await other.GetAsync("/api/v1/applications")).ReadAsync<List<ApplicationsApi.ProjectDto>>()).Select(p => p.Id));
    }

    [Theory, AllProviders]
    public async Task Withdrawal_needs_a_reason_and_ends_the_application(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var id = await app.SubmittedAsync(applicant, "撤回测试");

        await (await applicant.PostAsync($"/api/v1/applications/{id}/withdraw", new ApplicationsApi.ReasonRequest(" "))).AssertStatusAsync(HttpStatusCode.BadRequest);
        await (await applicant.PostAsync($"/api/v1/applications/{id}/withdraw", new ApplicationsApi.ReasonRequest("业务调整"))).AssertStatusAsync(HttpStatusCode.NoContent);

        var withdrawn = await applicant.GetApplicationAsync(id);
        Assert.Equal(ProjectStage.Withdrawn, withdrawn.Project.Stage);
        Assert.Equal("业务调整", withdrawn.Timeline[^1].Note);

        // Started, saved, two files added (one per required material), submitted, withdrawn: one line each, the refused withdrawal none (reads are lines of their own).
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == id.ToString() && a.Action != FinPilot.Web.Features.Integrity.IntegrityActions.RecordRead)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ResourceType, a.RegionId, a.Details }).ToListAsync());
        Assert.Equal(
            ["application.started", "application.saved", "attachment.added", "attachment.added", "application.submitted", "application.withdrawn"],
            lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal(("project", (int?)withdrawn.Project.RegionId), (l.ResourceType, l.RegionId)));
        Assert.Equal("{\"reason\":\"业务调整\"}", lines[^1].Details);
        Assert.Contains("\"title\":\"撤回测试\"", lines[0].Details, StringComparison.Ordinal);
    }
}
