using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>
/// 案例集 end to end: a working group composes a casebook of an exited, tiered pilot, the policy keeps
/// internal facts out of the public model and out of both files, and the published files are the ones
/// the ledger record names.
/// </summary>
public sealed class CasebookPublicationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Insight = "RIMARK4471 穿透式监管可行";
    private const string AuditNote = "AUDITNOTE9931 内部意见";

    [Theory, AllProviders]
    public async Task A_published_casebook_leaves_withheld_fields_out_of_its_files_and_its_ledger_record_names_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.ExitedPilotAsync("案例集试点", Insight, AuditNote);
        var beijing = await app.RegionIdAsync("BJ");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var anonymous = app.Anonymous();

        var draft = await wg.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "北京金融科技创新监管试点首批案例集", TitleEn = "Beijing casebook, batch 1", Period = "首批" });
        var candidates = await (await wg.GetAsync($"/api/v1/casebooks/{draft.Id}/candidates")).ReadAsync<List<CaseCandidate>>();
        Assert.Contains(candidates, c => c.ProjectId == projectId);
        var composed = await wg.ComposeAsync(draft, projectId);
        Assert.Equal(CaseFields.PublicByDefault, composed.Cases.Single().Published);

        // The preview is the public model: the regulatory insight in it, the internal note not even assembled.
        var preview = await (await wg.GetAsync($"/api/v1/casebooks/{draft.Id}/preview")).ReadAsync<CasebookModel>();
        var previewCase = preview.Cases.Single();
        Assert.Equal(Insight, previewCase.RegulatoryInsight);
        Assert.Null(previewCase.InternalNotes);
        Assert.Null(previewCase.ExpertScore);
        Assert.NotNull(previewCase.Exit);
        var published = await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(composed.Version))).ReadAsync<CasebooksApi.CasebookDto>();
        Assert.Equal(CasebookStatus.Published, published.Status);
        await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(published.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        // Anyone downloads the files; their hashes are the ones in the ledger's record.
        var pdf = await (await anonymous.GetAsync($"/casebooks/{draft.Id}/casebook.pdf")).Content.ReadAsByteArrayAsync();
        var docx = await (await anonymous.GetAsync($"/casebooks/{draft.Id}/casebook.docx")).Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var record = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().SingleAsync(r => r.Kind == CasebookActions.RecordPublished && r.SubjectId == draft.Id.ToString("N")));
        using var content = JsonDocument.Parse(record.Payload);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), content.RootElement.GetProperty("pdf").GetProperty("sha256").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(docx)), content.RootElement.GetProperty("docx").GetProperty("sha256").GetString());
        Assert.Equal([projectId.ToString()], content.RootElement.GetProperty("projectIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((beijing, $"/casebooks/{draft.Id}"), (record.RegionId!.Value, record.Link));
        var line = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().SingleAsync(e => e.ProjectId == projectId && e.Kind == PublicEventKind.CasebookPublished));
        Assert.Equal("入选《北京金融科技创新监管试点首批案例集》", line.TitleZh);

        // Redaction is real: the PDF's content streams and the DOCX's text carry the published insight and the editorial text, never the internal note.
        var pdfText = CasebookTestKit.PdfStreams(pdf);
        Assert.Contains("RIMARK4471", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("AUDITNOTE9931", pdfText, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", pdfText + System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        var docxText = CasebookTestKit.DocxText(docx);
        Assert.Contains(Insight, docxText, StringComparison.Ordinal);
        Assert.Contains("以区块链登记份额转让", docxText, StringComparison.Ordinal);
        Assert.DoesNotContain("AUDITNOTE9931", docxText, StringComparison.Ordinal);
        Assert.DoesNotContain("专家评分", docxText, StringComparison.Ordinal);

        // The public reads the frozen model; the files never change.
        var read = await (await anonymous.GetAsync($"/api/v1/casebooks/{draft.Id}")).ReadAsync<CasebookModel>();
        Assert.Equal((published.PdfSha256, Insight), (read.PdfSha256, read.Cases.Single().RegulatoryInsight));
        var list = await (await anonymous.GetAsync("/api/v1/casebooks?pageSize=100")).ReadAsync<Web.Http.Page<CasebookRow>>();
        Assert.Contains(list.Items, r => r.Id == draft.Id);
        Assert.Equal(pdf, await (await anonymous.GetAsync($"/api/v1/casebooks/{draft.Id}/files/pdf")).Content.ReadAsByteArrayAsync());

        // The pages: the list, the casebook with its case, the case's own page; the withheld note on none.
        var page = await (await anonymous.GetAsync($"/casebooks/{draft.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("北京金融科技创新监管试点首批案例集", page, StringComparison.Ordinal);
        Assert.Contains("RIMARK4471", page, StringComparison.Ordinal);
        Assert.Contains(published.PdfSha256!, page, StringComparison.Ordinal);
        Assert.DoesNotContain("AUDITNOTE9931", page, StringComparison.Ordinal);
        Assert.Contains(draft.Id.ToString(), await (await anonymous.GetAsync("/casebooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var casePage = await anonymous.GetAsync($"/casebooks/{draft.Id}/cases/{projectId}");
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Contains("以区块链登记份额转让", await casePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/casebooks/{draft.Id}/cases/{Guid.NewGuid()}")).StatusCode);

        // After publication nothing changes: the policy is refused.
        var refused = await (await wg.PutAsync($"/api/v1/casebooks/{draft.Id}/cases/{projectId}/policy",
            new CasebooksApi.PolicyRequest(CaseFields.All, published.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(refused.Detail);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.ResourceId == draft.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(CasebookActions.Published, audit);
    }

    [Theory, AllProviders]
    public async Task A_field_the_working_group_publishes_on_purpose_does_reach_the_files(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.ExitedPilotAsync("内部信息公开试点", "监管启发", AuditNote);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await wg.ComposeAsync(await wg.CreateAsync(new CasebookDraft { RegionId = await app.RegionIdAsync("BJ"), TitleZh = "案例集", Period = "第二批" }), projectId);

        var policy = await (await wg.PutAsync($"/api/v1/casebooks/{draft.Id}/cases/{projectId}/policy",
            new CasebooksApi.PolicyRequest([CaseField.Profile, CaseField.InternalNotes, CaseField.ExpertScores], draft.Version))).ReadAsync<CasebooksApi.CasebookDto>();
        var published = await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(policy.Version))).ReadAsync<CasebooksApi.CasebookDto>();

        var pdf = await (await app.Anonymous().GetAsync($"/casebooks/{published.Id}/casebook.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Contains("AUDITNOTE9931", CasebookTestKit.PdfStreams(pdf), StringComparison.Ordinal);
        var docxText = CasebookTestKit.DocxText(await (await app.Anonymous().GetAsync($"/casebooks/{published.Id}/casebook.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains(AuditNote, docxText, StringComparison.Ordinal);
        Assert.Contains("专家评分", docxText, StringComparison.Ordinal);
        Assert.DoesNotContain("监管启发", docxText, StringComparison.Ordinal);
        Assert.DoesNotContain("退出与分层分类", docxText, StringComparison.Ordinal);
    }
}
