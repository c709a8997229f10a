using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

public sealed record ScenarioDrafted : IDomainEvent;

public sealed record ScenarioEdited : IDomainEvent;

public sealed record ScenarioPublished : IDomainEvent;

public sealed record ScenarioClosed : IDomainEvent;

/// <summary>An organisation invited to see a scenario of <see cref="ScenarioVisibility.Invited"/> visibility.</summary>
public sealed class ScenarioInvitation
{
    private ScenarioInvitation()
    {
    }

    public ScenarioInvitation(Guid organisationId) => OrganisationId = organisationId;

    public Guid OrganisationId { get; private set; }
}

/// <summary>
/// An application scenario (应用场景): an institution, or a region's working group, describes a pain
/// point in a business area, the technologies it wants, the data it can offer and its constraints,
/// so that technology companies can answer with solutions. Drafts are private to the publisher;
/// published scenarios are seen according to their visibility; closed ones take no new answers.
/// </summary>
public sealed class Scenario : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxShortTextLength = 500;
    public const int MaxInvitations = 50;

    private readonly EventLog _events = new();
    private readonly List<ScenarioInvitation> _invitations = [];

    private Scenario()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    /// <summary>The publishing organisation; null when the region's working group publishes it.</summary>
    public Guid? PublisherOrganisationId { get; private set; }

    /// <summary>The region it belongs to (the publisher's, or the working group's).</summary>
    public int RegionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string PainPoint { get; private set; } = string.Empty;

    public BusinessArea Area { get; private set; }

    /// <summary>The technologies wanted, as stored (<see cref="TechnologyTags"/>).</summary>
    public string TechnologyCodes { get; private set; } = string.Empty;

    public IReadOnlyList<Technology> Technologies => TechnologyTags.Decode(TechnologyCodes);

    public string DataAvailable { get; private set; } = string.Empty;

    public ScenarioConstraints Constraints { get; private set; }

    public string ExpectedOutcome { get; private set; } = string.Empty;

    public string Timeline { get; private set; } = string.Empty;

    public ScenarioVisibility Visibility { get; private set; }

    public IReadOnlyList<ScenarioInvitation> Invitations => _invitations;

    public ScenarioStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsPublished => Status == ScenarioStatus.Published;

    public static Result<Scenario> Draft(ScenarioInput input, Guid? publisherOrganisationId, int regionId, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(input).ToArray();
        if (errors.Length > 0)
        {
            return Result<Scenario>.Fail(errors);
        }

        var scenario = new Scenario
        {
            Id = Guid.CreateVersion7(now),
            PublisherOrganisationId = publisherOrganisationId,
            RegionId = regionId,
            Status = ScenarioStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
        };
        scenario.Apply(input, now);
        scenario._events.Record(new ScenarioDrafted());
        return scenario;
    }

    /// <summary>Edits a draft or a published scenario; a closed one is kept as it was.</summary>
    public Result Edit(ScenarioInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status == ScenarioStatus.Closed)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        var errors = Validate(input).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Apply(input, now);
        _events.Record(new ScenarioEdited());
        return Result.Ok();
    }

    public Result Publish(DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Draft)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        Status = ScenarioStatus.Published;
        PublishedAt = now;
        Touch(now);
        _events.Record(new ScenarioPublished());
        return Result.Ok();
    }

    public Result Close(DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Published)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        Status = ScenarioStatus.Closed;
        Touch(now);
        _events.Record(new ScenarioClosed());
        return Result.Ok();
    }

    public static IEnumerable<Error> Validate(ScenarioInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var error in Text.Required(input.Title, "title", MaxTitleLength)
            .Concat(Text.Required(input.PainPoint, "painPoint", MaxTextLength))
            .Concat(Text.Optional(input.DataAvailable, "dataAvailable", MaxTextLength))
            .Concat(Text.Required(input.ExpectedOutcome, "expectedOutcome", MaxTextLength))
            .Concat(Text.Optional(input.Timeline, "timeline", MaxShortTextLength))
            .Concat(MatchingRules.Technologies(input.Technologies ?? [])))
        {
            yield return error;
        }

        if (!Enum.IsDefined(input.Area))
        {
            yield return new Error(ScenarioErrors.AreaInvalid, "area");
        }

        if ((input.Constraints & ~(ScenarioConstraints.Privacy | ScenarioConstraints.OnPremise | ScenarioConstraints.Xinchuang)) != 0)
        {
            yield return new Error(ScenarioErrors.ConstraintsInvalid, "constraints");
        }

        if (!Enum.IsDefined(input.Visibility))
        {
            yield return new Error(ScenarioErrors.VisibilityInvalid, "visibility");
        }
        else if (input.Visibility == ScenarioVisibility.Invited
            && ((input.InvitedOrganisationIds?.Count ?? 0) == 0 || input.InvitedOrganisationIds!.Distinct().Count() > MaxInvitations))
        {
            yield return new Error(ScenarioErrors.InvitationsInvalid, "invitedOrganisationIds", MaxInvitations);
        }
    }

    private void Apply(ScenarioInput input, DateTimeOffset now)
    {
        Title = input.Title.Trim();
        PainPoint = input.PainPoint.Trim();
        Area = input.Area;
        TechnologyCodes = TechnologyTags.Encode(input.Technologies);
        DataAvailable = (input.DataAvailable ?? string.Empty).Trim();
        Constraints = input.Constraints;
        ExpectedOutcome = input.ExpectedOutcome.Trim();
        Timeline = (input.Timeline ?? string.Empty).Trim();
        Visibility = input.Visibility;
        _invitations.Clear();
        if (Visibility == ScenarioVisibility.Invited)
        {
            _invitations.AddRange(input.InvitedOrganisationIds.Distinct().Select(id => new ScenarioInvitation(id)));
        }

        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}
