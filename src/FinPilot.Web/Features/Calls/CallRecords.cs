using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Disclosure;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// A call's public records: what the public sees of it when it is published, corrected or closed
/// by a person, written into the caller's unit of work so that the ledger logs it. A record about a
/// call names no project; its page is the call's page.
/// </summary>
/// <remarks>
/// Closing by itself at the close time is not recorded: that instant is already in the record
/// that published or last corrected the call.
/// </remarks>
public static class CallRecords
{
    /// <summary>The call's public page, the link of its records and notifications.</summary>
    public static string PageOf(Guid callId) => $"/calls/{callId}";

    /// <summary>发布: the call as published.</summary>
    public static void WriteCallPublished(this PublicRecordWriter records, Call call) =>
        Write(records, call, CallActions.RecordPublished, call.PublishedAt ?? throw NotYet(call, nameof(Call.PublishedAt)), ContentOf(call));

    /// <summary>更正: the call as corrected, with the newest correction's note and the fields it changed.</summary>
    public static void WriteCallCorrected(this PublicRecordWriter records, Call call)
    {
        var correction = call.Corrections.Count > 0 ? call.Corrections[^1] : throw NotYet(call, nameof(Call.Corrections));
        Write(records, call, CallActions.RecordCorrected, correction.At, ContentOf(call) with { Note = correction.Note, ChangedFields = correction.ChangedFields });
    }

    /// <summary>截止: the call was closed by a person, early if before its close time.</summary>
    public static void WriteCallClosed(this PublicRecordWriter records, Call call)
    {
        var closedAt = call.ClosedAt ?? throw NotYet(call, nameof(Call.ClosedAt));
        Write(records, call, CallActions.RecordClosed, closedAt, new { call.Id, call.RegionId, call.BatchNumber, call.Title, call.OpensAt, call.ClosesAt, closedAt });
    }

    private static void Write(PublicRecordWriter records, Call call, string kind, DateTimeOffset at, object content) =>
        records.Write(PublicRecord.Create(kind, call.Id.ToString(), at, content), call.RegionId, PageOf(call.Id));

    private static CallContent ContentOf(Call c) => new(
        c.Id, c.RegionId, c.BatchNumber, c.Title, c.BodyHtml, c.Directions, c.EligibleTypes, c.OpensAt, c.ClosesAt, c.Materials, c.Contact, c.PublishedAt);

    private static InvalidOperationException NotYet(Call call, string what) => new($"Call {call.Id} has no {what} to record yet.");

    /// <summary>What a reader sees of a call (the page shows the same); a correction adds its note and changed fields.</summary>
    private sealed record CallContent(
        Guid Id, int RegionId, int BatchNumber, string Title, string BodyHtml, IReadOnlyList<string> Directions,
        IReadOnlyList<OrganisationType> EligibleTypes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<string> Materials,
        string Contact, DateTimeOffset? PublishedAt)
    {
        public string? Note { get; init; }

        public IReadOnlyList<string>? ChangedFields { get; init; }
    }
}
