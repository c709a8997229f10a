namespace FinPilot.Web.Features.Evaluation;

public enum ConflictDeclarationKind
{
    /// <summary>An organisation on the platform; matched automatically against every project's parties.</summary>
    Organisation = 1,

    /// <summary>A person (a relative, a former colleague…); the secretariat reads it when assigning.</summary>
    Person = 2,

    /// <summary>Anything else the expert wants on record.</summary>
    Other = 3,
}

/// <summary>
/// A conflict of interest an expert declares for the pool, independent of any round. Declarations
/// are evidence for the integrity officer: they are never deleted, only marked as no longer current.
/// </summary>
public sealed class ConflictDeclaration
{
    public const int MaxTextLength = 500;

    public Guid Id { get; set; }

    public string ExpertUserId { get; set; } = string.Empty;

    public ConflictDeclarationKind Kind { get; set; }

    public Guid? OrganisationId { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset DeclaredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool IsCurrent => EndedAt is null;
}
