namespace FinPilot.Domain.Disclosure;

/// <summary>
/// The one shape of a public record: something disclosed or decided that the transparency log
/// will append. <paramref name="Kind"/> is a stable dotted name (for example
/// <c>Disclosure.NoticePublished</c>), <paramref name="SubjectId"/> the id of what it is about,
/// <paramref name="Payload"/> the content as canonical JSON (<see cref="CanonicalJson"/>), so the
/// same content always gives the same bytes to hash.
/// </summary>
public sealed record PublicRecord(string Kind, string SubjectId, DateTimeOffset At, string Payload)
{
    /// <summary>A record whose payload is <paramref name="content"/> written as canonical JSON.</summary>
    public static PublicRecord Create(string kind, string subjectId, DateTimeOffset at, object? content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return new PublicRecord(kind, subjectId, at.ToUniversalTime(), CanonicalJson.Write(content));
    }
}
