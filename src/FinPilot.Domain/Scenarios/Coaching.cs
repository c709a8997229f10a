using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

public sealed record CoachAssigned : IDomainEvent;

public sealed record CoachingSessionRecorded(Guid SessionId) : IDomainEvent;

public sealed record CoachingFollowUpDone(Guid FollowUpId) : IDomainEvent;

/// <summary>
/// A follow-up action agreed at a session, due by a working-day deadline; owed by the organisations
/// coached, each as an obligation (<c>ObligationKind.CoachingFollowUp</c>, subject
/// <see cref="CoachingAssignment.FollowUpSubject"/>) until marked done.
/// </summary>
public sealed record CoachingFollowUp(Guid Id, string Text, DateTimeOffset DueAt, DateTimeOffset? DoneAt = null, string? DoneBy = null)
{
    public bool Done => DoneAt is not null;
}

/// <summary>
/// One coaching session: when, the topics, the notes (private to the working group and the coach) and
/// the follow-up actions agreed.
/// </summary>
public sealed record CoachingSession(Guid Id, DateOnly On, string Topics, string Notes, IReadOnlyList<CoachingFollowUp> FollowUps, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>
/// Coaching (培育辅导): a region's working group assigns an expert as coach to a match (both its
/// organisations) or to one solution provider, and the sessions are recorded. A coach is later
/// conflicted for evaluating an application of the organisations coached (<c>ConflictReason.CoachedParty</c>).
/// </summary>
public sealed class CoachingAssignment : IRecordsEvents
{
    public const int MaxTopicsLength = 500;
    public const int MaxNotesLength = 4000;
    public const int MaxFollowUps = 10;
    public const int MaxFollowUpLength = 500;
    public const int MaxSessions = 100;

    private readonly EventLog _events = new();

    private CoachingAssignment()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    public string CoachUserId { get; private set; } = string.Empty;

    /// <summary>The organisation coached (for a match: the solution's organisation).</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>For a match: the scenario's publishing organisation, coached too.</summary>
    public Guid? PartnerOrganisationId { get; private set; }

    public Guid? MatchId { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public string AssignedBy { get; private set; } = string.Empty;

    public IReadOnlyList<CoachingSession> Sessions { get; private set; } = [];

    public Guid Version { get; private set; }

    /// <summary>The organisations coached.</summary>
    public IEnumerable<Guid> Parties => PartnerOrganisationId is { } p ? [OrganisationId, p] : [OrganisationId];

    public static CoachingAssignment Assign(int regionId, string coachUserId, Guid organisationId, Guid? partnerOrganisationId, Guid? matchId, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coachUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var assignment = new CoachingAssignment
        {
            Id = Guid.CreateVersion7(now),
            RegionId = regionId,
            CoachUserId = coachUserId,
            OrganisationId = organisationId,
            PartnerOrganisationId = partnerOrganisationId == organisationId ? null : partnerOrganisationId,
            MatchId = matchId,
            AssignedAt = now,
            AssignedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        assignment._events.Record(new CoachAssigned());
        return assignment;
    }

    /// <summary>Every follow-up of every session, in the order agreed.</summary>
    public IEnumerable<(CoachingSession Session, CoachingFollowUp FollowUp)> FollowUps =>
        Sessions.SelectMany(s => s.FollowUps.Select(f => (s, f)));

    /// <summary>The obligation subject of a follow-up owed by one organisation coached: "{follow-up id:N}:{organisation id:N}".</summary>
    public static string FollowUpSubject(Guid followUpId, Guid organisationId) => $"{followUpId:N}:{organisationId:N}";

    /// <summary>Marks a follow-up done (once); its obligations are then fulfilled by the caller.</summary>
    public Result<CoachingFollowUp> CompleteFollowUp(Guid followUpId, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var found = FollowUps.FirstOrDefault(x => x.FollowUp.Id == followUpId);
        if (found.FollowUp is not { } followUp)
        {
            return new Error(ScenarioErrors.CoachingFollowUpNotFound);
        }

        if (followUp.Done)
        {
            return new Error(ScenarioErrors.CoachingFollowUpDone);
        }

        var done = followUp with { DoneAt = now, DoneBy = actorUserId };
        Sessions = [.. Sessions.Select(s => s.Id != found.Session.Id ? s : s with { FollowUps = [.. s.FollowUps.Select(f => f.Id == followUpId ? done : f)] })];
        Version = Guid.NewGuid();
        _events.Record(new CoachingFollowUpDone(followUpId));
        return done;
    }

    /// <summary>Records a session; each follow-up gets its due time from the caller (working days on the calendar).</summary>
    public Result<CoachingSession> Record(DateOnly on, string? topics, string? notes, IReadOnlyList<(string Text, DateTimeOffset DueAt)> followUps, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        var errors = Text.Required(topics, "topics", MaxTopicsLength).Concat(Text.Optional(notes, "notes", MaxNotesLength)).ToList();
        if (followUps.Count > MaxFollowUps || followUps.Any(f => string.IsNullOrWhiteSpace(f.Text) || f.Text.Length > MaxFollowUpLength))
        {
            errors.Add(new Error(ScenarioErrors.CoachingFollowUpsInvalid, "followUps", MaxFollowUps));
        }

        if (Sessions.Count >= MaxSessions)
        {
            errors.Add(new Error(ScenarioErrors.CoachingFollowUpsInvalid, null, MaxSessions));
        }

        if (errors.Count > 0)
        {
            return Result<CoachingSession>.Fail([.. errors]);
        }

        var session = new CoachingSession(
            Guid.CreateVersion7(now), on, topics!.Trim(), notes?.Trim() ?? string.Empty,
            [.. followUps.Select(f => new CoachingFollowUp(Guid.CreateVersion7(now), f.Text.Trim(), f.DueAt))], now, actorUserId);
        Sessions = [.. Sessions, session];
        Version = Guid.NewGuid();
        _events.Record(new CoachingSessionRecorded(session.Id));
        return session;
    }
}
