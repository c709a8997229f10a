using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Supervision.Disclosures;

/// <summary>What a disclosure tells of. Numbers are stored; new kinds go at the end.</summary>
public enum DisclosureKind
{
    /// <summary>重大进展.</summary>
    MajorProgress = 1,

    /// <summary>阶段性成果 / 里程碑.</summary>
    Milestone = 2,

    /// <summary>达到测试规模.</summary>
    ScopeReached = 3,

    /// <summary>The working group's own supervision disclosure (监管信息披露).</summary>
    Supervision = 4,
}

/// <summary>Where a disclosure stands. Numbers are stored.</summary>
public enum DisclosureStatus
{
    /// <summary>Being written by the institution.</summary>
    Draft = 1,

    /// <summary>Sent to the working group for approval.</summary>
    Pending = 2,

    /// <summary>Returned by the working group with a reason; the institution edits and sends again.</summary>
    Returned = 3,

    /// <summary>Approved and on the project's public timeline; final.</summary>
    Published = 4,
}

public enum DisclosureTrigger
{
    Send = 1,
    Approve = 2,
    Return = 3,
}

public sealed record DisclosureTransition(DisclosureStatus From, DisclosureTrigger Trigger, DisclosureStatus To);

/// <summary>A disclosure's lifecycle as data.</summary>
public static class DisclosureLifecycle
{
    public static IReadOnlyList<DisclosureTransition> Transitions { get; } =
    [
        new(DisclosureStatus.Draft, DisclosureTrigger.Send, DisclosureStatus.Pending),
        new(DisclosureStatus.Returned, DisclosureTrigger.Send, DisclosureStatus.Pending),
        new(DisclosureStatus.Pending, DisclosureTrigger.Approve, DisclosureStatus.Published),
        new(DisclosureStatus.Pending, DisclosureTrigger.Return, DisclosureStatus.Returned),
    ];

    public static DisclosureStatus? Next(DisclosureStatus from, DisclosureTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger)?.To;

    public static bool IsEditable(DisclosureStatus status) => status is DisclosureStatus.Draft or DisclosureStatus.Returned;
}

public static class ProgressDisclosureErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Supervision.Disclosure.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Supervision.Disclosure.ChangedByAnother");

    /// <summary>No field. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Supervision.Disclosure.WrongStatus");

    /// <summary>An institution may not use the supervision kind, nor an unknown one. Arguments: the kind.</summary>
    public static readonly ErrorCode KindInvalid = ErrorCode.Validation("Supervision.Disclosure.KindInvalid");

    /// <summary>Disclosures are about running pilots. Arguments: the stage.</summary>
    public static readonly ErrorCode ProjectNotRunning = ErrorCode.InvalidState("Supervision.Disclosure.ProjectNotRunning");
}

/// <summary>
/// A major-progress disclosure (重大进展披露): the institution drafts it, the working group approves
/// it (or returns it with a reason), and on approval it goes on the project's public timeline. The
/// working group may also publish a supervision disclosure of its own, approved as it is written.
/// </summary>
public sealed class ProgressDisclosure : IRegionScoped, IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10000;
    public const int MaxReasonLength = 2000;

    private readonly EventLog _events = new();

    private ProgressDisclosure()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DisclosureKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DisclosureStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Why the working group returned it last; null unless returned.</summary>
    public string? ReturnReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsEditable => DisclosureLifecycle.IsEditable(Status);

    /// <summary>The institution's draft about its project.</summary>
    public static Result<ProgressDisclosure> Draft(
        Guid projectId, int regionId, Guid organisationId, DisclosureKind kind, string title, string text, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(kind, title, text, byInstitution: true).ToArray();
        if (errors.Length > 0)
        {
            return Result<ProgressDisclosure>.Fail(errors);
        }

        var drafted = new ProgressDisclosure
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            RegionId = regionId,
            OrganisationId = organisationId,
            Kind = kind,
            Title = title.Trim(),
            Text = text.Trim(),
            Status = DisclosureStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        drafted._events.Record(new ProgressDisclosureDrafted());
        return drafted;
    }

    /// <summary>The working group's own disclosure, published as it is written.</summary>
    public static Result<ProgressDisclosure> PublishBySupervisor(
        Guid projectId, int regionId, Guid organisationId, string title, string text, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(DisclosureKind.Supervision, title, text, byInstitution: false).ToArray();
        if (errors.Length > 0)
        {
            return Result<ProgressDisclosure>.Fail(errors);
        }

        var published = new ProgressDisclosure
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            RegionId = regionId,
            OrganisationId = organisationId,
            Kind = DisclosureKind.Supervision,
            Title = title.Trim(),
            Text = text.Trim(),
            Status = DisclosureStatus.Published,
            CreatedAt = now,
            CreatedBy = actorUserId,
            DecidedAt = now,
            DecidedBy = actorUserId,
            PublishedAt = now,
            Version = Guid.NewGuid(),
        };
        published._events.Record(new ProgressDisclosurePublishedBySupervisor());
        return published;
    }

    public Result Edit(DisclosureKind kind, string title, string text)
    {
        if (!IsEditable)
        {
            return new Error(ProgressDisclosureErrors.WrongStatus, null, Status);
        }

        var errors = Validate(kind, title, text, byInstitution: true).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Kind = kind;
        Title = title.Trim();
        Text = text.Trim();
        Version = Guid.NewGuid();
        _events.Record(new ProgressDisclosureEdited());
        return Result.Ok();
    }

    /// <summary>The institution sends the draft to the working group for approval.</summary>
    public Result Send(DateTimeOffset now) => Move(DisclosureTrigger.Send, () =>
    {
        SentAt = now;
    });

    /// <summary>The working group approves: the disclosure is published now.</summary>
    public Result Approve(DateTimeOffset now, string actorUserId) => Move(DisclosureTrigger.Approve, () =>
    {
        DecidedAt = now;
        DecidedBy = actorUserId;
        PublishedAt = now;
        ReturnReason = null;
    });

    /// <summary>The working group returns it with a reason the institution reads.</summary>
    public Result Return(string reason, DateTimeOffset now, string actorUserId)
    {
        var errors = Common.Text.Required(reason, "Reason", MaxReasonLength).ToArray();
        if (errors.Length > 0 && DisclosureLifecycle.Next(Status, DisclosureTrigger.Return) is not null)
        {
            return Result.Fail(errors);
        }

        return Move(DisclosureTrigger.Return, () =>
        {
            DecidedAt = now;
            DecidedBy = actorUserId;
            ReturnReason = reason.Trim();
        });
    }

    private Result Move(DisclosureTrigger trigger, Action apply)
    {
        if (DisclosureLifecycle.Next(Status, trigger) is not { } next)
        {
            return new Error(ProgressDisclosureErrors.WrongStatus, null, Status);
        }

        apply();
        Status = next;
        Version = Guid.NewGuid();
        _events.Record(new ProgressDisclosureMoved(trigger));
        return Result.Ok();
    }

    private static IEnumerable<Error> Validate(DisclosureKind kind, string? title, string? text, bool byInstitution)
    {
        if (!Enum.IsDefined(kind) || (byInstitution && kind == DisclosureKind.Supervision))
        {
            yield return new Error(ProgressDisclosureErrors.KindInvalid, nameof(Kind), kind);
        }

        foreach (var error in Common.Text.Required(title, nameof(Title), MaxTitleLength).Concat(Common.Text.Required(text, nameof(Text), MaxTextLength)))
        {
            yield return error;
        }
    }
}

/// <summary>The institution drafted the disclosure.</summary>
public sealed record ProgressDisclosureDrafted : IDomainEvent;

/// <summary>The working group published a disclosure of its own.</summary>
public sealed record ProgressDisclosurePublishedBySupervisor : IDomainEvent;

/// <summary>The institution edited its draft.</summary>
public sealed record ProgressDisclosureEdited : IDomainEvent;

/// <summary>The disclosure was sent, approved (and published) or returned.</summary>
public sealed record ProgressDisclosureMoved(DisclosureTrigger Trigger) : IDomainEvent;
