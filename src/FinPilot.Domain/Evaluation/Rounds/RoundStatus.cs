namespace FinPilot.Domain.Evaluation.Rounds;

/// <summary>Where an evaluation round is. Stored by name, so the names never change.</summary>
public enum RoundStatus
{
    /// <summary>The secretariat builds the round: settings, projects, assignment.</summary>
    Preparing = 1,

    /// <summary>Experts declare conflicts and score.</summary>
    Scoring = 2,

    /// <summary>Scores are final; the projects went on to deliberation.</summary>
    Completed = 3,
}

/// <summary>What the secretariat does to a round; <see cref="RoundLifecycle"/> says in which status each is allowed.</summary>
public enum RoundTrigger
{
    /// <summary>Title, experts per project, deadline, peer scores, weights, rubric.</summary>
    ChangeSettings = 1,

    /// <summary>Runs the solver and keeps its report (and, when feasible, its assignment).</summary>
    Solve = 2,

    /// <summary>Pins or forbids one expert on one project for the next solve.</summary>
    SetRule = 3,

    /// <summary>Adds one expert to one project by hand.</summary>
    AddExpert = 4,

    /// <summary>Takes one expert off one project; during scoring only one who has not started.</summary>
    RemoveExpert = 5,

    /// <summary>Opens the round for scoring.</summary>
    Open = 6,

    /// <summary>Records the panel's consensus on a flagged disagreement.</summary>
    RecordConsensus = 7,

    /// <summary>Ends the round; its projects go on to deliberation.</summary>
    Complete = 8,
}
