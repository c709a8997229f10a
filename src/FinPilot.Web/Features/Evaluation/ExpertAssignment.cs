using System.Text.Json;
using FinPilot.Domain.Evaluation;

namespace FinPilot.Web.Features.Evaluation;

public enum AssignmentSource
{
    Solver = 1,
    Manual = 2,
}

public enum AssignmentState
{
    /// <summary>The expert has not yet said whether they have a conflict; the materials stay closed.</summary>
    AwaitingDeclaration = 1,

    /// <summary>The expert confirmed no conflict and may read and score.</summary>
    Cleared = 2,

    /// <summary>The expert declared a conflict; they never see this project, and the secretariat replaces them.</summary>
    Conflicted = 3,

    Submitted = 4,
}

/// <summary>
/// One expert on one project in one round, with the expert's score sheet. The sheet is saved as a
/// draft until submission locks it; only the secretariat reopens it, with a reason.
/// </summary>
public sealed class ExpertAssignment
{
    public const int MaxReasonLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid ProjectId { get; set; }

    public string ExpertUserId { get; set; } = string.Empty;

    public AssignmentSource Source { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public string AssignedBy { get; set; } = string.Empty;

    /// <summary>When the expert confirmed "no conflict" for this project.</summary>
    public DateTimeOffset? ClearedAt { get; set; }

    public DateTimeOffset? ConflictDeclaredAt { get; set; }

    public string? ConflictNote { get; set; }

    public string SheetJson { get; set; } = "{}";

    public DateTimeOffset? SavedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>How many times the secretariat reopened the sheet; each reopening is in the audit trail with its reason.</summary>
    public int ReopenCount { get; set; }

    public string? LastReopenReason { get; set; }

    public Guid Version { get; set; }

    public AssignmentState State => this switch
    {
        { ConflictDeclaredAt: not null } => AssignmentState.Conflicted,
        { SubmittedAt: not null } => AssignmentState.Submitted,
        { ClearedAt: not null } => AssignmentState.Cleared,
        _ => AssignmentState.AwaitingDeclaration,
    };

    /// <summary>Whether the expert may read this project's materials now.</summary>
    public bool OpensMaterials => ConflictDeclaredAt is null && ClearedAt is not null;

    public ScoreSheet Sheet
    {
        get => JsonSerializer.Deserialize<ScoreSheet>(SheetJson, Json) ?? ScoreSheets.Empty;
        set => SheetJson = JsonSerializer.Serialize(value, Json);
    }
}
