using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

/// <summary>Which side of a match a party stands on.</summary>
public enum MatchParty
{
    /// <summary>The scenario's publisher (its organisation, or the region's working group).</summary>
    Scenario = 1,

    /// <summary>The solution's offering organisation.</summary>
    Solution = 2,
}

public enum MatchStatus
{
    /// <summary>One side has expressed interest; the other has not yet consented.</summary>
    Proposed = 1,

    /// <summary>Both sides consented: a match, with its private thread.</summary>
    Matched = 2,
}

public sealed record InterestExpressed(MatchParty By) : IDomainEvent;

public sealed record MatchFormed : IDomainEvent;

public sealed record MatchMessagePosted(Guid MessageId) : IDomainEvent;

/// <summary>The match became a joint application draft (联合申报).</summary>
public sealed record MatchApplied(Guid ProjectId) : IDomainEvent;

/// <summary>One message of a match's private thread.</summary>
public sealed record MatchMessage(Guid Id, DateTimeOffset At, string AuthorUserId, string AuthorName, string Text);

/// <summary>
/// A scenario and a solution on their way to working together: an expression of interest from
/// either side, and a match (对接成功) once both consented. The match has a private message thread
/// between the two organisations and the scenario's regional working group.
/// </summary>
public sealed class ScenarioMatch : IRecordsEvents
{
    public const int MaxMessageLength = 4000;
    public const int MaxMessages = 500;

    private readonly EventLog _events = new();

    private ScenarioMatch()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ScenarioId { get; private set; }

    public Guid SolutionId { get; private set; }

    /// <summary>The scenario's region: its working group follows the match.</summary>
    public int RegionId { get; private set; }

    /// <summary>The scenario's publishing organisation; null when its working group published it.</summary>
    public Guid? ScenarioOrganisationId { get; private set; }

    public Guid SolutionOrganisationId { get; private set; }

    public int SolutionRegionId { get; private set; }

    public DateTimeOffset? ScenarioConsentAt { get; private set; }

    public string? ScenarioConsentBy { get; private set; }

    public DateTimeOffset? SolutionConsentAt { get; private set; }

    public string? SolutionConsentBy { get; private set; }

    public MatchStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? MatchedAt { get; private set; }

    public IReadOnlyList<MatchMessage> Messages { get; private set; } = [];

    /// <summary>The joint application draft the match became, once it did (one per match).</summary>
    public Guid? ProjectId { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The first expression of interest, from <paramref name="by"/>'s side, on two published items.</summary>
    public static Result<ScenarioMatch> Propose(Scenario scenario, Solution solution, MatchParty by, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (scenario.Status != ScenarioStatus.Published || solution.Status != SolutionStatus.Published)
        {
            return new Error(ScenarioErrors.NotMatchable);
        }

        var match = new ScenarioMatch
        {
            Id = Guid.CreateVersion7(now),
            ScenarioId = scenario.Id,
            SolutionId = solution.Id,
            RegionId = scenario.RegionId,
            ScenarioOrganisationId = scenario.PublisherOrganisationId,
            SolutionOrganisationId = solution.OrganisationId,
            SolutionRegionId = solution.RegionId,
            Status = MatchStatus.Proposed,
            CreatedAt = now,
            Version = Guid.NewGuid(),
        };
        match.Consent(by, now, actorUserId).OrThrow();
        return match;
    }

    /// <summary>A side's consent; the second side's makes the match. A side consents once.</summary>
    public Result Consent(MatchParty by, DateTimeOffset now, string actorUserId)
    {
        if (!Enum.IsDefined(by))
        {
            return new Error(ScenarioErrors.WrongStatus);
        }

        if ((by == MatchParty.Scenario ? ScenarioConsentAt : SolutionConsentAt) is not null)
        {
            return new Error(ScenarioErrors.AlreadyConsented);
        }

        if (by == MatchParty.Scenario)
        {
            (ScenarioConsentAt, ScenarioConsentBy) = (now, actorUserId);
        }
        else
        {
            (SolutionConsentAt, SolutionConsentBy) = (now, actorUserId);
        }

        _events.Record(new InterestExpressed(by));
        if (ScenarioConsentAt is not null && SolutionConsentAt is not null)
        {
            Status = MatchStatus.Matched;
            MatchedAt = now;
            _events.Record(new MatchFormed());
        }

        Version = Guid.NewGuid();
        return Result.Ok();
    }

    /// <summary>A message in the match's private thread, once both sides consented.</summary>
    public Result<MatchMessage> Post(string text, string authorName, DateTimeOffset now, string actorUserId)
    {
        if (Status != MatchStatus.Matched)
        {
            return new Error(ScenarioErrors.WrongStatus);
        }

        var errors = Text.Required(text, "text", MaxMessageLength).ToArray();
        if (errors.Length > 0)
        {
            return Result<MatchMessage>.Fail(errors);
        }

        if (Messages.Count >= MaxMessages)
        {
            return new Error(ScenarioErrors.TooManyMessages, null, MaxMessages);
        }

        var message = new MatchMessage(Guid.CreateVersion7(now), now, actorUserId, authorName, text.Trim());
        Messages = [.. Messages, message];
        Version = Guid.NewGuid();
        _events.Record(new MatchMessagePosted(message.Id));
        return message;
    }

    /// <summary>Records the joint application draft the match became; a match becomes one application only.</summary>
    public Result BecameApplication(Guid projectId, DateTimeOffset now)
    {
        if (Status != MatchStatus.Matched)
        {
            return new Error(ScenarioErrors.WrongStatus);
        }

        if (ProjectId is not null)
        {
            return new Error(ScenarioErrors.AlreadyApplied);
        }

        (ProjectId, AppliedAt) = (projectId, now);
        Version = Guid.NewGuid();
        _events.Record(new MatchApplied(projectId));
        return Result.Ok();
    }
}
