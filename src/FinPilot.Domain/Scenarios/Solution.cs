using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

public sealed record SolutionDrafted : IDomainEvent;

public sealed record SolutionEdited : IDomainEvent;

public sealed record SolutionPublished : IDomainEvent;

public sealed record SolutionWithdrawn : IDomainEvent;

/// <summary>
/// A solution (解决方案) an organisation — usually a technology company — offers: a standing
/// capability, or an answer to one scenario. Drafts are the offerer's own; a published solution is
/// seen by whoever may see the scenario it answers (everyone, for a standing capability).
/// </summary>
public sealed class Solution : IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    private readonly EventLog _events = new();

    private Solution()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The offering organisation's region.</summary>
    public int RegionId { get; private set; }

    /// <summary>The scenario it answers; null for a standing capability.</summary>
    public Guid? ScenarioId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Capability { get; private set; } = string.Empty;

    public string TechnologyCodes { get; private set; } = string.Empty;

    /// <summary>The business area it serves, if it names one.</summary>
    public BusinessArea? Area { get; private set; }

    public IReadOnlyList<Technology> Technologies => TechnologyTags.Decode(TechnologyCodes);

    public string References { get; private set; } = string.Empty;

    public string Certifications { get; private set; } = string.Empty;

    public SolutionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    public static Result<Solution> Draft(SolutionInput input, Guid organisationId, int regionId, Guid? scenarioId, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(input).ToArray();
        if (errors.Length > 0)
        {
            return Result<Solution>.Fail(errors);
        }

        var solution = new Solution
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            RegionId = regionId,
            ScenarioId = scenarioId,
            Status = SolutionStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
        };
        solution.Apply(input, now);
        solution._events.Record(new SolutionDrafted());
        return solution;
    }

    public Result Edit(SolutionInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status == SolutionStatus.Withdrawn)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        var errors = Validate(input).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Apply(input, now);
        _events.Record(new SolutionEdited());
        return Result.Ok();
    }

    public Result Publish(DateTimeOffset now)
    {
        if (Status != SolutionStatus.Draft)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        Status = SolutionStatus.Published;
        PublishedAt = now;
        Touch(now);
        _events.Record(new SolutionPublished());
        return Result.Ok();
    }

    public Result Withdraw(DateTimeOffset now)
    {
        if (Status == SolutionStatus.Withdrawn)
        {
            return new Error(ScenarioErrors.WrongStatus, null, Status);
        }

        Status = SolutionStatus.Withdrawn;
        Touch(now);
        _events.Record(new SolutionWithdrawn());
        return Result.Ok();
    }

    public static IEnumerable<Error> Validate(SolutionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Text.Required(input.Title, "title", MaxTitleLength)
            .Concat(Text.Required(input.Capability, "capability", MaxTextLength))
            .Concat(Text.Optional(input.References, "references", MaxTextLength))
            .Concat(Text.Optional(input.Certifications, "certifications", MaxTextLength))
            .Concat(MatchingRules.Technologies(input.Technologies ?? []))
            .Concat(input.Area is { } area && !Enum.IsDefined(area) ? [new Error(ScenarioErrors.AreaInvalid, "area")] : []);
    }

    private void Apply(SolutionInput input, DateTimeOffset now)
    {
        Title = input.Title.Trim();
        Capability = input.Capability.Trim();
        TechnologyCodes = TechnologyTags.Encode(input.Technologies);
        Area = input.Area;
        References = (input.References ?? string.Empty).Trim();
        Certifications = (input.Certifications ?? string.Empty).Trim();
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}
