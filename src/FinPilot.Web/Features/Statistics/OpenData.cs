using System.Globalization;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Statistics;

/// <summary>One column of a dataset: a stable snake_case name, a type and what it means (zh and en from the resources).</summary>
public sealed record OpenDataField(string Name, string Type)
{
    public string Meaning(string dataset) => IndicatorTexts.Text($"Field_{dataset}_{Name}");
}

/// <summary>A dataset with its rows, each row's values in the order of <see cref="Fields"/>.</summary>
public sealed record OpenDataset(string Name, IReadOnlyList<OpenDataField> Fields, IReadOnlyList<object?[]> Rows);

public enum OpenDataFormat
{
    Csv = 1,
    Xlsx = 2,
    Json = 3,
}

/// <summary>
/// 开放数据: the public register, its public events, published notices, published calls and the
/// statistics, as CSV, XLSX and JSON. Each dataset reads only what is already public — a project is
/// in the register only once its notice is published, a notice once published, a call once
/// published — and its column names never change (a new column is added, none is renamed).
/// </summary>
public sealed class OpenData(FinPilotDbContext db, StatisticsQueries statistics, TimeProvider clock)
{
    public const string Register = "register";
    public const string Events = "events";
    public const string Notices = "notices";
    public const string Calls = "calls";
    public const string Statistics = "statistics";

    public static IReadOnlyDictionary<string, IReadOnlyList<OpenDataField>> Dictionary { get; } = new Dictionary<string, IReadOnlyList<OpenDataField>>
    {
        [Register] =
        [
            new("project_id", "uuid"), new("name", "string"), new("lead_name", "string"), new("lead_id", "uuid"), new("region_code", "string"), new("call_id", "uuid"),
            new("category", "string"), new("technologies", "string"), new("scenarios", "string"), new("listed_at", "datetime"), new("admitted_at", "datetime"),
            new("stage", "string"), new("tier", "string"), new("lead_type", "string"),
        ],
        [Events] = [new("project_id", "uuid"), new("kind", "string"), new("at", "datetime"), new("title_zh", "string"), new("title_en", "string"), new("link", "string"), new("ledger_index", "integer")],
        [Notices] =
        [
            new("notice_id", "uuid"), new("region_code", "string"), new("title", "string"), new("status", "string"), new("published_at", "datetime"),
            new("ends_on", "date"), new("withdrawn_at", "datetime"), new("project_ids", "string"),
        ],
        [Calls] =
        [
            new("call_id", "uuid"), new("region_code", "string"), new("batch_number", "integer"), new("title", "string"), new("status", "string"),
            new("opens_at", "datetime"), new("closes_at", "datetime"), new("published_at", "datetime"),
        ],
        [Statistics] = [new("indicator", "string"), new("revision", "integer"), new("key", "string"), new("value", "decimal"), new("computed_at", "datetime")],
    };

    public static bool Exists(string name) => Dictionary.ContainsKey(name);

    public async Task<OpenDataset> ReadAsync(string name, CancellationToken ct = default)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        IReadOnlyList<object?[]> rows = name switch
        {
            Register => await RegisterAsync(regions, ct),
            Events => await EventsAsync(ct),
            Notices => await NoticesAsync(regions, ct),
            Calls => await CallsAsync(regions, ct),
            Statistics => await StatisticsAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such dataset."),
        };
        return new OpenDataset(name, Dictionary[name], rows);
    }

    private async Task<IReadOnlyList<object?[]>> RegisterAsync(Dictionary<int, string> regions, CancellationToken ct)
    {
        var (pilots, _) = await statistics.FactsAsync(ct);
        var rows = await db.RegisterPilots.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.ProjectId, p.ListedAt, p.Statement, p.RegionId, p.CallId, p.LeadOrganisationId }).ToListAsync(ct);
        var facts = pilots.ToDictionary(p => p.ProjectId);
        return [.. rows.Select(r => new object?[]
        {
            r.ProjectId, r.Statement.Name, r.Statement.LeadName, r.LeadOrganisationId, regions[r.RegionId], r.CallId, r.Statement.Category.ToString(),
            string.Join(';', r.Statement.TechnologyCodes ?? []), string.Join(';', r.Statement.ScenarioCodes ?? []), r.ListedAt,
            facts[r.ProjectId].AdmittedAt, PublicStages.Latest(facts[r.ProjectId].Events)?.ToString(), facts[r.ProjectId].PublicTier,
            facts[r.ProjectId].LeadType,
        })];
    }

    private async Task<IReadOnlyList<object?[]>> EventsAsync(CancellationToken ct) =>
        [.. (await db.PublicEvents.AsNoTracking().Where(e => db.RegisterPilots.Any(p => p.ProjectId == e.ProjectId))
                .Select(e => new
                {
                    e.ProjectId, e.Kind, e.At, e.TitleZh, e.TitleEn, e.Link,
                    LedgerIndex = db.LedgerEntries.Where(l => l.RecordSequence == e.RecordSequence).Select(l => (long?)l.Index).FirstOrDefault(),
                }).ToListAsync(ct))
            .OrderBy(e => e.At).ThenBy(e => e.ProjectId)
            .Select(e => new object?[] { e.ProjectId, e.Kind.ToString(), e.At, e.TitleZh, e.TitleEn, e.Link, e.LedgerIndex })];

    private async Task<IReadOnlyList<object?[]>> NoticesAsync(Dictionary<int, string> regions, CancellationToken ct)
    {
        // Published ones only: a draft (PublishedAt null) is not public, a withdrawn one that was published stays on record with its date.
        var notices = await db.PublicNotices.AsNoTracking().Where(n => n.PublishedAt != null).ToListAsync(ct);
        return [.. notices.OrderBy(n => n.PublishedAt).ThenBy(n => n.Id).Select(n => new object?[]
        {
            n.Id, regions[n.RegionId], n.Title, n.Status.ToString(), n.PublishedAt, n.EndsOn, n.WithdrawnAt,
            string.Join(';', n.Listings.Select(l => l.Summary.ProjectId)),
        })];
    }

    private async Task<IReadOnlyList<object?[]>> CallsAsync(Dictionary<int, string> regions, CancellationToken ct)
    {
        var calls = await db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft)
            .Select(c => new { c.Id, c.RegionId, c.BatchNumber, c.Title, c.Status, c.OpensAt, c.ClosesAt, c.PublishedAt }).ToListAsync(ct);
        return [.. calls.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id).Select(c => new object?[]
        {
            c.Id, regions[c.RegionId], c.BatchNumber, c.Title, c.Status.ToString(), c.OpensAt, c.ClosesAt, c.PublishedAt,
        })];
    }

    private async Task<IReadOnlyList<object?[]>> StatisticsAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        return [.. (await statistics.ComputeAsync(at, ct)).Select(f => new object?[] { f.Indicator, Indicators.Find(f.Indicator)!.Revision, f.Key, f.Value, at })];
    }

    public static byte[] Write(OpenDataset dataset, OpenDataFormat format) => format switch
    {
        OpenDataFormat.Csv => Csv(dataset),
        OpenDataFormat.Xlsx => Xlsx(dataset),
        _ => Json(dataset),
    };

    public static string ContentType(OpenDataFormat format) => format switch
    {
        OpenDataFormat.Csv => "text/csv; charset=utf-8",
        OpenDataFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>The text of a value in CSV and XLSX: ISO 8601 for instants and dates, invariant numbers.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static byte[] Csv(OpenDataset dataset)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', dataset.Fields.Select(f => f.Name)).Append("\r\n");
        foreach (var row in dataset.Rows)
        {
            text.AppendJoin(',', row.Select(v => Quote(Text(v)))).Append("\r\n");
        }

        // With a byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    private static byte[] Xlsx(OpenDataset dataset)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(dataset.Name);
        for (var c = 0; c < dataset.Fields.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = dataset.Fields[c].Name;
        }

        for (var r = 0; r < dataset.Rows.Count; r++)
        {
            for (var c = 0; c < dataset.Fields.Count; c++)
            {
                var value = dataset.Rows[r][c];
                var cell = sheet.Cell(r + 2, c + 1);
                if (value is int or long or decimal)
                {
                    cell.Value = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                }
                else
                {
                    cell.Value = Text(value);
                }
            }
        }

        var dictionary = workbook.AddWorksheet("dictionary");
        dictionary.Cell(1, 1).Value = "field";
        dictionary.Cell(1, 2).Value = "type";
        dictionary.Cell(1, 3).Value = "meaning";
        for (var i = 0; i < dataset.Fields.Count; i++)
        {
            dictionary.Cell(i + 2, 1).Value = dataset.Fields[i].Name;
            dictionary.Cell(i + 2, 2).Value = dataset.Fields[i].Type;
            dictionary.Cell(i + 2, 3).Value = dataset.Fields[i].Meaning(dataset.Name);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Json(OpenDataset dataset)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("dataset", dataset.Name);
            json.WriteStartArray("fields");
            foreach (var field in dataset.Fields)
            {
                json.WriteStartObject();
                json.WriteString("name", field.Name);
                json.WriteString("type", field.Type);
                json.WriteString("meaning", field.Meaning(dataset.Name));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in dataset.Rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < dataset.Fields.Count; c++)
                {
                    var name = dataset.Fields[c].Name;
                    switch (row[c])
                    {
                        case null:
                            json.WriteNull(name);
                            break;
                        case int or long or decimal:
                            json.WriteNumber(name, Convert.ToDecimal(row[c], CultureInfo.InvariantCulture));
                            break;
                        default:
                            json.WriteString(name, Text(row[c]));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
