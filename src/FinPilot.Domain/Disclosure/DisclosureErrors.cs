using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disclosure;

/// <summary>
/// Codes of the public notice (公示) and the public register. State errors name no field, so the
/// edge answers them with 409; the others name the form field they concern. Arguments are listed
/// beside each code in the order they are passed.
/// </summary>
/// <remarks>
/// Free-text fields also use the shared <c>Field.Required</c> and <c>Field.TooLong</c> (maximum)
/// from <see cref="Common.Text"/>; summary fields are named <c>Projects[i].Name</c> and so on.
/// </remarks>
public static class DisclosureErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Disclosure.NotFound");
    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Disclosure.ChangedByAnother");

    // The notice's status; no field. Argument: the current status.
    public static readonly ErrorCode NotDraft = ErrorCode.InvalidState("Disclosure.NoticeNotDraft");
    public static readonly ErrorCode NotPublished = ErrorCode.InvalidState("Disclosure.NoticeNotPublished");

    /// <summary>Closed notices, and published ones with an admitted project, stay on record. Argument: status.</summary>
    public static readonly ErrorCode NotWithdrawable = ErrorCode.InvalidState("Disclosure.NoticeNotWithdrawable");

    /// <summary>A comment or objection outside the notice period, or on a notice that is not published. Argument: EndsAt (or nothing before publication).</summary>
    public static readonly ErrorCode NoticeNotOpen = ErrorCode.InvalidState("Disclosure.NoticeNotOpen");

    /// <summary>Closing or admitting before the period is over. Field EndsAt; argument: EndsAt.</summary>
    public static readonly ErrorCode PeriodNotEnded = ErrorCode.Validation("Disclosure.PeriodNotEnded");

    // The notice's content.

    /// <summary>Field PeriodWorkingDays; arguments: minimum, maximum.</summary>
    public static readonly ErrorCode PeriodOutOfRange = ErrorCode.Validation("Disclosure.PeriodOutOfRange");

    /// <summary>Publishing with no project listed. Field Projects.</summary>
    public static readonly ErrorCode ProjectsRequired = ErrorCode.Validation("Disclosure.ProjectsRequired");

    /// <summary>Field Projects; argument: maximum.</summary>
    public static readonly ErrorCode TooManyProjects = ErrorCode.Validation("Disclosure.TooManyProjects");

    /// <summary>The same project twice. Field Projects[i]; argument: the project id.</summary>
    public static readonly ErrorCode DuplicateProject = ErrorCode.Validation("Disclosure.DuplicateProject");

    /// <summary>A list in a summary is too long. Field Projects[i].PartnerNames (…); argument: maximum.</summary>
    public static readonly ErrorCode TooManyItems = ErrorCode.Validation("Disclosure.TooManyItems");

    /// <summary>Field Projects[i].DurationMonths; arguments: minimum, maximum.</summary>
    public static readonly ErrorCode DurationOutOfRange = ErrorCode.Validation("Disclosure.DurationOutOfRange");

    /// <summary>Field Projects[i].Category.</summary>
    public static readonly ErrorCode CategoryInvalid = ErrorCode.Validation("Disclosure.CategoryInvalid");

    // Decisions on the listed projects.

    /// <summary>The project is not on this notice. Field ProjectId; argument: the project id.</summary>
    public static readonly ErrorCode ProjectNotListed = ErrorCode.Validation("Disclosure.ProjectNotListed");

    /// <summary>Already admitted or sent back. Field ProjectId; argument: its listing status.</summary>
    public static readonly ErrorCode ProjectDecided = ErrorCode.Validation("Disclosure.ProjectAlreadyDecided");

    /// <summary>An objection to the project is not yet resolved. Field ProjectId; argument: how many.</summary>
    public static readonly ErrorCode ObjectionOpen = ErrorCode.Validation("Disclosure.ObjectionOpen");

    /// <summary>An upheld objection sends the project back; it cannot be admitted. Field ProjectId.</summary>
    public static readonly ErrorCode ObjectionUpheld = ErrorCode.Validation("Disclosure.ObjectionUpheld");

    // A comment or objection from the public.

    /// <summary>Field Kind.</summary>
    public static readonly ErrorCode KindInvalid = ErrorCode.Validation("Disclosure.KindInvalid");

    /// <summary>An objection must say which project it concerns. Field ProjectId.</summary>
    public static readonly ErrorCode ProjectRequired = ErrorCode.Validation("Disclosure.ProjectRequired");

    /// <summary>An objection must be signed. Field Name.</summary>
    public static readonly ErrorCode NameRequired = ErrorCode.Validation("Disclosure.NameRequired");

    /// <summary>An objection must give a way to answer it. Field Contact.</summary>
    public static readonly ErrorCode ContactRequired = ErrorCode.Validation("Disclosure.ContactRequired");

    /// <summary>Neither an e-mail address nor a phone number. Field Contact.</summary>
    public static readonly ErrorCode ContactInvalid = ErrorCode.Validation("Disclosure.ContactInvalid");

    /// <summary>Field Text; argument: minimum length.</summary>
    public static readonly ErrorCode TextTooShort = ErrorCode.Validation("Disclosure.TextTooShort");

    // The working group's handling of a response; no field unless stated.

    public static readonly ErrorCode AlreadyAnswered = ErrorCode.InvalidState("Disclosure.AlreadyAnswered");
    public static readonly ErrorCode AlreadyResolved = ErrorCode.InvalidState("Disclosure.AlreadyResolved");

    /// <summary>The response is already shown to the public.</summary>
    public static readonly ErrorCode AlreadyReleased = ErrorCode.InvalidState("Disclosure.AlreadyReleased");

    /// <summary>Comments are answered, never resolved.</summary>
    public static readonly ErrorCode NotAnObjection = ErrorCode.InvalidState("Disclosure.NotAnObjection");

    /// <summary>Dismissing or upholding an objection before answering it. Field Answer.</summary>
    public static readonly ErrorCode AnswerRequired = ErrorCode.Validation("Disclosure.AnswerRequired");

    /// <summary>Field Outcome.</summary>
    public static readonly ErrorCode OutcomeInvalid = ErrorCode.Validation("Disclosure.OutcomeInvalid");

    // Spam protection (SubmissionGuard). Form-level (no field) except TooManyLinks.

    /// <summary>The hidden field that people never see was filled in.</summary>
    public static readonly ErrorCode HoneypotFilled = ErrorCode.InvalidState("Disclosure.HoneypotFilled");

    /// <summary>Sent sooner after the form was issued than a person can write. Argument: minimum seconds.</summary>
    public static readonly ErrorCode TooSoon = ErrorCode.InvalidState("Disclosure.TooSoon");

    /// <summary>The form was issued too long ago; reload it. Argument: maximum minutes.</summary>
    public static readonly ErrorCode FormExpired = ErrorCode.InvalidState("Disclosure.FormExpired");

    /// <summary>Too many submissions from one client. Arguments: maximum count, window in minutes, the instant a retry may succeed.</summary>
    public static readonly ErrorCode RateLimited = ErrorCode.InvalidState("Disclosure.RateLimited");

    /// <summary>Field Text; argument: the most links allowed.</summary>
    public static readonly ErrorCode TooManyLinks = ErrorCode.Validation("Disclosure.TooManyLinks");
}
