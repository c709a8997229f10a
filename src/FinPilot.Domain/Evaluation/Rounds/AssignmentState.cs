namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>How an expert came onto a project. Stored by name.</summary>
public enum AssignmentSource
{
    Solver = 1,
    Manual = 2,
}

/// <summary>Where an expert's assignment is; derived from its timestamps, never stored.</summary>
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

/// <summary>What happens to an assignment; <see cref="AssignmentLifecycle"/> says from which state each is allowed.</summary>
public enum AssignmentTrigger
{
    /// <summary>The expert confirms "no conflict", which opens the materials.</summary>
    ConfirmNoConflict = 1,

    /// <summary>The conflict rules, asked again when the expert confirms, find a conflict after all.</summary>
    FindConflict = 2,

    /// <summary>The expert declares a conflict, with a note.</summary>
    DeclareConflict = 3,

    /// <summary>The expert saves the score sheet as a draft.</summary>
    SaveDraft = 4,

    /// <summary>The expert submits the score sheet, which locks it.</summary>
    Submit = 5,

    /// <summary>The secretariat reopens a submitted sheet, saying why.</summary>
    Reopen = 6,
}
