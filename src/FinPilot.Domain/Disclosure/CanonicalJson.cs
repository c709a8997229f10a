using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// JSON written one way only, so that the same content always gives the same bytes and a hash
/// of a public record can be checked by anyone: object keys sorted by UTF-16 code unit (as
/// RFC 8785 does), no whitespace between tokens, UTF-8 without a byte order mark, and only the
/// characters JSON requires escaped (quote, backslash, controls; everything else as itself).
/// </summary>
/// <remarks>
/// Objects are serialised with System.Text.Json: camelCase property names (dictionary keys as
/// given), null properties left out, enums by name, instants in UTC as
/// <c>2026-09-30T02:00:00Z</c> (fractions only when there are any). Numbers are written as
/// serialised, except that zeros trailing a decimal point are dropped (<c>1.50</c> → <c>1.5</c>,
/// <c>2.0</c> → <c>2</c>) and <c>-0</c> is <c>0</c>; payloads should prefer integers and strings,
/// which have one spelling.
/// </remarks>
public static class CanonicalJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new UtcInstantConverter() },
    };

    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    public static string Write(object? value) => Canonical(JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), Options));

    /// <summary>The canonical JSON of <paramref name="value"/> as UTF-8 bytes: what a hash is taken of.</summary>
    public static byte[] ToUtf8Bytes(object? value) => Utf8.GetBytes(Write(value));

    /// <summary>Rewrites any JSON text canonically; refuses duplicate keys, whose meaning JSON leaves open.</summary>
    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Canonical(Utf8.GetBytes(json));
    }

    /// <summary>Appends a JSON string as this canonical form writes it (only quote, backslash and controls escaped).</summary>
    public static void AppendString(string value, StringBuilder output) => WriteString(value, output);

    /// <summary>An instant as this canonical form writes it: UTC, fractions only when there are any.</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Canonical text as the UTF-8 bytes a hash is taken of (refusing lone surrogates, as every write here does).</summary>
    public static byte[] Utf8Bytes(string canonical) => Utf8.GetBytes(canonical);

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static string Canonical(byte[] utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var builder = new StringBuilder(utf8Json.Length);
        WriteElement(document.RootElement, builder);
        return builder.ToString();
    }

    private static void WriteElement(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                output.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        if (string.Equals(properties[i - 1].Name, properties[i].Name, StringComparison.Ordinal))
                        {
                            throw new JsonException($"Duplicate key \"{properties[i].Name}\".");
                        }

                        output.Append(',');
                    }

                    WriteString(properties[i].Name, output);
                    output.Append(':');
                    WriteElement(properties[i].Value, output);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    WriteElement(item, output);
                    first = false;
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                output.Append(Number(element.GetRawText()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }

        output.Append('"');
    }

    private static string Number(string raw)
    {
        if (raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            raw = raw.TrimEnd('0').TrimEnd('.');
        }

        return raw == "-0" ? "0" : raw;
    }

    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Instant(value));
    }
}
