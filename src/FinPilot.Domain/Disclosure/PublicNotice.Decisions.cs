using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

/// <summary>What the public sends in during the period, and what becomes of each listed project.</summary>
public sealed partial class PublicNotice
{
    /// <summary>
    /// Takes a comment or an objection from anyone, while the notice is open. The caller has
    /// passed the form through <see cref="SubmissionGuard"/> first.
    /// </summary>
    public Result<PublicResponse> Respond(Guid id, PublicResponseForm form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!IsOpenAt(now))
        {
            return EndsAt is { } end
                ? new Error(DisclosureErrors.NoticeNotOpen, null, end)
                : new Error(DisclosureErrors.NoticeNotOpen);
        }

        var errors = PublicResponse.Validate(form).ToList();
        if (form.ProjectId is { } projectId && Find(projectId) is null)
        {
            errors.Add(new Error(DisclosureErrors.ProjectNotListed, nameof(form.ProjectId), projectId));
        }

        if (errors.Count > 0)
        {
            return Result<PublicResponse>.Fail([.. errors]);
        }

        var response = new PublicResponse(id, Id, form, now.ToUniversalTime());
        _responses.Add(response);
        return response;
    }

    /// <summary>The working group answers a comment or objection (答复); the notice records it.</summary>
    public Result AnswerResponse(Guid responseId, string text, DateTimeOffset now, string actorUserId) =>
        OnResponse(responseId, r => r.Answer(text, now, actorUserId), () => new NoticeResponseAnswered(responseId));

    /// <summary>放行: the working group shows a comment or objection on the public notice.</summary>
    public Result ReleaseResponse(Guid responseId, DateTimeOffset now, string actorUserId) =>
        OnResponse(responseId, r => r.Release(now, actorUserId), () => new NoticeResponseReleased(responseId));

    /// <summary>The working group settles an objection; an upheld one is then sent back by the caller (<see cref="SendBack"/>).</summary>
    public Result ResolveObjection(Guid responseId, ObjectionOutcome outcome, string note, DateTimeOffset now, string actorUserId) =>
        OnResponse(responseId, r => r.Resolve(outcome, note, now, actorUserId), () => new NoticeObjectionResolved(responseId, outcome, note));

    private Result OnResponse(Guid responseId, Func<PublicResponse, Result> change, Func<IDomainEvent> recorded)
    {
        var response = _responses.SingleOrDefault(r => r.Id == responseId);
        if (response is null)
        {
            return new Error(DisclosureErrors.NotFound, "ResponseId", responseId);
        }

        var result = change(response);
        if (result.Succeeded)
        {
            _events.Record(recorded());
        }

        return result;
    }

    /// <summary>Objections to a project that the working group has not yet resolved.</summary>
    public IReadOnlyList<PublicResponse> OpenObjections(Guid projectId) =>
        [.. _responses.Where(r => r.IsOpenObjection && r.ProjectId == projectId)];

    /// <summary>
    /// Listed projects that may be admitted at <paramref name="now"/>: the period has ended, and no
    /// objection to them is open or was upheld.
    /// </summary>
    public IReadOnlyList<NoticeListing> ProjectsReadyForAdmission(DateTimeOffset now) =>
        Status is NoticeStatus.Published or NoticeStatus.Closed && HasEndedAt(now)
            ? [.. _listings.Where(l => l.Status == ListingStatus.Listed && AdmissionBlock(l.ProjectId) is null)]
            : [];

    /// <summary>Listed projects with an upheld objection, which the caller should send back.</summary>
    public IReadOnlyList<NoticeListing> ProjectsToSendBack() =>
        [.. _listings.Where(l => l.Status == ListingStatus.Listed && HasUpheldObjection(l.ProjectId))];

    /// <summary>入箱: admits a listed project once the period has ended with no open or upheld objection to it.</summary>
    public Result Admit(Guid projectId, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var (listing, error) = Undecided(projectId);
        if (listing is null)
        {
            return error!;
        }

        if (!HasEndedAt(now))
        {
            return new Error(DisclosureErrors.PeriodNotEnded, nameof(EndsAt), EndsAt!.Value);
        }

        if (AdmissionBlock(projectId) is { } block)
        {
            return block;
        }

        listing.Decide(ListingStatus.Admitted, now.ToUniversalTime(), actorUserId, null);
        Touch();
        return Result.Ok();
    }

    /// <summary>
    /// Sends a listed project back to deliberation, during the period or after it: usually because
    /// an objection was upheld. The caller moves the project itself.
    /// </summary>
    public Result SendBack(Guid projectId, string reason, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var (listing, error) = Undecided(projectId);
        if (listing is null)
        {
            return error!;
        }

        var errors = Text.Required(reason, nameof(NoticeListing.Reason), MaxReasonLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        listing.Decide(ListingStatus.SentBack, now.ToUniversalTime(), actorUserId, reason.Trim());
        Touch();
        return Result.Ok();
    }

    private NoticeListing? Find(Guid projectId) => _listings.FirstOrDefault(l => l.ProjectId == projectId);

    private (NoticeListing? Listing, Error? Error) Undecided(Guid projectId)
    {
        if (Status is not (NoticeStatus.Published or NoticeStatus.Closed))
        {
            return (null, new Error(DisclosureErrors.NotPublished, null, Status));
        }

        var listing = Find(projectId);
        if (listing is null)
        {
            return (null, new Error(DisclosureErrors.ProjectNotListed, "ProjectId", projectId));
        }

        return listing.Status == ListingStatus.Listed
            ? (listing, null)
            : (null, new Error(DisclosureErrors.ProjectDecided, "ProjectId", listing.Status));
    }

    private Error? AdmissionBlock(Guid projectId)
    {
        var open = OpenObjections(projectId).Count;
        if (open > 0)
        {
            return new Error(DisclosureErrors.ObjectionOpen, "ProjectId", open);
        }

        return HasUpheldObjection(projectId) ? new Error(DisclosureErrors.ObjectionUpheld, "ProjectId") : null;
    }

    private bool HasUpheldObjection(Guid projectId) =>
        _responses.Any(r => r.ProjectId == projectId && r.Resolution?.SendsBack == true);
}

/// <summary>A comment or objection on the notice was answered.</summary>
public sealed record NoticeResponseAnswered(Guid ResponseId) : IDomainEvent;

/// <summary>A comment or objection was released to the public notice (its text, never who sent it).</summary>
public sealed record NoticeResponseReleased(Guid ResponseId) : IDomainEvent;

/// <summary>An objection was settled with <paramref name="Outcome"/> and the working group's <paramref name="Note"/>.</summary>
public sealed record NoticeObjectionResolved(Guid ResponseId, ObjectionOutcome Outcome, string Note) : IDomainEvent;
