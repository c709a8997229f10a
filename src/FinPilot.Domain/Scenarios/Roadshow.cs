using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

/// <summary>Where a registration stands: a seat, a place on the waiting list, or given up.</summary>
public enum RoadshowSeat
{
    Confirmed = 1,
    Waiting = 2,
    Withdrawn = 3,
}

public sealed record RoadshowCreated : IDomainEvent;

public sealed record RoadshowPanelSet : IDomainEvent;

public sealed record RoadshowRegistered(Guid RegistrationId, RoadshowSeat Seat) : IDomainEvent;

public sealed record RoadshowWithdrawn(Guid RegistrationId, Guid? PromotedRegistrationId) : IDomainEvent;

public sealed record RoadshowScored(Guid RegistrationId, string ExpertId) : IDomainEvent;

public sealed record RoadshowResultsReleased : IDomainEvent;

/// <summary>One criterion of a roadshow's rubric: a name and its weight (the weights add up to 100).</summary>
public sealed record RoadshowCriterion(string Name, int Weight);

/// <summary>One panellist's scores (0–100, one per criterion, in the rubric's order) for one presentation.</summary>
public sealed record RoadshowScore(Guid RegistrationId, string ExpertId, IReadOnlyList<int> Scores, DateTimeOffset At);

/// <summary>A presentation's result: the mean of its panellists' weighted totals and its rank (1 = best; ties share a rank).</summary>
public sealed record RoadshowResult(Guid RegistrationId, Guid OrganisationId, decimal? Total, int Sheets, int? Rank);

/// <summary>A withdrawal: the registration withdrawn and the one that moved up into the freed seat, if any.</summary>
public sealed record RoadshowWithdrawal(RoadshowRegistration Withdrawn, RoadshowRegistration? Promoted);

/// <summary>A solution provider's registration to present one published solution.</summary>
public sealed class RoadshowRegistration
{
    private RoadshowRegistration()
    {
    }

    internal RoadshowRegistration(Guid id, Guid solutionId, Guid organisationId, Guid? matchId, RoadshowSeat seat, DateTimeOffset at, string by)
    {
        (Id, SolutionId, OrganisationId, MatchId, Seat, RegisteredAt, RegisteredBy) = (id, solutionId, organisationId, matchId, seat, at, by);
    }

    public Guid Id { get; private set; }

    public Guid SolutionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The match presenting, when the solution presents with a scenario's publisher.</summary>
    public Guid? MatchId { get; private set; }

    public RoadshowSeat Seat { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    /// <summary>When it moved up from the waiting list to a seat.</summary>
    public DateTimeOffset? PromotedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    internal void Withdraw(DateTimeOffset at) => (Seat, WithdrawnAt) = (RoadshowSeat.Withdrawn, at);

    internal void Promote(DateTimeOffset at) => (Seat, PromotedAt) = (RoadshowSeat.Confirmed, at);
}

/// <summary>A panellist (an expert) of a roadshow.</summary>
public sealed class RoadshowPanellist
{
    private RoadshowPanellist()
    {
    }

    public RoadshowPanellist(string expertId) => ExpertId = expertId;

    public string ExpertId { get; private set; } = string.Empty;
}

/// <summary>What a roadshow's organiser writes.</summary>
public sealed record RoadshowInput(string? Title, DateTimeOffset StartsAt, string? Place, int Capacity, IReadOnlyList<Guid>? ScenarioIds, IReadOnlyList<RoadshowCriterion>? Criteria);

/// <summary>
/// A roadshow (路演): an event of a region's working group (or the coordination group's, nationally)
/// where solution providers present their published solutions to a scoring panel. Seats up to the
/// capacity, then a waiting list that moves up in order when someone withdraws; the panel scores
/// each presentation on the rubric (weighted 0–100); the organiser releases the results, after which
/// nothing changes.
/// </summary>
public sealed class Roadshow : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 500;
    public const int MaxCapacity = 200;
    public const int MaxPanel = 15;
    public const int MaxCriteria = 10;
    public const int MaxCriterionLength = 100;
    public const int MaxRegistrations = 500;
    public const int MaxScore = 100;

    private readonly EventLog _events = new();
    private readonly List<RoadshowRegistration> _registrations = [];
    private readonly List<RoadshowPanellist> _panel = [];

    private Roadshow()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    /// <summary>The organising working group's region; null for a national roadshow of the coordination group.</summary>
    public int? RegionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The place, or the link of an online roadshow.</summary>
    public string Place { get; private set; } = string.Empty;

    public int Capacity { get; private set; }

    /// <summary>The scenarios it covers; empty for any.</summary>
    public IReadOnlyList<Guid> ScenarioIds { get; private set; } = [];

    public IReadOnlyList<RoadshowCriterion> Criteria { get; private set; } = [];

    public IReadOnlyList<RoadshowRegistration> Registrations => _registrations;

    public IReadOnlyList<RoadshowPanellist> Panel => _panel;

    public IReadOnlyList<RoadshowScore> Scores { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? ReleasedAt { get; private set; }

    public Guid Version { get; private set; }

    public static IReadOnlyList<RoadshowCriterion> DefaultCriteria { get; } =
    [
        new("创新性 Innovation", 30), new("可行性 Feasibility", 30), new("场景契合度 Fit to the scenario", 25), new("风险控制 Risk control", 15),
    ];

    public static Result<Roadshow> Create(int? regionId, RoadshowInput input, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(input, now).ToArray();
        if (errors.Length > 0)
        {
            return Result<Roadshow>.Fail(errors);
        }

        var roadshow = new Roadshow
        {
            Id = Guid.CreateVersion7(now),
            RegionId = regionId,
            Title = input.Title!.Trim(),
            StartsAt = input.StartsAt,
            Place = input.Place!.Trim(),
            Capacity = input.Capacity,
            ScenarioIds = [.. (input.ScenarioIds ?? []).Distinct()],
            Criteria = input.Criteria is { Count: > 0 } c ? [.. c.Select(x => x with { Name = x.Name.Trim() })] : DefaultCriteria,
            CreatedAt = now,
            CreatedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        roadshow._events.Record(new RoadshowCreated());
        return roadshow;
    }

    /// <summary>The scoring panel, replaced whole before any score; experts checked for conflicts by the caller.</summary>
    public Result SetPanel(IReadOnlyCollection<string> expertIds)
    {
        ArgumentNullException.ThrowIfNull(expertIds);
        if (ReleasedAt is not null || Scores.Count > 0)
        {
            return new Error(ScenarioErrors.RoadshowClosed);
        }

        var ids = expertIds.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Count > MaxPanel)
        {
            return new Error(ScenarioErrors.RoadshowPanelInvalid, "expertIds", MaxPanel);
        }

        _panel.Clear();
        _panel.AddRange(ids.Select(i => new RoadshowPanellist(i)));
        Version = Guid.NewGuid();
        _events.Record(new RoadshowPanelSet());
        return Result.Ok();
    }

    public bool OnPanel(string expertId) => _panel.Any(p => string.Equals(p.ExpertId, expertId, StringComparison.Ordinal));

    /// <summary>Registers a published solution: a seat while there is one, else the waiting list. Once per solution.</summary>
    public Result<RoadshowRegistration> Register(Solution solution, Guid? matchId, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(solution);
        if (ReleasedAt is not null || now >= StartsAt)
        {
            return new Error(ScenarioErrors.RoadshowClosed);
        }

        if (solution.Status != SolutionStatus.Published)
        {
            return new Error(ScenarioErrors.NotMatchable, "solutionId");
        }

        if (_registrations.Any(r => r.SolutionId == solution.Id && r.Seat != RoadshowSeat.Withdrawn))
        {
            return new Error(ScenarioErrors.RoadshowAlreadyRegistered, "solutionId");
        }

        if (_registrations.Count >= MaxRegistrations)
        {
            return new Error(ScenarioErrors.RoadshowFull, null, MaxRegistrations);
        }

        var seat = SeatsTaken < Capacity ? RoadshowSeat.Confirmed : RoadshowSeat.Waiting;
        var registration = new RoadshowRegistration(Guid.CreateVersion7(now), solution.Id, solution.OrganisationId, matchId, seat, now, actorUserId);
        _registrations.Add(registration);
        Version = Guid.NewGuid();
        _events.Record(new RoadshowRegistered(registration.Id, seat));
        return registration;
    }

    public int SeatsTaken => _registrations.Count(r => r.Seat == RoadshowSeat.Confirmed);

    /// <summary>The waiting list in order: who registered first moves up first.</summary>
    public IReadOnlyList<RoadshowRegistration> WaitingList =>
        [.. _registrations.Where(r => r.Seat == RoadshowSeat.Waiting).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)];

    /// <summary>Withdraws a registration; a freed seat goes to the first on the waiting list, which is returned.</summary>
    public Result<RoadshowWithdrawal> Withdraw(Guid registrationId, DateTimeOffset now)
    {
        var registration = _registrations.SingleOrDefault(r => r.Id == registrationId);
        if (registration is null || registration.Seat == RoadshowSeat.Withdrawn)
        {
            return new Error(ScenarioErrors.RoadshowRegistrationNotFound);
        }

        if (ReleasedAt is not null || Scores.Any(s => s.RegistrationId == registrationId))
        {
            return new Error(ScenarioErrors.RoadshowClosed);
        }

        var freed = registration.Seat == RoadshowSeat.Confirmed;
        registration.Withdraw(now);
        var promoted = freed && now < StartsAt && WaitingList is [var first, ..] ? first : null;
        promoted?.Promote(now);
        Version = Guid.NewGuid();
        _events.Record(new RoadshowWithdrawn(registrationId, promoted?.Id));
        return new RoadshowWithdrawal(registration, promoted);
    }

    /// <summary>A panellist's scores for a presentation with a seat; scoring again replaces the sheet, until the results are released.</summary>
    public Result Score(Guid registrationId, string expertId, IReadOnlyList<int> scores, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (ReleasedAt is not null)
        {
            return new Error(ScenarioErrors.RoadshowClosed);
        }

        if (!OnPanel(expertId))
        {
            return new Error(ScenarioErrors.RoadshowNotOnPanel);
        }

        if (_registrations.SingleOrDefault(r => r.Id == registrationId) is not { Seat: RoadshowSeat.Confirmed })
        {
            return new Error(ScenarioErrors.RoadshowRegistrationNotFound, "registrationId");
        }

        if (scores.Count != Criteria.Count || scores.Any(s => s is < 0 or > MaxScore))
        {
            return new Error(ScenarioErrors.RoadshowScoresInvalid, "scores", Criteria.Count, MaxScore);
        }

        Scores = [.. Scores.Where(s => !(s.RegistrationId == registrationId && string.Equals(s.ExpertId, expertId, StringComparison.Ordinal))),
            new RoadshowScore(registrationId, expertId, [.. scores], now)];
        Version = Guid.NewGuid();
        _events.Record(new RoadshowScored(registrationId, expertId));
        return Result.Ok();
    }

    /// <summary>Releases the results to the presenters: at least one presentation scored.</summary>
    public Result Release(DateTimeOffset now)
    {
        if (ReleasedAt is not null)
        {
            return new Error(ScenarioErrors.RoadshowClosed);
        }

        if (Scores.Count == 0)
        {
            return new Error(ScenarioErrors.RoadshowNothingScored);
        }

        ReleasedAt = now;
        Version = Guid.NewGuid();
        _events.Record(new RoadshowResultsReleased());
        return Result.Ok();
    }

    /// <summary>One panellist's weighted total (0–100, two decimals).</summary>
    public decimal Total(RoadshowScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var weights = Criteria.Sum(c => c.Weight);
        return weights == 0 ? 0 : Math.Round(Criteria.Select((c, i) => (decimal)c.Weight * score.Scores[i]).Sum() / weights, 2);
    }

    /// <summary>The ranked results of every presentation with a seat: best mean total first; unscored ones last, unranked.</summary>
    public IReadOnlyList<RoadshowResult> Results()
    {
        var rows = _registrations.Where(r => r.Seat == RoadshowSeat.Confirmed).Select(r =>
        {
            var sheets = Scores.Where(s => s.RegistrationId == r.Id).ToList();
            decimal? total = sheets.Count == 0 ? null : Math.Round(sheets.Average(Total), 2);
            return (r, total, sheets.Count);
        }).OrderByDescending(x => x.total ?? -1).ThenBy(x => x.r.RegisteredAt).ToList();
        return [.. rows.Select(x => new RoadshowResult(
            x.r.Id, x.r.OrganisationId, x.total, x.Count, x.total is { } t ? 1 + rows.Count(o => o.total > t) : null))];
    }

    private static IEnumerable<Error> Validate(RoadshowInput input, DateTimeOffset now)
    {
        foreach (var e in Text.Required(input.Title, "title", MaxTitleLength))
        {
            yield return e;
        }

        foreach (var e in Text.Required(input.Place, "place", MaxPlaceLength))
        {
            yield return e;
        }

        if (input.StartsAt <= now)
        {
            yield return new Error(ScenarioErrors.RoadshowDateInvalid, "startsAt");
        }

        if (input.Capacity is < 1 or > MaxCapacity)
        {
            yield return new Error(ScenarioErrors.RoadshowCapacityInvalid, "capacity", MaxCapacity);
        }

        if (input.Criteria is { Count: > 0 } criteria
            && (criteria.Count > MaxCriteria || criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > MaxCriterionLength || c.Weight < 1)
                || criteria.Sum(c => c.Weight) != 100))
        {
            yield return new Error(ScenarioErrors.RoadshowCriteriaInvalid, "criteria", MaxCriteria);
        }
    }
}
