using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FinPilot.Domain.Exit;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// Evidence files of the customer-protection checklist: the institution uploads one per item on its
/// pilot's exit page (size- and type-checked, stored by SHA-256); the working group downloads it from
/// the case page; nobody else uploads, and other regions and experts do not download.
/// </summary>
public sealed partial class ExitChecklistFileTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory, AllProviders]
    public async Task The_institution_uploads_checklist_evidence_and_the_working_group_downloads_it(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出证明文件");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var exit = await applicantApi.ApplyAsync(projectId, ExitTestKit.Completion());
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);

        using (var uploaded = await UploadAsync(institution, projectId, exit.Id, ChecklistItemKind.CustomersInformed, Pdf, "告知.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            Assert.DoesNotContain("fileError", uploaded.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var item = (await CaseAsync(app, exit.Id)).Checklist.Single(i => i.Kind == ChecklistItemKind.CustomersInformed);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), item.FileSha256);
        Assert.False(item.Done);
        Assert.Equal("告知.pdf", item.FileName);
        var download = $"/exits/{exit.Id}/checklist/{ChecklistItemKind.CustomersInformed}/file";
        Assert.Contains("data-testid=\"checklist-file\"", await (await institution.GetAsync($"/pilots/{projectId}/exit")).Content.ReadAsStringAsync());

        // Saving the checklist form keeps the file.
        var checklist = ChecklistItem.Kinds.ToDictionary(k => "Done_" + k, _ => "true");
        foreach (var kind in ChecklistItem.Kinds)
        {
            checklist["Evidence_" + kind] = $"{kind} 证明";
        }

        checklist["_handler"] = "checklist";
        await institution.SubmitAsync($"/pilots/{projectId}/exit", $"/pilots/{projectId}/exit", checklist);
        var kept = (await CaseAsync(app, exit.Id)).Checklist.Single(i => i.Kind == ChecklistItemKind.CustomersInformed);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(Pdf)), "告知.pdf"), (kept.FileSha256, kept.FileName));

        // The working group reads it on the case page.
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var casePage = await (await wg.GetAsync($"/exits/{exit.Id}")).Content.ReadAsStringAsync();
        Assert.Contains(download.TrimStart('/'), casePage, StringComparison.Ordinal);
        Assert.Contains(">告知.pdf</a>", casePage, StringComparison.Ordinal);
        using (var file = await wg.GetAsync(download))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);

            // RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987), which clients prefer.
            var disposition = file.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal("告知.pdf", disposition.FileNameStar);
            Assert.Contains("filename*=UTF-8''%E5%91%8A%E7%9F%A5.pdf", file.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        }

        // Refused: a file that is no accepted type, one over the limit; the working group does not upload.
        using (var text = await UploadAsync(institution, projectId, exit.Id, ChecklistItemKind.AssetsMigrated, Encoding.UTF8.GetBytes("只是文字"), "a.txt"))
        {
            Assert.Contains("fileError=Application.FileTypeRefused", text.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var large = new byte[ExitChecklistFiles.MaxFileBytes + 1];
        Pdf.CopyTo(large, 0);
        using (var tooLarge = await UploadAsync(institution, projectId, exit.Id, ChecklistItemKind.AssetsMigrated, large, "big.pdf"))
        {
            Assert.Contains("fileError=Application.FileTooLarge", tooLarge.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var byGroup = await UploadAsync(wg, projectId, exit.Id, ChecklistItemKind.AssetsMigrated, Pdf, "wg.pdf"))
        {
            Assert.Contains("fileError=Access.Forbidden", byGroup.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Null((await CaseAsync(app, exit.Id)).Checklist.Single(i => i.Kind == ChecklistItemKind.AssetsMigrated).FileSha256);

        // Other regions' working groups and experts do not download; anonymous readers are sent to log in.
        foreach (var email in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Expert })
        {
            using var other = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(download)).StatusCode);
        }

        using var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync(download);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, refused.StatusCode.ToString());
    }

    [Theory, AllProviders]
    public async Task A_file_name_is_made_safe_and_a_later_file_replaces_the_name(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出文件名");
        using var applicantApi = await app.ApiClientAsync(DemoUsers.Applicant);
        var exit = await applicantApi.ApplyAsync(projectId, ExitTestKit.Completion());
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);

        // A path and a right-to-left override are dropped: what is kept is the name as it reads.
        (await UploadAsync(institution, projectId, exit.Id, ChecklistItemKind.DataHandled, Pdf, "C:\\客户\\数据\u202E处置说明.pdf")).Dispose();

        Assert.Equal("数据处置说明.pdf", (await CaseAsync(app, exit.Id)).Checklist.Single(i => i.Kind == ChecklistItemKind.DataHandled).FileName);

        var other = Encoding.ASCII.GetBytes("%PDF-1.4\n% another\n%%EOF\n");
        (await UploadAsync(institution, projectId, exit.Id, ChecklistItemKind.DataHandled, other, "second.pdf")).Dispose();

        var item = (await CaseAsync(app, exit.Id)).Checklist.Single(i => i.Kind == ChecklistItemKind.DataHandled);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(other)), "second.pdf"), (item.FileSha256, item.FileName));
    }

    [Theory]
    [InlineData("告知.pdf", "application/pdf", "告知.pdf")]
    [InlineData("照片.JPEG", "image/jpeg", "照片.JPEG")]
    [InlineData("invoice.exe", "application/pdf", "invoice.exe.pdf")]
    [InlineData("../../etc/passwd.pdf", "application/pdf", "passwd.pdf")]
    [InlineData("", "application/pdf", "CustomersInformed-0123456789ab.pdf")]
    [InlineData(null, "application/pdf", "CustomersInformed-0123456789ab.pdf")]
    public void The_stored_name_is_the_safe_name_ending_in_the_detected_type(string? uploaded, string type, string expected) =>
        Assert.Equal(expected, ExitChecklistFiles.NameOf(uploaded, ChecklistItemKind.CustomersInformed, "0123456789abcdef", type));

    private static async Task<HttpResponseMessage> UploadAsync(BrowserSession session, Guid projectId, Guid exitId, ChecklistItemKind kind, byte[] bytes, string name)
    {
        var page = await session.Client.GetStringAsync($"/pilots/{projectId}/exit");
        var version = VersionField().Match(page) is { Success: true } m ? m.Groups[1].Value : Guid.Empty.ToString();

        // The working group's view of the page has no form; any page's token is the session's.
        var token = Token().Match(page) is { Success: true } t ? t : Token().Match(await session.Client.GetStringAsync("/casebooks/manage"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token.Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(exitId.ToString()), "exitId" },
            { new StringContent(version), "exitVersion" },
            { new StringContent(kind.ToString()), "kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        var response = await session.Client.PostAsync($"/pilots/{projectId}/exit/checklist-files", form);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }

    private static Task<ExitCase> CaseAsync(FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.ExitCases.AsNoTracking().SingleAsync(c => c.Id == id));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"(?:V|v)ersion\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
