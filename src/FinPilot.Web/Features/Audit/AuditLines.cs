using System.Globalization;
using FinPilot.Web.Features.Applications;

namespace FinPilot.Web.Features.Audit;

/// <summary>
/// The audit lines of records that are no aggregate and record no events (a token, a role grant,
/// a calendar day, a checklist, a file, a subscription, a read): one builder per kind of record, so
/// that a use case names the record, not the resource type or the format of its id. Aggregates do
/// not use these: their lines come from their events (<see cref="AuditMap{TAggregate}"/>).
/// </summary>
public static class AuditLines
{
    /// <summary>About a project, for what is not a move of the project (a saved version, a file, a checklist, a question).</summary>
    public static AuditLine Project(string action, Guid projectId, int? regionId, object? details = null) =>
        new(action, AuditResource.Project, projectId.ToString(), details, regionId);

    /// <summary>About one entry of the reference lists (scenario or technology), named <c>Kind:code</c>.</summary>
    public static AuditLine ReferenceItem(string action, ReferenceKind kind, string code, object? details = null) =>
        new(action, AuditResource.ReferenceItem, $"{kind}:{code}", details);

    /// <summary>About a user account or its role grants.</summary>
    public static AuditLine User(string action, string userId, object? details = null, int? regionId = null, string? actorName = null) =>
        new(action, AuditResource.User, userId, details, regionId, actorName);

    public static AuditLine ApiToken(string action, Guid tokenId, object? details = null) =>
        new(action, AuditResource.ApiToken, tokenId.ToString(), details);

    /// <summary>About one day of the working calendar, named by its ISO date.</summary>
    public static AuditLine CalendarDay(string action, DateOnly date, object? details = null) =>
        new(action, AuditResource.CalendarDay, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), details);

    /// <summary>About whole years of the working calendar, named by the years, comma-separated.</summary>
    public static AuditLine Calendar(string action, IEnumerable<int> years, object? details = null) =>
        new(action, AuditResource.Calendar, string.Join(",", years), details);

    /// <summary>About an evaluation round, for records of it that are no change of the round (a pair rule, a consensus, a removal, an export).</summary>
    public static AuditLine EvaluationRound(string action, Guid roundId, int regionId, object? details = null) =>
        new(action, AuditResource.EvaluationRound, roundId.ToString(), details, regionId);

    /// <summary>About an expert's profile or conflict declarations.</summary>
    public static AuditLine Expert(string action, string userId, object? details = null) =>
        new(action, AuditResource.Expert, userId, details);

    /// <summary>About the integrity report as a whole (who read it).</summary>
    public static AuditLine Integrity(string action) => new(action, AuditResource.Integrity, null);

    /// <summary>About a meeting, for what is no change of it (its minutes read out).</summary>
    public static AuditLine Meeting(string action, Guid meetingId, object? details = null) =>
        new(action, AuditResource.Meeting, meetingId.ToString(), details);

    /// <summary>About an organisation's records that are not the organisation itself (its subscriptions).</summary>
    public static AuditLine Organisation(string action, Guid organisationId, object? details = null, int? regionId = null) =>
        new(action, AuditResource.Organisation, organisationId.ToString(), details, regionId);
}
