using System.Net;
using System.Net.Http.Headers;
using FinPilot.Domain.Corrections;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.Corrections;

/// <summary>
/// The institution's evidence files for a correction order: attached while the evidence is owed, checked
/// by content, read and downloaded by the working group (page and API, audited); refused to another
/// institution, another region's working group and the anonymous.
/// </summary>
public sealed class CorrectionFileTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_institution_attaches_evidence_files_and_the_working_group_downloads_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"整改附件 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var order = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
        {
            Findings = "客户数量超过批准上限。",
            Breach = "试点方案：客户数量上限 300 户。",
            RequiredActions = "压降至上限以内并提交客户清单。",
            Severity = CorrectionSeverity.Moderate,
            WorkingDays = 10,
            MustRectify = false,
        })).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        var files = $"/api/v1/corrections/{order.Id}/files";

        // Before the plan is in, no evidence is owed yet.
        await (await UploadAsync(applicant, files, "清单.pdf", ApplicationTestKit.Pdf)).ReadProblemAsync(HttpStatusCode.Conflict);
        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/plan", new TextRequest { Text = "一周内压降。", Version = order.Version })).ReadAsync<CorrectionDto>();

        var attached = await (await UploadAsync(applicant, files, "客户清单.pdf", ApplicationTestKit.Pdf)).ReadAsync<CorrectionFile>(HttpStatusCode.Created);
        Assert.Equal(("客户清单.pdf", "application/pdf", 1), (attached.FileName, attached.ContentType, attached.Round));
        var refused = await (await UploadAsync(applicant, files, "清单.pdf", "MZ\u0090\0this is no pdf"u8.ToArray())).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("File", refused.Errors.Keys);

        // Nobody else attaches: another institution, the working group, another region, the anonymous.
        using var other = await app.OtherApplicantAsync();
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        foreach (var client in new[] { other, wg, shanghai })
        {
            await (await UploadAsync(client, files, "x.pdf", ApplicationTestKit.Pdf)).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, files, "x.pdf", ApplicationTestKit.Pdf)).StatusCode);

        order = await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/evidence", new TextRequest { Text = "客户数已降至 290 户，清单见附件。", Version = await VersionAsync(applicant, order.Id) }))
            .ReadAsync<CorrectionDto>();
        Assert.Equal(attached.Id, Assert.Single(order.Files).Id);
        // Handed in: the file stays on the record.
        await (await applicant.DeleteAsync($"{files}/{attached.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);

        // The working group downloads it, over the API and from the page; every download is audited.
        var download = await wg.GetAsync($"{files}/{attached.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ApplicationTestKit.Pdf, await download.Content.ReadAsByteArrayAsync());
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var page = await (await session.GetAsync($"/corrections/{order.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"corrections/{order.Id}/files/{attached.Id}", page, StringComparison.Ordinal);
        Assert.Contains("客户清单.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-upload", page, StringComparison.Ordinal);
        var fromPage = await session.GetAsync($"/corrections/{order.Id}/files/{attached.Id}");
        Assert.Equal(ApplicationTestKit.Pdf, await fromPage.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == CorrectionActions.FileDownloaded && a.ResourceId == order.Id.ToString())));

        // Nobody else reads it.
        await (await other.GetAsync($"{files}/{attached.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await shanghai.GetAsync($"{files}/{attached.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{files}/{attached.Id}")).StatusCode);
        await (await wg.GetAsync($"{files}/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_institution_uploads_and_removes_a_file_on_the_correction_page()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.AdmittedPilotAsync($"整改附件页 {Guid.NewGuid():N}"[..15]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var order = await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
        {
            Findings = "未按期报送。",
            Breach = "报送要求。",
            RequiredActions = "补报。",
            Severity = CorrectionSeverity.Minor,
            WorkingDays = 10,
            MustRectify = false,
        })).ReadAsync<CorrectionDto>(HttpStatusCode.Created);
        await (await applicant.PostAsync($"/api/v1/corrections/{order.Id}/plan", new TextRequest { Text = "三日内补报。", Version = order.Version })).ReadAsync<CorrectionDto>();

        using var session = await app.SignedInAsync(DemoUsers.Applicant);
        var page = await (await session.GetAsync($"/corrections/{order.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("evidence-upload", page, StringComparison.Ordinal);
        var token = TokenOf(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(ApplicationTestKit.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "补报说明.pdf");
        var posted = await session.Client.PostAsync($"/corrections/{order.Id}/files", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var stored = Assert.Single(await app.WithDbAsync(db => db.CorrectionOrders.AsNoTracking().Where(o => o.Id == order.Id).Select(o => o.Files).SingleAsync()));
        Assert.Equal("补报说明.pdf", stored.FileName);

        page = await (await session.GetAsync($"/corrections/{order.Id}")).Content.ReadAsStringAsync();
        var removed = await session.Client.PostAsync($"/corrections/{order.Id}/files/{stored.Id}/remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenOf(page) }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.CorrectionOrders.AsNoTracking().Where(o => o.Id == order.Id).Select(o => o.Files).SingleAsync()));
    }

    private static async Task<Guid> VersionAsync(HttpClient client, Guid orderId) =>
        (await (await client.GetAsync($"/api/v1/corrections/{orderId}")).ReadAsync<CorrectionDto>()).Version;

    private static string TokenOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync(url, form);
    }
}
