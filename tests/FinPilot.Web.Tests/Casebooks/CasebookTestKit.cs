using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>Exited, tiered pilots made through the exit path over HTTP, and readers of the casebook files.</summary>
internal static class CasebookTestKit
{
    /// <summary>
    /// A Beijing pilot of the demo applicant taken through the whole exit path: its self-assessment
    /// names <paramref name="insight"/> as its regulatory insight, the working group's audit note is
    /// <paramref name="auditNote"/>, the experts score <paramref name="score"/> each.
    /// </summary>
    public static async Task<Guid> ExitedPilotAsync(this FinPilotApp app, string title, string insight, string auditNote, int score = 9)
    {
        var projectId = await app.RunningPilotAsync(title);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Completion());
        var filled = await applicant.FillAsync(exit);
        filled = await (await applicant.PutAsync($"/api/v1/exits/{exit.Id}/self-assessment",
            new ExitsApi.SelfAssessmentRequest { Assessment = ExitTestKit.Assessment() with { RegulatoryInsight = insight }, Version = filled.Version }))
            .ReadAsync<ExitsApi.ExitDto>();
        var submitted = await applicant.SubmitAsync(filled);
        var accepted = await (await wg.PostAsync($"/api/v1/exits/{exit.Id}/accept", new ExitsApi.TextRequest(auditNote, submitted.Version))).ReadAsync<ExitsApi.ExitDto>();
        var forwarded = await app.ReviewAndForwardAsync(wg, accepted, score, score, score);
        var meetingId = await app.MeetingAsync(chair, "试点退出确认会议");
        var scheduled = await (await chair.PostAsync($"/api/v1/exits/{exit.Id}/agenda", new ExitsApi.AgendaRequest(meetingId))).ReadAsync<ExitsApi.ExitDto>();
        Assert.Equal(forwarded.Id, scheduled.Id);
        await chair.ResolveAsync(meetingId, scheduled.AgendaItemId!.Value, ProjectOutcome.Approved(projectId), "经审议，确认该试点完成退出。");
        return projectId;
    }

    public static Task<int> RegionIdAsync(this FinPilotApp app, string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    public static async Task<CasebooksApi.CasebookDto> CreateAsync(this HttpClient client, CasebookDraft draft) =>
        await (await client.PostAsync("/api/v1/casebooks", draft)).ReadAsync<CasebooksApi.CasebookDto>(HttpStatusCode.Created);

    /// <summary>Selects the pilots and writes each case's editorial text.</summary>
    public static async Task<CasebooksApi.CasebookDto> ComposeAsync(this HttpClient wg, CasebooksApi.CasebookDto casebook, params Guid[] projects)
    {
        var current = casebook;
        foreach (var id in projects)
        {
            current = await (await wg.PostAsync($"/api/v1/casebooks/{casebook.Id}/cases", new CasebooksApi.SelectRequest(id, current.Version))).ReadAsync<CasebooksApi.CasebookDto>();
            current = await (await wg.PutAsync($"/api/v1/casebooks/{casebook.Id}/cases/{id}/editorial", new CasebooksApi.EditorialRequest
            {
                LessonsZh = "客户告知要早，退出预案要细。",
                LessonsEn = "Tell customers early.",
                PracticesZh = "以区块链登记份额转让，全流程留痕。",
                Version = current.Version,
            })).ReadAsync<CasebooksApi.CasebookDto>();
        }

        return current;
    }

    /// <summary>The text of every content stream of a PDF (inflated where compressed), for searching ASCII runs.</summary>
    public static string PdfStreams(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        var text = new StringBuilder();
        var at = 0;
        while ((at = latin.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
        {
            if (at >= 3 && latin.Substring(at - 3, 3) == "end")
            {
                at += 6;
                continue;
            }

            var start = at + 6;
            start += latin[start] == '\r' ? 2 : 1;
            var end = latin.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var raw = pdf.AsSpan(start, end - start).ToArray();
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                inflater.CopyTo(inflated);
                text.Append(Encoding.Latin1.GetString(inflated.ToArray()));
            }
            catch (InvalidDataException)
            {
                text.Append(Encoding.Latin1.GetString(raw));
            }

            at = end + 9;
        }

        return text.ToString();
    }

    /// <summary>The text of a DOCX's body, read through the Open XML SDK.</summary>
    public static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }
}
