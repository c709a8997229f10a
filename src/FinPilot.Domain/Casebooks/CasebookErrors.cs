using FinPilot.Domain.Common;

namespace FinPilot.Domain.Casebooks;

/// <summary>Codes of the expected failures of the casebook (案例集). Arguments are listed beside each code.</summary>
public static class CasebookErrors
{
    /// <summary>No such casebook, or none the caller may know of (a draft to anyone but its composers).</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Casebook.NotFound");

    /// <summary>No such case in the casebook. No field.</summary>
    public static readonly ErrorCode CaseNotFound = ErrorCode.NotFound("Casebook.Case.NotFound");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Casebook.ChangedByAnother");

    /// <summary>A change to a published casebook; a correction is a new edition. No field.</summary>
    public static readonly ErrorCode AlreadyPublished = ErrorCode.InvalidState("Casebook.AlreadyPublished");

    /// <summary>Published with no case. No field.</summary>
    public static readonly ErrorCode Empty = ErrorCode.InvalidState("Casebook.Empty");

    /// <summary>A case without its Chinese editorial text. Field: the case's project. Arguments: the pilot's name.</summary>
    public static readonly ErrorCode EditorialMissing = ErrorCode.InvalidState("Casebook.EditorialMissing");

    /// <summary>A regional casebook without its region, or a national one with a region. Field: RegionId.</summary>
    public static readonly ErrorCode ScopeInvalid = ErrorCode.Validation("Casebook.ScopeInvalid");

    /// <summary>A pilot that has not exited with a tier, or outside the casebook's region. Field: ProjectId.</summary>
    public static readonly ErrorCode CaseNotEligible = ErrorCode.InvalidState("Casebook.CaseNotEligible");

    /// <summary>A pilot already selected. Field: ProjectId.</summary>
    public static readonly ErrorCode CaseAlreadySelected = ErrorCode.Conflict("Casebook.CaseAlreadySelected");

    /// <summary>More cases than a casebook holds. Arguments: the limit.</summary>
    public static readonly ErrorCode TooManyCases = ErrorCode.Validation("Casebook.TooManyCases");

    /// <summary>A new edition of a casebook that is not published (a draft is changed, not superseded). No field.</summary>
    public static readonly ErrorCode NotPublished = ErrorCode.InvalidState("Casebook.NotPublished");

    /// <summary>A second new edition of the same edition: it already has its successor. Arguments: the successor's edition number.</summary>
    public static readonly ErrorCode EditionExists = ErrorCode.Conflict("Casebook.EditionExists");

    /// <summary>A field code that is not a <see cref="CaseField"/>. Field: Published.</summary>
    public static readonly ErrorCode FieldInvalid = ErrorCode.Validation("Casebook.FieldInvalid");
}
