using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// A comment (意见) or an objection (异议) on a public notice, from anyone, signed or not. An
/// objection must name the project, the person and a way to reach them, because the working group
/// has to look into it and answer; it stays open until resolved. A comment may be answered and
/// needs nothing more. Taken only through <see cref="PublicNotice.Respond"/>, while the notice is open.
/// </summary>
public sealed class PublicResponse
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 5000;
    public const int MaxNameLength = 100;
    public const int MaxContactLength = PublicContact.MaxLength;
    public const int MaxAnswerLength = 5000;
    public const int MaxNoteLength = 2000;
    public const int MaxLanguageLength = 10;
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private PublicResponse()
    {
    }

    internal PublicResponse(Guid id, Guid noticeId, PublicResponseForm form, DateTimeOffset submittedAt)
    {
        Id = id;
        NoticeId = noticeId;
        Kind = form.Kind;
        ProjectId = form.ProjectId;
        Text = form.Text.Trim();
        Name = Common.Text.Clean(form.Name);
        Contact = Common.Text.Clean(form.Contact);
        Language = LanguageOf(form.Language);
        SubmittedAt = submittedAt;
    }

    public Guid Id { get; private set; }

    public Guid NoticeId { get; private set; }

    public PublicResponseKind Kind { get; private set; }

    /// <summary>The listed project it concerns; null for a comment on the notice as a whole.</summary>
    public Guid? ProjectId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string? Name { get; private set; }

    /// <summary>An e-mail address or a phone number (<see cref="PublicContact"/>); never shown to the public.</summary>
    public string? Contact { get; private set; }

    /// <summary>The language the visitor wrote in: <c>en</c> or <c>zh-CN</c> (the default), for mail sent back to <see cref="Contact"/>.</summary>
    public string Language { get; private set; } = Chinese;

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>答复: the working group's answer, once given.</summary>
    public ResponseReply? Reply { get; private set; }

    /// <summary>处理结果: how an objection was settled; always null for a comment.</summary>
    public ObjectionResolution? Resolution { get; private set; }

    /// <summary>
    /// When the working group released it to the public (放行). Until then only the working group
    /// sees it: a comment is anyone's text, and the platform does not publish it unread.
    /// </summary>
    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? ReleasedBy { get; private set; }

    /// <summary>Shown to the public (its text, the answer and the resolution; never the name or contact).</summary>
    public bool IsReleased => ReleasedAt is not null;

    /// <summary>An objection not yet resolved: it holds up the admission of its project.</summary>
    public bool IsOpenObjection => Kind == PublicResponseKind.Objection && Resolution is null;

    /// <summary>Answers a comment or an objection, once; refused after the objection is resolved.</summary>
    public Result Answer(string text, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Resolution is not null)
        {
            return new Error(DisclosureErrors.AlreadyResolved);
        }

        if (Reply is not null)
        {
            return new Error(DisclosureErrors.AlreadyAnswered);
        }

        var errors = Common.Text.Required(text, nameof(Answer), MaxAnswerLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        Reply = new ResponseReply(text.Trim(), now.ToUniversalTime(), actorUserId);
        return Result.Ok();
    }

    /// <summary>放行: shows the comment or objection to the public, once; its author's name and contact stay private.</summary>
    public Result Release(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (ReleasedAt is not null)
        {
            return new Error(DisclosureErrors.AlreadyReleased);
        }

        ReleasedAt = now.ToUniversalTime();
        ReleasedBy = actorUserId;
        return Result.Ok();
    }

    /// <summary>
    /// Settles an objection. Dismissing or upholding it needs an answer first, since the objector
    /// is owed the reasons; an objection its author withdrew needs none.
    /// </summary>
    public Result Resolve(ObjectionOutcome outcome, string note, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Kind != PublicResponseKind.Objection)
        {
            return new Error(DisclosureErrors.NotAnObjection);
        }

        if (Resolution is not null)
        {
            return new Error(DisclosureErrors.AlreadyResolved);
        }

        var errors = Common.Text.Required(note, nameof(ObjectionResolution.Note), MaxNoteLength).ToList();
        if (!Enum.IsDefined(outcome))
        {
            errors.Add(new Error(DisclosureErrors.OutcomeInvalid, nameof(ObjectionResolution.Outcome)));
        }
        else if (outcome != ObjectionOutcome.Withdrawn && Reply is null)
        {
            errors.Add(new Error(DisclosureErrors.AnswerRequired, nameof(Answer)));
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Resolution = new ObjectionResolution(outcome, note.Trim(), now.ToUniversalTime(), actorUserId);
        return Result.Ok();
    }

    /// <summary>The platform speaks Chinese and English: an English page's visitor is answered in English, anyone else in Chinese.</summary>
    public static string LanguageOf(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    /// <summary>Everything wrong with a form, each on its field; the notice adds whether the project is listed.</summary>
    internal static IEnumerable<Error> Validate(PublicResponseForm form)
    {
        if (!Enum.IsDefined(form.Kind))
        {
            yield return new Error(DisclosureErrors.KindInvalid, nameof(form.Kind));
        }

        var text = form.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            yield return new Error(Common.Text.RequiredCode, nameof(form.Text));
        }
        else if (text.Length < MinTextLength)
        {
            yield return new Error(DisclosureErrors.TextTooShort, nameof(form.Text), MinTextLength);
        }
        else if (text.Length > MaxTextLength)
        {
            yield return new Error(Common.Text.TooLongCode, nameof(form.Text), MaxTextLength);
        }

        foreach (var error in Common.Text.Optional(form.Name, nameof(form.Name), MaxNameLength))
        {
            yield return error;
        }

        foreach (var error in PublicContact.Errors(form.Contact, nameof(form.Contact)))
        {
            yield return error;
        }

        if (form.Kind == PublicResponseKind.Objection)
        {
            if (form.ProjectId is null || form.ProjectId == Guid.Empty)
            {
                yield return new Error(DisclosureErrors.ProjectRequired, nameof(form.ProjectId));
            }

            if (string.IsNullOrWhiteSpace(form.Name))
            {
                yield return new Error(DisclosureErrors.NameRequired, nameof(form.Name));
            }

            if (string.IsNullOrWhiteSpace(form.Contact))
            {
                yield return new Error(DisclosureErrors.ContactRequired, nameof(form.Contact));
            }
        }
    }
}

/// <summary>What a visitor sends; name and contact may be blank for a comment.</summary>
public sealed record PublicResponseForm(PublicResponseKind Kind, Guid? ProjectId, string Text, string? Name, string? Contact)
{
    /// <summary>The language the visitor wrote in (the page's, e.g. <c>en</c>), so that what is mailed back reads in it; Chinese when not given.</summary>
    public string? Language { get; init; }
}

public enum PublicResponseKind
{
    /// <summary>意见: a remark; answered if the working group sees fit.</summary>
    Comment = 1,

    /// <summary>异议: a challenge to a listed project; holds up its admission until resolved.</summary>
    Objection = 2,
}

public enum ObjectionOutcome
{
    /// <summary>不成立: looked into and found without ground; the project may be admitted.</summary>
    Dismissed = 1,

    /// <summary>成立: the project goes back to the coordination group's deliberation.</summary>
    Upheld = 2,

    /// <summary>撤回: its author took it back.</summary>
    Withdrawn = 3,
}

/// <summary>The working group's answer to a comment or an objection.</summary>
public sealed record ResponseReply(string Text, DateTimeOffset At, string By);

/// <summary>How an objection was settled, and by whom.</summary>
public sealed record ObjectionResolution(ObjectionOutcome Outcome, string Note, DateTimeOffset At, string By)
{
    /// <summary>An upheld objection sends its project back to deliberation; the caller moves the project.</summary>
    public bool SendsBack => Outcome == ObjectionOutcome.Upheld;
}
