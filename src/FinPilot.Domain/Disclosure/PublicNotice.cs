using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// 公示: the working group tells the public which projects the coordination group approved, and
/// for a number of working days anyone may comment on them or object. A project is admitted once
/// the period has ended with no objection to it left open; an upheld objection sends it back to
/// deliberation.
/// </summary>
/// <remarks>
/// <para>
/// The period is counted as Chinese administrative periods are (期间开始的当日不计算在内): the day
/// of publication does not count, whatever the hour; day 1 is the first working day after it. The
/// notice stays open to the end of the N-th working day, Beijing time, so a notice published on
/// Wednesday 30 September 2026 for 5 working days runs until 13 October 23:59:59 (国庆 and the
/// worked Saturday 10 October counted by the calendar).
/// </para>
/// <para>
/// Comments and objections (<see cref="PublicResponse"/>) belong to the notice, which checks that
/// it is open and that they concern a listed project; they do not change <see cref="Version"/>, so
/// the public writing in does not collide with the working group editing. Instants are passed in
/// (the domain has no clock) and stored in UTC.
/// </para>
/// </remarks>
public sealed partial class PublicNotice : IRegionScoped, IRecordsEvents
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxContactLength = 200;
    public const int MaxReasonLength = 2000;
    public const int MaxProjects = 100;
    public const int MinPeriodWorkingDays = 1;
    public const int MaxPeriodWorkingDays = 30;
    public const int DefaultPeriodWorkingDays = 5;

    private readonly List<NoticeListing> _listings = [];
    private readonly List<PublicResponse> _responses = [];
    private readonly EventLog _events = new();

    private PublicNotice()
    {
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string BodyText { get; private set; } = string.Empty;

    public string Contact { get; private set; } = string.Empty;

    public int PeriodWorkingDays { get; private set; }

    public NoticeStatus Status { get; private set; }

    /// <summary>The listed projects, in the order the notice gives them.</summary>
    public IReadOnlyList<NoticeListing> Listings => _listings;

    /// <summary>Every comment and objection, in the order received.</summary>
    public IReadOnlyList<PublicResponse> Responses => _responses;

    /// <summary>The comments and objections the working group released to the public, in the order received.</summary>
    public IReadOnlyList<PublicResponse> ReleasedResponses => [.. _responses.Where(r => r.IsReleased)];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>The last day of the period (a Beijing date); set on publication.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>
    /// The last instant of the period: the end of <see cref="EndsOn"/> in Beijing. Computed rather
    /// than stored, so a store that keeps microseconds cannot round it into the next day.
    /// </summary>
    public DateTimeOffset? EndsAt => EndsOn is { } date ? ChinaTime.EndOfDay(date) : null;

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>Changed on every change by the working group, so two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    /// <summary>Anyone may read a notice once it is published (a withdrawn one says why); a draft only its working group.</summary>
    public bool IsPublic => PublishedAt is not null;

    /// <summary>Whether it may still be withdrawn: a draft, or a published notice none of whose projects was admitted (those are on record).</summary>
    public bool CanWithdraw => Status is NoticeStatus.Draft or NoticeStatus.Published && _listings.All(l => l.Status != ListingStatus.Admitted);

    /// <summary>The content in the shape <see cref="Create"/> and <see cref="UpdateDraft"/> take.</summary>
    public PublicNoticeContent Content => new(Title, BodyText, Contact, [.. _listings.Select(l => l.Summary)], PeriodWorkingDays);

    /// <summary>Whether the public may comment and object at <paramref name="instant"/>: published, from publication to the end of the last day inclusive.</summary>
    public bool IsOpenAt(DateTimeOffset instant) =>
        Status == NoticeStatus.Published && instant >= PublishedAt && instant <= EndsAt;

    /// <summary>Whether the period is over at <paramref name="instant"/> (never, before publication).</summary>
    public bool HasEndedAt(DateTimeOffset instant) => EndsAt is { } end && instant > end;

    /// <summary>Published and past its period: the closing job should close it.</summary>
    public bool IsDueToCloseAt(DateTimeOffset now) => Status == NoticeStatus.Published && HasEndedAt(now);

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public static Result<PublicNotice> Create(Guid id, int regionId, PublicNoticeContent content, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = PublicNoticeRules.Limits(content).ToList();
        if (regionId <= 0)
        {
            errors.Add(new Error(Text.RequiredCode, nameof(RegionId)));
        }

        if (errors.Count > 0)
        {
            return Result<PublicNotice>.Fail([.. errors]);
        }

        var notice = new PublicNotice
        {
            Id = id,
            RegionId = regionId,
            Status = NoticeStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
            CreatedBy = actorUserId,
        };
        notice.Apply(content);
        notice._events.Record(new NoticeCreated(content));
        return notice;
    }

    /// <summary>Changes a draft. A published notice does not change: withdraw it and publish another.</summary>
    public Result UpdateDraft(PublicNoticeContent content)
    {
        if (Status != NoticeStatus.Draft)
        {
            return new Error(DisclosureErrors.NotDraft, null, Status);
        }

        var errors = PublicNoticeRules.Limits(content).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Apply(content);
        _events.Record(new NoticeDraftUpdated(content));
        return Result.Ok();
    }

    /// <summary>
    /// 发布: makes the notice public and starts its period, <see cref="PeriodWorkingDays"/> working
    /// days counted by <paramref name="calendar"/> after the Beijing date of <paramref name="now"/>.
    /// Refused unless the text, the contact and at least one project are there and every summary is complete.
    /// </summary>
    public Result Publish(DateTimeOffset now, string actorUserId, WorkingDayCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != NoticeStatus.Draft)
        {
            return new Error(DisclosureErrors.NotDraft, null, Status);
        }

        var errors = PublicNoticeRules.CompletenessErrors(Content).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = NoticeStatus.Published;
        PublishedAt = now.ToUniversalTime();
        PublishedBy = actorUserId;
        EndsOn = calendar.AddWorkingDays(ChinaTime.DateOf(now), PeriodWorkingDays);
        Touch();
        _events.Record(new NoticePublished());
        return Result.Ok();
    }

    /// <summary>公示期满: ends a published notice; refused until its last day is over.</summary>
    public Result Close(DateTimeOffset now)
    {
        if (Status != NoticeStatus.Published)
        {
            return new Error(DisclosureErrors.NotPublished, null, Status);
        }

        if (!HasEndedAt(now))
        {
            return new Error(DisclosureErrors.PeriodNotEnded, nameof(EndsAt), EndsAt!.Value);
        }

        Status = NoticeStatus.Closed;
        ClosedAt = now.ToUniversalTime();
        Touch();
        return Result.Ok();
    }

    /// <summary>
    /// 撤回: abandons a draft, or takes back a notice published by mistake, saying why. Refused for
    /// a closed notice and once any listed project has been admitted: those are on record.
    /// </summary>
    public Result Withdraw(string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (!CanWithdraw)
        {
            return new Error(DisclosureErrors.NotWithdrawable, null, Status);
        }

        var errors = Text.Required(reason, nameof(WithdrawalReason), MaxReasonLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Status = NoticeStatus.Withdrawn;
        WithdrawnAt = now.ToUniversalTime();
        WithdrawnBy = actorUserId;
        WithdrawalReason = reason.Trim();
        Touch();
        _events.Record(new NoticeWithdrawn(reason));
        return Result.Ok();
    }

    private void Apply(PublicNoticeContent content)
    {
        Title = content.Title.Trim();
        BodyText = (content.BodyText ?? string.Empty).Trim();
        Contact = (content.Contact ?? string.Empty).Trim();
        PeriodWorkingDays = content.PeriodWorkingDays;
        _listings.Clear();
        _listings.AddRange((content.Projects ?? []).Select(p => new NoticeListing(p.Normalised())));
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>A draft notice was written from <paramref name="Content"/> as the working group sent it.</summary>
public sealed record NoticeCreated(PublicNoticeContent Content) : IDomainEvent;

/// <summary>A draft notice was changed to <paramref name="Content"/>.</summary>
public sealed record NoticeDraftUpdated(PublicNoticeContent Content) : IDomainEvent;

/// <summary>The notice was published (发布); its period runs to <see cref="PublicNotice.EndsOn"/>.</summary>
public sealed record NoticePublished : IDomainEvent;

/// <summary>The notice was withdrawn (撤回) for <paramref name="Reason"/>, as given.</summary>
public sealed record NoticeWithdrawn(string Reason) : IDomainEvent;
