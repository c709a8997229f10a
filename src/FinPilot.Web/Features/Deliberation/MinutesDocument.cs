using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Resources;
using Microsoft.EntityFrameworkCore;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>会议纪要 as a Word document (DOCX), laid out from <see cref="Minutes.Compose"/> in the reader's language.</summary>
public sealed class MinutesDocument(FinPilotDbContext db, DeliberationService deliberation, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<Result<byte[]>> ExportAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var found = await deliberation.GetAsync(meetingId, cancellationToken);
        if (!found.Succeeded)
        {
            return Result<byte[]>.Fail([.. found.Errors]);
        }

        var meeting = found.Value;
        var people = meeting.AttendeeIds.Append(meeting.ChairId).Distinct().ToList();
        var projects = meeting.AgendaItems.SelectMany(i => i.ProjectIds).Distinct().ToList();
        var names = new MinutesNames(
            await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken),
            (await deliberation.DepartmentsAsync(cancellationToken)).ToDictionary(d => d.Code, d => Components.Shared.Names.Of(d.NameZh, d.NameEn)),
            await db.Projects.AsNoTracking().Where(p => projects.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken));
        var minutes = Minutes.Compose(meeting, names);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Heading($"{minutes.Title} · {DeliberationStrings.Minutes_Title}"));
            body.Append(Line($"{DeliberationStrings.Meetings_Date}: {minutes.Date:yyyy-MM-dd} {minutes.Time:HH:mm} · {DeliberationText.Of(minutes.Status)}"));
            body.Append(Line($"{DeliberationStrings.Meetings_Chair}: {minutes.Chair.Name}"));
            body.Append(Line($"{DeliberationStrings.Meetings_Attendees}: {string.Join("、", minutes.Attendance.Select(a => a.Name))}"));
            foreach (var recusal in minutes.Recusals)
            {
                var declared = recusal.DeclaredReason is { } why ? $" — {DeliberationStrings.Meeting_ConflictDeclared}: {why}" : string.Empty;
                body.Append(Line($"{DeliberationStrings.Meeting_Recused}: {recusal.Member.Name} ({recusal.ItemNumber}){declared}"));
            }

            foreach (var item in minutes.Items)
            {
                body.Append(Heading($"{item.Number}. {DeliberationText.Of(item.Kind)} · {item.Title}"));
                body.Append(Line($"{DeliberationStrings.Meeting_Projects}: {string.Join("、", item.Projects.Select(p => p.Title))}"));
                body.Append(Line($"{DeliberationStrings.Meeting_WorkingGroupView}: {item.WorkingGroupView}"));
                foreach (var opinion in item.Opinions)
                {
                    body.Append(Line($"{DeliberationStrings.Meeting_Opinions}: {opinion.DepartmentName} — {opinion.Opinion ?? DeliberationStrings.Meeting_OpinionPending}"));
                }

                if (item.Tally is { } tally)
                {
                    body.Append(Line(DeliberationText.Tally(tally)));
                }

                if (item.Resolution is { } resolution)
                {
                    if (resolution.WaivedOpinions.Count > 0)
                    {
                        body.Append(Line($"{DeliberationStrings.Meeting_ProceededWithout}: {string.Join("、", resolution.WaivedOpinions.Select(w => w.DepartmentName))} — {resolution.ProceedReason}"));
                    }

                    body.Append(Line($"{DeliberationStrings.Meeting_Resolution}: {resolution.Text}"));
                    foreach (var outcome in resolution.Outcomes)
                    {
                        body.Append(Line($"· {outcome.Project.Title}: {DeliberationText.Of(outcome.Kind)} {string.Join("；", outcome.Conditions)} {outcome.Reason}".TrimEnd()));
                        if (outcome.Tally is { } counted)
                        {
                            body.Append(Line($"  {DeliberationText.Tally(counted)}"));
                        }

                        if (outcome.AgainstMajority)
                        {
                            body.Append(Line($"  {DeliberationStrings.Meeting_AgainstMajority}: {outcome.DeviationReason}"));
                        }
                    }
                }
            }

            main.Document.Save();
        }

        audit.Record(AuditLines.Meeting(DeliberationActions.MinutesExported, meetingId));
        await db.SaveChangesAsync(cancellationToken);
        return stream.ToArray();
    }

    private static Paragraph Heading(string text) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = "28" }), new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Line(string text) => new(new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
}
