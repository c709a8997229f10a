namespace FinPilot.Web.Features.Calls;

/// <summary>An organisation asks to be told when a region publishes a call; its applicants get the notice.</summary>
public sealed class CallSubscription
{
    private CallSubscription()
    {
    }

    public Guid OrganisationId { get; private set; }

    public int RegionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public static CallSubscription For(Guid organisationId, int regionId, DateTimeOffset now, string createdBy) => new()
    {
        OrganisationId = organisationId,
        RegionId = regionId,
        CreatedAt = now,
        CreatedBy = createdBy,
    };
}

/// <summary>The audit codes of the calls module, and the kinds of its public records.</summary>
public static class CallActions
{
    public const string Created = "call.created";
    public const string Updated = "call.updated";
    public const string Published = "call.published";
    public const string Corrected = "call.corrected";
    public const string Closed = "call.closed";
    public const string Archived = "call.archived";
    public const string Subscribed = "call.subscribed";
    public const string Unsubscribed = "call.unsubscribed";

    /// <summary>Kinds of public record (the ledger appends them by these names).</summary>
    public const string RecordPublished = "Call.Published";
    public const string RecordCorrected = "Call.Corrected";
    public const string RecordClosed = "Call.Closed";

    /// <summary>Every kind of a call's public record, for finding the records of one call.</summary>
    public static readonly IReadOnlyList<string> RecordKinds = [RecordPublished, RecordCorrected, RecordClosed];
}
