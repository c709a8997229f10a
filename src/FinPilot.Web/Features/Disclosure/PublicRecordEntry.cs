using FinPilot.Domain.Disclosure;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// A public record as stored: every notice, resolution and admission, in the order written. The
/// sequence is what the transparency log (ledger issue) will append in; the payload is canonical
/// JSON, so the bytes to hash never depend on how the record is read back.
/// </summary>
public sealed class PublicRecordEntry
{
    public long Sequence { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Payload { get; set; } = "{}";

    /// <summary>The region whose decision or disclosure this is; null for the national level's records and those written before the ledger.</summary>
    public int? RegionId { get; set; }

    /// <summary>The one project the record is about, if it is about one.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>The site-relative page that shows the record to the public.</summary>
    public string Link { get; set; } = string.Empty;

    public static PublicRecordEntry From(PublicRecord record, int? regionId, Guid? projectId, string link) => new()
    {
        Kind = record.Kind,
        SubjectId = record.SubjectId,
        At = record.At,
        Payload = record.Payload,
        RegionId = regionId,
        ProjectId = projectId,
        Link = link,
    };
}

/// <summary>One line of a project's public timeline in the register.</summary>
public sealed class PublicEventRecord
{
    public const int MaxTitleLength = 300;

    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public int RegionId { get; set; }

    public PublicEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public string TitleZh { get; set; } = string.Empty;

    public string? TitleEn { get; set; }

    public string Link { get; set; } = string.Empty;

    /// <summary>The public record this line tells of, whose ledger entry the register links to for verification.</summary>
    public long? RecordSequence { get; set; }

    public PublicRecordEntry? Record { get; set; }
}

/// <summary>When a client (a hashed network address) last sent a public comment or objection, for the rate limit.</summary>
public sealed class PublicSubmissionLog
{
    public long Id { get; set; }

    public string ClientKey { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
