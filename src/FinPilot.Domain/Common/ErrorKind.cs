namespace FinPilot.Domain.Common;

/// <summary>
/// What an expected failure is about. Each code declares its kind where it is declared, so the
/// edge picks the HTTP status from the kind alone (<c>Problems.From</c>).
/// </summary>
public enum ErrorKind
{
    /// <summary>Input that is wrong, usually naming its field: 400, listed with the others.</summary>
    Validation,

    /// <summary>
    /// The record's state refuses the action (not a draft, already answered): 409 when it comes
    /// alone, but listed as validation when input errors come with it.
    /// </summary>
    InvalidState,

    /// <summary>The record changed since it was read, or is in the wrong stage: 409 even beside input errors.</summary>
    Conflict,

    /// <summary>No such record, or none the caller may know of: 404.</summary>
    NotFound,

    /// <summary>The caller may not do this: 403, saying nothing about the record.</summary>
    Forbidden,
}
