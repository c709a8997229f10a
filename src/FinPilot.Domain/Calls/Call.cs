using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Calls;

/// <summary>
/// A call for projects (征集公告) of one region's working group: 第N批, what it asks for, who may
/// apply and when. It is drafted in private, published, closes at its close time and is archived
/// later. Once published the text is public record, so it changes only by a correction that says
/// why; every correction stays on the call for readers to see.
/// </summary>
/// <remarks>
/// The body is HTML that the edge has already sanitised; the domain only bounds its size.
/// Instants are passed in (the domain has no clock) and stored in UTC; pages show them in Beijing time.
/// State errors (a move from the wrong status) name no field, so the edge answers them with 409.
/// </remarks>
public sealed class Call : IRegionScoped, IRecordsEvents
{
    public const int MaxBatchNumber = 999;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 100_000;
    public const int MaxContactLength = 500;
    public const int MaxDirections = 30;
    public const int MaxDirectionLength = 200;
    public const int MaxMaterials = 50;
    public const int MaxMaterialLength = 300;
    public const int MaxNoteLength = 2000;

    private readonly List<CallCorrection> _corrections = [];
    private readonly EventLog _events = new();

    private Call()
    {
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>第N批: the region's batch number, from 1.</summary>
    public int BatchNumber { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>Sanitised HTML of the announcement text.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>重点方向: the priority directions the call invites, in the order given.</summary>
    public IReadOnlyList<string> Directions { get; private set; } = [];

    public IReadOnlyList<OrganisationType> EligibleTypes { get; private set; } = [];

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>申报材料清单: what an application must include.</summary>
    public IReadOnlyList<string> Materials { get; private set; } = [];

    public string Contact { get; private set; } = string.Empty;

    public CallStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who closed the call early; null when it closed by itself at its close time.</summary>
    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>更正: every change made after publication, oldest first.</summary>
    public IReadOnlyList<CallCorrection> Corrections => _corrections;

    /// <summary>Changed on every save so that two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    /// <summary>Anyone may read a call once it is published; a draft only its working group.</summary>
    public bool IsPublic => Status != CallStatus.Draft;

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    /// <summary>Whether applications may be submitted at <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Status == CallStatus.Published && OpensAt <= now && now < ClosesAt;

    /// <summary>Published and past its close time: the closing job should close it.</summary>
    public bool IsDueToCloseAt(DateTimeOffset now) => Status == CallStatus.Published && now >= ClosesAt;

    public static Result<Call> Create(Guid id, int regionId, CallDetails details, DateTimeOffset now, string actorUserId)
    {
        now = now.ToUniversalTime();
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(details).ToList();
        if (regionId <= 0)
        {
            errors.Add(new Error(Text.RequiredCode, nameof(RegionId)));
        }

        if (errors.Count > 0)
        {
            return Result<Call>.Fail([.. errors]);
        }

        var call = new Call
        {
            Id = id,
            RegionId = regionId,
            Status = CallStatus.Draft,
            CreatedAt = now,
            CreatedBy = actorUserId,
        };
        call.Apply(details, now);
        call._events.Record(new CallCreated());
        return call;
    }

    /// <summary>Changes a draft; a published call changes only through <see cref="Correct"/>.</summary>
    public Result UpdateDraft(CallDetails details, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        if (Status != CallStatus.Draft)
        {
            return new Error(CallErrors.NotDraft, null, Status);
        }

        var errors = Validate(details).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        var before = Details;
        Apply(details, now);
        _events.Record(new CallDraftUpdated(before));
        return Result.Ok();
    }

    /// <summary>
    /// 发布: makes the draft public. It must be complete (text, directions, eligible types,
    /// materials, contact) and must not already be past its close time.
    /// </summary>
    public Result Publish(DateTimeOffset now, string actorUserId)
    {
        now = now.ToUniversalTime();
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status != CallStatus.Draft)
        {
            return new Error(CallErrors.NotDraft, null, Status);
        }

        var errors = CompletenessErrors(Details).ToList();
        if (ClosesAt <= now)
        {
            errors.Add(new Error(CallErrors.ClosesInPast, nameof(ClosesAt)));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Status = CallStatus.Published;
        PublishedAt = now;
        PublishedBy = actorUserId;
        Touch(now);
        _events.Record(new CallPublished());
        return Result.Ok();
    }

    /// <summary>
    /// 更正: changes a published (or closed) call and records when, by whom, why and which
    /// fields changed. A closed call's window is history and stays as it was; an open call's close
    /// time may move, but not into the past (closing early is <see cref="Close"/>).
    /// </summary>
    public Result Correct(CallDetails details, string note, DateTimeOffset now, string actorUserId)
    {
        now = now.ToUniversalTime();
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Status is not (CallStatus.Published or CallStatus.Closed))
        {
            return new Error(CallErrors.NotCorrectable, null, Status);
        }

        var errors = Validate(details).Concat(Text.Required(note, nameof(CallCorrection.Note), MaxNoteLength)).ToList();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var normalised = Normalise(details);
        errors.AddRange(CompletenessErrors(normalised));
        var changed = Details.ChangedFields(normalised);
        if (changed.Count == 0)
        {
            errors.Add(new Error(CallErrors.NothingChanged, "Changes"));
        }

        var windowChanged = changed.Contains(nameof(OpensAt)) || changed.Contains(nameof(ClosesAt));
        if (Status == CallStatus.Closed && windowChanged)
        {
            errors.Add(new Error(CallErrors.WindowFrozen, nameof(ClosesAt)));
        }
        else if (changed.Contains(nameof(ClosesAt)) && normalised.ClosesAt <= now)
        {
            errors.Add(new Error(CallErrors.ClosesInPast, nameof(ClosesAt)));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var before = Details;
        Apply(normalised, now);
        var correction = new CallCorrection(now, actorUserId, note.Trim(), changed);
        _corrections.Add(correction);
        _events.Record(new CallCorrected(before, correction));
        return Result.Ok();
    }

    /// <summary>
    /// 截止: ends the application window. <paramref name="actorUserId"/> is null when the closing
    /// job closes the call at its close time; a person may close it early.
    /// </summary>
    public Result Close(DateTimeOffset now, string? actorUserId)
    {
        now = now.ToUniversalTime();
        if (Status != CallStatus.Published)
        {
            return new Error(CallErrors.NotPublished, null, Status);
        }

        if (actorUserId is null && now < ClosesAt)
        {
            return new Error(CallErrors.NotDue, nameof(ClosesAt), ClosesAt);
        }

        Status = CallStatus.Closed;
        ClosedAt = now;
        ClosedBy = actorUserId;
        Touch(now);
        _events.Record(new CallClosed(Automatic: actorUserId is null));
        return Result.Ok();
    }

    /// <summary>归档: a closed call leaves the current list; it stays readable.</summary>
    public Result Archive(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        if (Status != CallStatus.Closed)
        {
            return new Error(CallErrors.NotClosed, null, Status);
        }

        Status = CallStatus.Archived;
        ArchivedAt = now;
        Touch(now);
        _events.Record(new CallArchived());
        return Result.Ok();
    }

    void IRecordsEvents.ClearEvents() => _events.Clear();

    /// <summary>The call's current content, in the shape that <see cref="UpdateDraft"/> and <see cref="Correct"/> take.</summary>
    public CallDetails Details => new(BatchNumber, Title, BodyHtml, Directions, EligibleTypes, OpensAt, ClosesAt, Materials, Contact);

    private void Apply(CallDetails details, DateTimeOffset now)
    {
        var d = Normalise(details);
        BatchNumber = d.BatchNumber;
        Title = d.Title;
        BodyHtml = d.BodyHtml;
        Directions = d.Directions!;
        EligibleTypes = d.EligibleTypes!;
        OpensAt = d.OpensAt;
        ClosesAt = d.ClosesAt;
        Materials = d.Materials!;
        Contact = d.Contact ?? string.Empty;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    private static CallDetails Normalise(CallDetails d) => d with
    {
        Title = d.Title.Trim(),
        BodyHtml = (d.BodyHtml ?? string.Empty).Trim(),
        Directions = Items(d.Directions),
        EligibleTypes = (d.EligibleTypes ?? []).Distinct().Order().ToArray(),
        Materials = Items(d.Materials),
        Contact = (d.Contact ?? string.Empty).Trim(),
        OpensAt = WholeSecond(d.OpensAt),
        ClosesAt = WholeSecond(d.ClosesAt),
    };

    // Instants are kept in UTC (PostgreSQL stores no offset) and to the second, as forms show and
    // send them, so a round trip through a form changes nothing.
    private static DateTimeOffset WholeSecond(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    // Blank lines are dropped and repeats kept once: lists come from one-per-line text boxes.
    private static string[] Items(IReadOnlyList<string>? items) =>
        (items ?? []).Select(Text.Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    private static IEnumerable<Error> Validate(CallDetails details)
    {
        if (details.BatchNumber is < 1 or > MaxBatchNumber)
        {
            yield return new Error(CallErrors.BatchInvalid, nameof(BatchNumber), 1, MaxBatchNumber);
        }

        foreach (var error in Text.Required(details.Title, nameof(Title), MaxTitleLength)
            .Concat(Text.Optional(details.BodyHtml, nameof(BodyHtml), MaxBodyLength))
            .Concat(Text.Optional(details.Contact, nameof(Contact), MaxContactLength))
            .Concat(ListErrors(Items(details.Directions), nameof(Directions), MaxDirections, MaxDirectionLength))
            .Concat(ListErrors(Items(details.Materials), nameof(Materials), MaxMaterials, MaxMaterialLength)))
        {
            yield return error;
        }

        if ((details.EligibleTypes ?? []).Any(t => !Enum.IsDefined(t)))
        {
            yield return new Error(CallErrors.TypeInvalid, nameof(EligibleTypes));
        }

        if (WholeSecond(details.ClosesAt) <= WholeSecond(details.OpensAt))
        {
            yield return new Error(CallErrors.WindowInvalid, nameof(ClosesAt));
        }
    }

    private static IEnumerable<Error> ListErrors(string[] items, string field, int maxCount, int maxLength)
    {
        if (items.Length > maxCount)
        {
            yield return new Error(CallErrors.TooManyItems, field, maxCount);
        }

        for (var i = 0; i < items.Length && i < maxCount; i++)
        {
            foreach (var error in Text.Required(items[i], $"{field}[{i}]", maxLength))
            {
                yield return error;
            }
        }
    }

    /// <summary>What a published call must say; a draft may still be missing any of it.</summary>
    private static IEnumerable<Error> CompletenessErrors(CallDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.BodyHtml))
        {
            yield return new Error(Text.RequiredCode, nameof(BodyHtml));
        }

        if (Items(d.Directions).Length == 0)
        {
            yield return new Error(CallErrors.ItemsRequired, nameof(Directions));
        }

        if ((d.EligibleTypes ?? []).Count == 0)
        {
            yield return new Error(CallErrors.ItemsRequired, nameof(EligibleTypes));
        }

        if (Items(d.Materials).Length == 0)
        {
            yield return new Error(CallErrors.ItemsRequired, nameof(Materials));
        }

        if (string.IsNullOrWhiteSpace(d.Contact))
        {
            yield return new Error(Text.RequiredCode, nameof(Contact));
        }
    }
}

/// <summary>The content of a call as a working group writes it; lists may be null for "none yet".</summary>
public sealed record CallDetails(
    int BatchNumber,
    string Title,
    string BodyHtml,
    IReadOnlyList<string>? Directions,
    IReadOnlyList<OrganisationType>? EligibleTypes,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    IReadOnlyList<string>? Materials,
    string? Contact)
{
    /// <summary>Names of the fields that differ from <paramref name="other"/> (both normalised).</summary>
    public IReadOnlyList<string> ChangedFields(CallDetails other)
    {
        var changed = new List<string>();
        Check(BatchNumber == other.BatchNumber, nameof(BatchNumber));
        Check(Title == other.Title, nameof(Title));
        Check(BodyHtml == other.BodyHtml, nameof(BodyHtml));
        Check((Directions ?? []).SequenceEqual(other.Directions ?? []), nameof(Directions));
        Check((EligibleTypes ?? []).SequenceEqual(other.EligibleTypes ?? []), nameof(EligibleTypes));
        Check(OpensAt == other.OpensAt, nameof(OpensAt));
        Check(ClosesAt == other.ClosesAt, nameof(ClosesAt));
        Check((Materials ?? []).SequenceEqual(other.Materials ?? []), nameof(Materials));
        Check((Contact ?? string.Empty) == (other.Contact ?? string.Empty), nameof(Contact));
        return changed;

        void Check(bool same, string field)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }
    }
}

/// <summary>更正说明: one change to a published call, shown with the call as its revision history.</summary>
public sealed record CallCorrection(DateTimeOffset At, string By, string Note, IReadOnlyList<string> ChangedFields);

/// <summary>A draft was written.</summary>
public sealed record CallCreated : IDomainEvent;

/// <summary>A draft was changed; <paramref name="Before"/> is its content before.</summary>
public sealed record CallDraftUpdated(CallDetails Before) : IDomainEvent;

/// <summary>The call was published (发布).</summary>
public sealed record CallPublished : IDomainEvent;

/// <summary>A published or closed call was corrected (更正); <paramref name="Before"/> is its content before.</summary>
public sealed record CallCorrected(CallDetails Before, CallCorrection Correction) : IDomainEvent;

/// <summary>The call closed (截止): by a person, or <paramref name="Automatic"/>ally at its close time.</summary>
public sealed record CallClosed(bool Automatic) : IDomainEvent;

/// <summary>The closed call was archived (归档).</summary>
public sealed record CallArchived : IDomainEvent;
