using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>
/// 案例集 end to end: a working group composes a casebook of an exited, tiered pilot, the policy keeps
/// internal facts out of the public model and out of both files, and the published files are the ones
/// the ledger record names.
/// </summary>
public sealed partial class CasebookPublicationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
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
    public async Task Metric_series_are_charted_in_the_files_only_when_the_policy_publishes_the_metric_values(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.ExitedPilotAsync("指标图表试点", "监管启发", AuditNote);
        var values = new[] { 97.25, 98.5, 99.75, 99.125 };
        await app.WithDbAsync(async db =>
        {
            var at = app.Clock.GetUtcNow();
            var start = new DateOnly(2022, 1, 1);
            for (var i = 0; i < values.Length; i++)
            {
                db.MetricSamples.Add(SupervisionTestKit.Machine(projectId, "chartmetric", start.AddMonths(i), start.AddMonths(i + 1).AddDays(-1), values[i], at));
            }

            return await db.SaveChangesAsync();
        });
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var beijing = await app.RegionIdAsync("BJ");

        // Withheld (the default): no chart, no series, not one line drawn in the PDF, no table in the DOCX.
        var withheld = await wg.ComposeAsync(await wg.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "指标默认案例集", Period = "第二批" }), projectId);
        Assert.DoesNotContain(CaseField.MetricValues, withheld.Cases.Single().Published);
        var (pdf, docx) = await PublishAndDownloadAsync(app, wg, withheld);
        var streams = CasebookTestKit.PdfStreams(pdf);
        Assert.Equal(0, LineTo().Count(streams));
        Assert.DoesNotContain("chartmetric", streams, StringComparison.Ordinal);
        Assert.DoesNotContain("99.75", streams, StringComparison.Ordinal);
        Assert.Empty(Tables(docx));
        Assert.DoesNotContain("图：", CasebookTestKit.DocxText(docx), StringComparison.Ordinal);

        // Published on purpose: the PDF draws the series (a line of three segments at least, the period labels), the DOCX tabulates it by period.
        var chosen = await wg.ComposeAsync(await wg.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "指标公开案例集", Period = "第二批" }), projectId);
        chosen = await (await wg.PutAsync($"/api/v1/casebooks/{chosen.Id}/cases/{projectId}/policy",
            new CasebooksApi.PolicyRequest([.. CaseFields.PublicByDefault, CaseField.MetricValues], chosen.Version))).ReadAsync<CasebooksApi.CasebookDto>();
        (pdf, docx) = await PublishAndDownloadAsync(app, wg, chosen);
        streams = CasebookTestKit.PdfStreams(pdf);
        Assert.True(LineTo().Count(streams) >= values.Length - 1, "The chart's line is drawn.");
        Assert.Contains("2022-01", streams, StringComparison.Ordinal);
        Assert.Contains("2022-04", streams, StringComparison.Ordinal);
        var table = Assert.Single(Tables(docx));
        Assert.Equal(values.Length + 1, table.Count);
        Assert.Equal(["2022-01", "97.25"], table[1]);
        Assert.Equal(["2022-04", "99.13"], table[^1]);
        Assert.Contains("图：chartmetric", CasebookTestKit.DocxText(docx), StringComparison.Ordinal);
    }

    private static async Task<(byte[] Pdf, byte[] Docx)> PublishAndDownloadAsync(FinPilotApp app, HttpClient wg, CasebooksApi.CasebookDto draft)
    {
        var published = await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(draft.Version))).ReadAsync<CasebooksApi.CasebookDto>();
        using var anonymous = app.Anonymous();
        return (await (await anonymous.GetAsync($"/casebooks/{published.Id}/casebook.pdf")).Content.ReadAsByteArrayAsync(),
            await (await anonymous.GetAsync($"/casebooks/{published.Id}/casebook.docx")).Content.ReadAsByteArrayAsync());
    }

    /// <summary>The rows (cell texts) of each table in a DOCX's body.</summary>
    private static List<List<string[]>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return [.. document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList())];
    }

    /// <summary>A "lineto" operator of a PDF content stream: text is drawn with text operators, so only a chart draws lines.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^-?[\d.]+ -?[\d.]+ l$")]
    private static partial System.Text.RegularExpressions.Regex LineTo();

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
