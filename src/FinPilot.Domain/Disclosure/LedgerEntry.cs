using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// What the transparency log (监管链) holds for one public record: a small canonical JSON document
/// naming the record (its sequence number, kind, region, subject and project), when it was made,
/// the SHA-256 of the record's canonical payload, and the site-relative page that shows it.
/// The log hashes these bytes as an RFC 6962 leaf; the payload itself stays in the database, so
/// altering a stored record no longer matches <see cref="ContentSha256"/>.
/// </summary>
public sealed record LedgerEntry(
    long Record,
    string Kind,
    string Region,
    string Subject,
    Guid? Project,
    DateTimeOffset At,
    string ContentSha256,
    string Link)
{
    /// <summary>The largest entry the log accepts; tile entry bundles allow 65,535 bytes.</summary>
    public const int MaxBytes = 4096;

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The entry for a record as written by <see cref="PublicRecord"/>.</summary>
    public static LedgerEntry For(long sequence, PublicRecord record, string regionCode, Guid? project, string link) =>
        new(sequence, record.Kind, regionCode, record.SubjectId, project, record.At.ToUniversalTime(), ContentHashOf(record.Payload), link);

    /// <summary>Lower-case hex SHA-256 of a payload's canonical JSON, so re-spacing the JSON changes nothing.</summary>
    public static string ContentHashOf(string payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(payload))));

    /// <summary>
    /// The bytes the log hashes: this entry as canonical JSON in UTF-8, written directly in the
    /// canonical key order (the same bytes as <c>CanonicalJson.ToUtf8Bytes(this)</c>, which a test
    /// pins, without serialising and parsing it again: the ledger writes tens of thousands a second).
    /// </summary>
    public byte[] ToBytes()
    {
        var json = new StringBuilder(256);
        json.Append("{\"at\":");
        CanonicalJson.AppendString(CanonicalJson.Instant(At), json);
        json.Append(",\"contentSha256\":");
        CanonicalJson.AppendString(ContentSha256, json);
        json.Append(",\"kind\":");
        CanonicalJson.AppendString(Kind, json);
        json.Append(",\"link\":");
        CanonicalJson.AppendString(Link, json);
        if (Project is { } project)
        {
            json.Append(",\"project\":");
            CanonicalJson.AppendString(project.ToString("D"), json);
        }

        json.Append(",\"record\":").Append(Record.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.Append(",\"region\":");
        CanonicalJson.AppendString(Region, json);
        json.Append(",\"subject\":");
        CanonicalJson.AppendString(Subject, json);
        json.Append('}');
        return CanonicalJson.Utf8Bytes(json.ToString());
    }

    /// <summary>Reads an entry back from logged bytes; null when they are not one.</summary>
    public static LedgerEntry? TryParse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<LedgerEntry>(bytes, ReadOptions);
            return entry is { Kind: not null, Region: not null, Subject: not null, ContentSha256: not null, Link: not null } ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
