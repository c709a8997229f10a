using System.Globalization;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using FinPilot.Domain.Common;
using FinPilot.Domain.Metrics;
using FinPilot.Domain.Supervision;

namespace FinPilot.Web.Features.Metrics;

/// <summary>
/// One event of a submission as read: its position, id and source (when it had them), and either
/// the reading or the reason it could not be read. <see cref="Literals"/> are the fields as sent,
/// which the receipt's canonical bytes are made of.
/// </summary>
public sealed record ReadEvent(int Index, string? Id, string? Source, MetricReading? Reading, Error? Error, ReceiptLiterals? Literals);

/// <summary>The fields of an event exactly as sent (the receipt hashes these, so a client can recompute it).</summary>
public sealed record ReceiptLiterals(string Source, string Id, string Metric, string Value, string PeriodStart, string PeriodEnd, string Time);

/// <summary>
/// Reads CloudEvents 1.0 in JSON — one structured event (<c>application/cloudevents+json</c>) or a
/// batch (<c>application/cloudevents-batch+json</c>) — with the CNCF SDK, one event at a time, so
/// that a malformed event is refused alone. The data of an event is
/// <c>{ "metric": code, "value": number, "periodStart": "yyyy-MM-dd", "periodEnd": "yyyy-MM-dd", "unit"?: text }</c>.
/// </summary>
public static class MetricEventReader
{
    public const string StructuredMediaType = "application/cloudevents+json";
    public const string BatchMediaType = "application/cloudevents-batch+json";

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The events of the body; null when the body is not JSON of the expected shape (an array for a batch, an object otherwise).</summary>
    public static IReadOnlyList<ReadEvent>? Read(ReadOnlyMemory<byte> body, bool batch, int maxEvents, out int count)
    {
        count = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (batch != (root.ValueKind == JsonValueKind.Array) || (!batch && root.ValueKind != JsonValueKind.Object))
            {
                return null;
            }

            count = batch ? root.GetArrayLength() : 1;
            if (count > maxEvents)
            {
                return [];
            }

            var events = new List<ReadEvent>(count);
            if (batch)
            {
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    events.Add(ReadOne(index++, element));
                }
            }
            else
            {
                events.Add(ReadOne(0, root));
            }

            return events;
        }
    }

    private static ReadEvent ReadOne(int index, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ReadEvent(index, null, null, null, new Error(MetricsErrors.EventMalformed), null);
        }

        var id = StringMember(element, "id");
        var source = StringMember(element, "source");
        if (string.IsNullOrEmpty(id))
        {
            return new ReadEvent(index, null, source, null, new Error(MetricsErrors.IdMissing, "id"), null);
        }

        if (string.IsNullOrEmpty(source))
        {
            return new ReadEvent(index, id, null, null, new Error(MetricsErrors.SourceMissing, "source"), null);
        }

        if (id.Length > MetricSample.MaxEventIdLength || source.Length > MetricSample.MaxSourceLength)
        {
            return new ReadEvent(index, Clip(id), Clip(source), null, new Error(MetricsErrors.TooLong, id.Length > MetricSample.MaxEventIdLength ? "id" : "source", MetricSample.MaxEventIdLength), null);
        }

        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.ConvertFromJsonElement(element, null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            return new ReadEvent(index, id, source, null, new Error(MetricsErrors.EventMalformed), null);
        }

        if (cloudEvent.Data is not JsonElement { ValueKind: JsonValueKind.Object } data)
        {
            return new ReadEvent(index, id, source, null, new Error(MetricsErrors.DataInvalid, "data", "data"), null);
        }

        if (StringMember(data, "metric") is not { Length: > 0 } metric)
        {
            return new ReadEvent(index, id, source, null, new Error(MetricsErrors.DataInvalid, "data.metric", "metric"), null);
        }

        if (!data.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return new ReadEvent(index, id, source, null, new Error(MetricsErrors.ValueNotNumber, "data.value", metric), null);
        }

        var periodStartText = StringMember(data, "periodStart");
        var periodEndText = StringMember(data, "periodEnd");
        if (!TryDate(periodStartText, out var periodStart) || !TryDate(periodEndText, out var periodEnd))
        {
            return new ReadEvent(index, id, source, null, new Error(MetricsErrors.PeriodInvalid, "data.periodStart"), null);
        }

        string? unit = null;
        if (data.TryGetProperty("unit", out var unitElement) && unitElement.ValueKind != JsonValueKind.Null)
        {
            if (unitElement.ValueKind != JsonValueKind.String)
            {
                return new ReadEvent(index, id, source, null, new Error(MetricsErrors.DataInvalid, "data.unit", "unit"), null);
            }

            unit = unitElement.GetString();
        }

        var reading = new MetricReading(cloudEvent.Type ?? string.Empty, cloudEvent.DataSchema?.OriginalString, cloudEvent.Time, metric, number, unit, periodStart, periodEnd);
        var literals = new ReceiptLiterals(source, id, metric, value.GetRawText(), periodStartText!, periodEndText!, StringMember(element, "time") ?? string.Empty);
        return new ReadEvent(index, id, source, reading, null, literals);
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Clip(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
