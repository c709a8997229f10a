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
    public const string NotFound = "Disclosure.NotFound";
    public const string Concurrency = "Disclosure.ChangedByAnother";

    // The notice's status; no field. Argument: the current status.
    public const string NotDraft = "Disclosure.NoticeNotDraft";
    public const string NotPublished = "Disclosure.NoticeNotPublished";

    /// <summary>Closed notices, and published ones with an admitted project, stay on record. Argument: status.</summary>
    public const string NotWithdrawable = "Disclosure.NoticeNotWithdrawable";

    /// <summary>A comment or objection outside the notice period, or on a notice that is not published. Argument: EndsAt (or nothing before publication).</summary>
    public const string NoticeNotOpen = "Disclosure.NoticeNotOpen";

    /// <summary>Closing or admitting before the period is over. Field EndsAt; argument: EndsAt.</summary>
    public const string PeriodNotEnded = "Disclosure.PeriodNotEnded";

    // The notice's content.

    /// <summary>Field PeriodWorkingDays; arguments: minimum, maximum.</summary>
    public const string PeriodOutOfRange = "Disclosure.PeriodOutOfRange";

    /// <summary>Publishing with no project listed. Field Projects.</summary>
    public const string ProjectsRequired = "Disclosure.ProjectsRequired";

    /// <summary>Field Projects; argument: maximum.</summary>
    public const string TooManyProjects = "Disclosure.TooManyProjects";

    /// <summary>The same project twice. Field Projects[i]; argument: the project id.</summary>
    public const string DuplicateProject = "Disclosure.DuplicateProject";

    /// <summary>A list in a summary is too long. Field Projects[i].PartnerNames (…); argument: maximum.</summary>
    public const string TooManyItems = "Disclosure.TooManyItems";

    /// <summary>Field Projects[i].DurationMonths; arguments: minimum, maximum.</summary>
    public const string DurationOutOfRange = "Disclosure.DurationOutOfRange";

    /// <summary>Field Projects[i].Category.</summary>
    public const string CategoryInvalid = "Disclosure.CategoryInvalid";

    // Decisions on the listed projects.

    /// <summary>The project is not on this notice. Field ProjectId; argument: the project id.</summary>
    public const string ProjectNotListed = "Disclosure.ProjectNotListed";

    /// <summary>Already admitted or sent back. Field ProjectId; argument: its listing status.</summary>
    public const string ProjectDecided = "Disclosure.ProjectAlreadyDecided";

    /// <summary>An objection to the project is not yet resolved. Field ProjectId; argument: how many.</summary>
    public const string ObjectionOpen = "Disclosure.ObjectionOpen";

    /// <summary>An upheld objection sends the project back; it cannot be admitted. Field ProjectId.</summary>
    public const string ObjectionUpheld = "Disclosure.ObjectionUpheld";

    // A comment or objection from the public.

    /// <summary>Field Kind.</summary>
    public const string KindInvalid = "Disclosure.KindInvalid";

    /// <summary>An objection must say which project it concerns. Field ProjectId.</summary>
    public const string ProjectRequired = "Disclosure.ProjectRequired";

    /// <summary>An objection must be signed. Field Name.</summary>
    public const string NameRequired = "Disclosure.NameRequired";

    /// <summary>An objection must give a way to answer it. Field Contact.</summary>
    public const string ContactRequired = "Disclosure.ContactRequired";

    /// <summary>Neither an e-mail address nor a phone number. Field Contact.</summary>
    public const string ContactInvalid = "Disclosure.ContactInvalid";

    /// <summary>Field Text; argument: minimum length.</summary>
    public const string TextTooShort = "Disclosure.TextTooShort";

    // The working group's handling of a response; no field unless stated.

    public const string AlreadyAnswered = "Disclosure.AlreadyAnswered";
    public const string AlreadyResolved = "Disclosure.AlreadyResolved";

    /// <summary>Comments are answered, never resolved.</summary>
    public const string NotAnObjection = "Disclosure.NotAnObjection";

    /// <summary>Dismissing or upholding an objection before answering it. Field Answer.</summary>
    public const string AnswerRequired = "Disclosure.AnswerRequired";

    /// <summary>Field Outcome.</summary>
    public const string OutcomeInvalid = "Disclosure.OutcomeInvalid";

    // Spam protection (SubmissionGuard). Form-level (no field) except TooManyLinks.

    /// <summary>The hidden field that people never see was filled in.</summary>
    public const string HoneypotFilled = "Disclosure.HoneypotFilled";

    /// <summary>Sent sooner after the form was issued than a person can write. Argument: minimum seconds.</summary>
    public const string TooSoon = "Disclosure.TooSoon";

    /// <summary>The form was issued too long ago; reload it. Argument: maximum minutes.</summary>
    public const string FormExpired = "Disclosure.FormExpired";

    /// <summary>Too many submissions from one client. Arguments: maximum count, window in minutes, the instant a retry may succeed.</summary>
    public const string RateLimited = "Disclosure.RateLimited";

    /// <summary>Field Text; argument: the most links allowed.</summary>
    public const string TooManyLinks = "Disclosure.TooManyLinks";
}
