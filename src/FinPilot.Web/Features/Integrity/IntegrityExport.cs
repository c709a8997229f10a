using System.Globalization;
using ClosedXML.Excel;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Http;

namespace FinPilot.Web.Features.Integrity;

/// <summary>Slices of the integrity page as workbooks: the flags, the read records, the decision records. Each export is itself audited.</summary>
public sealed class IntegrityExport(IntegrityQueries queries, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most rows one workbook holds; narrow the filter for more.</summary>
    public const int MaxRows = 5000;

    public async Task<Result<byte[]>> FlagsAsync(FlagFilter filter, CancellationToken ct = default)
    {
        var found = await queries.AllAsync(filter, MaxRows, ct);
        if (!found.Succeeded)
        {
            return Result<byte[]>.Fail([.. found.Errors]);
        }

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(IntegrityStrings.Sheet_Flags);
        Header(sheet, IntegrityStrings.Col_Raised, IntegrityStrings.Col_Rule, IntegrityStrings.Col_Record, IntegrityStrings.Col_Person, IntegrityStrings.Col_Unit,
            IntegrityStrings.Col_Facts, IntegrityStrings.Col_Status, IntegrityStrings.Col_Conclusion);
        var row = 2;
        foreach (var f in found.Value)
        {
            sheet.Cell(row, 1).Value = ChinaTime.Format(f.RaisedAt);
            sheet.Cell(row, 2).Value = IntegrityTexts.Of(f.Rule);
            sheet.Cell(row, 3).Value = $"{IntegrityTexts.Of(f.RecordKind)} {f.ProjectTitle ?? f.RecordId}";
            sheet.Cell(row, 4).Value = f.PersonName ?? string.Empty;
            sheet.Cell(row, 5).Value = IntegrityTexts.Of(f.Unit);
            sheet.Cell(row, 6).Value = IntegrityTexts.Facts(f.Rule, f.Facts);
            sheet.Cell(row, 7).Value = IntegrityTexts.Of(f.Status);
            sheet.Cell(row, 8).Value = f.Conclusion is { } c ? IntegrityTexts.Of(c) : string.Empty;
            row++;
        }

        return await SaveAsync(workbook, "flags", found.Value.Count, ct);
    }

    public Task<Result<byte[]>> ReadsAsync(TrailFilter filter, CancellationToken ct = default) =>
        TrailAsync(filter, IntegrityStrings.Sheet_Reads, IntegrityStrings.Col_Reader, "reads", queries.ReadsAsync, ct);

    public Task<Result<byte[]>> DecisionsAsync(TrailFilter filter, CancellationToken ct = default) =>
        TrailAsync(filter, IntegrityStrings.Sheet_Decisions, IntegrityStrings.Col_Decider, "decisions", queries.DecisionsAsync, ct);

    private async Task<Result<byte[]>> TrailAsync(
        TrailFilter filter, string title, string actorHeader, string slice, Func<TrailFilter, CancellationToken, Task<Result<Page<TrailRow>>>> read, CancellationToken ct)
    {
        var rows = new List<TrailRow>();
        for (var n = 1; rows.Count < MaxRows; n++)
        {
            var page = await read(filter with { Page = n, PageSize = Page<TrailRow>.MaxSize }, ct);
            if (!page.Succeeded)
            {
                return Result<byte[]>.Fail([.. page.Errors]);
            }

            rows.AddRange(page.Value.Items);
            if (n >= page.Value.PageCount)
            {
                break;
            }
        }

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(title);
        Header(sheet, IntegrityStrings.Col_At, actorHeader, IntegrityStrings.Col_Action, IntegrityStrings.Col_Record, IntegrityStrings.Col_Region);
        var r = 2;
        foreach (var line in rows.Take(MaxRows))
        {
            sheet.Cell(r, 1).Value = ChinaTime.Format(line.At);
            sheet.Cell(r, 2).Value = TrailTexts.Actor(line);
            sheet.Cell(r, 3).Value = TrailTexts.Action(line);
            sheet.Cell(r, 4).Value = TrailTexts.Record(line);
            sheet.Cell(r, 5).Value = line.RegionId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            r++;
        }

        return await SaveAsync(workbook, slice, Math.Min(rows.Count, MaxRows), ct);
    }

    private static void Header(IXLWorksheet sheet, params string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = titles[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
    }

    private async Task<Result<byte[]>> SaveAsync(XLWorkbook workbook, string slice, int rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        await audit.WriteAsync(new AuditLine(IntegrityActions.Exported, AuditResource.IntegrityFlag, null, new { slice, rows }), ct);
        return stream.ToArray();
    }
}

/// <summary>A trail line in words: who, which step (from resources, never the code), which record.</summary>
public static class TrailTexts
{
    public static string Actor(TrailRow row) =>
        row.ActorName == Domain.Integrity.IntegrityFlag.System || (row.ActorId is null && row.ActorName is null) ? IntegrityStrings.System : row.ActorName ?? row.ActorId ?? string.Empty;

    public static string Action(TrailRow row) =>
        IntegrityStrings.ResourceManager.GetString("Action_" + row.Action.Replace('.', '_').Replace('-', '_'), CultureInfo.CurrentUICulture) ?? IntegrityStrings.Action_Other;

    public static string Record(TrailRow row) =>
        (ReadAudit.KindOf(row.ResourceType) is { } kind ? IntegrityTexts.Of(kind) : Resource(row.ResourceType)) + " " + (row.ResourceId ?? string.Empty);

    private static string Resource(string type) =>
        IntegrityStrings.ResourceManager.GetString("Resource_" + type.Replace('-', '_'), CultureInfo.CurrentUICulture) ?? IntegrityStrings.Resource_Other;
}
