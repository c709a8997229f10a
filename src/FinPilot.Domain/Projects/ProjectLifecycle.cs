using System.Collections.Frozen;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

/// <summary>One allowed move: from a stage, a trigger leads to exactly one stage.</summary>
public sealed record ProjectTransition(ProjectStage From, ProjectTrigger Trigger, ProjectStage To);

/// <summary>
/// The state machine of <see cref="PilotProject"/> as data: every move the whole path allows
/// (DESIGN.md, "The lifecycle of one project"), and the triggers the platform has built so far.
/// Keeping the table in one place lets the aggregate, the policy, the UI and the tests ask the
/// same question, and lets a later issue switch a trigger on without redrawing the path.
/// </summary>
public static class ProjectLifecycle
{
    /// <summary>Stages from which the applicant may still withdraw: everything before admission (入箱).</summary>
    public static IReadOnlyList<ProjectStage> BeforeAdmission { get; } =
    [
        ProjectStage.Draft,
        ProjectStage.Submitted,
        ProjectStage.Screening,
        ProjectStage.ReturnedForSupplement,
        ProjectStage.Evaluation,
        ProjectStage.Deliberation,
        ProjectStage.PublicNotice,
    ];

    /// <summary>Stages of an admitted project that is still in the pilot.</summary>
    public static IReadOnlyList<ProjectStage> Admitted { get; } =
        [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended];

    public static IReadOnlyList<ProjectTransition> Transitions { get; } =
    [
        // Calls, applications and screening.
        new(ProjectStage.Draft, ProjectTrigger.Submit, ProjectStage.Submitted),
        new(ProjectStage.Submitted, ProjectTrigger.StartScreening, ProjectStage.Screening),
        new(ProjectStage.Screening, ProjectTrigger.ReturnForSupplement, ProjectStage.ReturnedForSupplement),
        new(ProjectStage.ReturnedForSupplement, ProjectTrigger.Resubmit, ProjectStage.Submitted),
        new(ProjectStage.Screening, ProjectTrigger.Accept, ProjectStage.Evaluation),
        new(ProjectStage.Screening, ProjectTrigger.Reject, ProjectStage.Rejected),
        .. BeforeAdmission.Select(s => new ProjectTransition(s, ProjectTrigger.Withdraw, ProjectStage.Withdrawn)),

        // Evaluation, deliberation and public notice.
        new(ProjectStage.Evaluation, ProjectTrigger.CompleteEvaluation, ProjectStage.Deliberation),
        new(ProjectStage.Deliberation, ProjectTrigger.Approve, ProjectStage.PublicNotice),
        new(ProjectStage.Deliberation, ProjectTrigger.RejectAfterDeliberation, ProjectStage.Rejected),
        new(ProjectStage.PublicNotice, ProjectTrigger.Admit, ProjectStage.Running),
        new(ProjectStage.PublicNotice, ProjectTrigger.SendBackToDeliberation, ProjectStage.Deliberation),

        // Supervision: a correction or a suspension interrupts running; a suspension may also
        // interrupt a correction, and lifting it returns the project to plain running.
        new(ProjectStage.Running, ProjectTrigger.OrderCorrection, ProjectStage.Rectifying),
        new(ProjectStage.Rectifying, ProjectTrigger.CloseCorrection, ProjectStage.Running),
        new(ProjectStage.Running, ProjectTrigger.Suspend, ProjectStage.Suspended),
        new(ProjectStage.Rectifying, ProjectTrigger.Suspend, ProjectStage.Suspended),
        new(ProjectStage.Suspended, ProjectTrigger.Resume, ProjectStage.Running),

        // Exit: asked for by the applicant or imposed by the regulator from any admitted stage.
        .. Admitted.Select(s => new ProjectTransition(s, ProjectTrigger.RequestExit, ProjectStage.Exiting)),
        .. Admitted.Select(s => new ProjectTransition(s, ProjectTrigger.Terminate, ProjectStage.Exiting)),
        new(ProjectStage.Exiting, ProjectTrigger.CompleteExit, ProjectStage.Exited),
    ];

    /// <summary>
    /// The triggers built so far (calls, applications, screening, evaluation, deliberation, public
    /// notice and admission). A later issue adds its
    /// triggers here when it builds them; until then they are defined but refused.
    /// </summary>
    public static IReadOnlySet<ProjectTrigger> Implemented { get; } = new[]
    {
        ProjectTrigger.Submit,
        ProjectTrigger.StartScreening,
        ProjectTrigger.ReturnForSupplement,
        ProjectTrigger.Resubmit,
        ProjectTrigger.Accept,
        ProjectTrigger.Reject,
        ProjectTrigger.Withdraw,
        ProjectTrigger.CompleteEvaluation,
        ProjectTrigger.Approve,
        ProjectTrigger.RejectAfterDeliberation,
        ProjectTrigger.SendBackToDeliberation,
        ProjectTrigger.Admit,
        ProjectTrigger.OrderCorrection,
        ProjectTrigger.CloseCorrection,

        // Risk disposal (风险处置): a disposal case suspends and resumes the pilot.
        ProjectTrigger.Suspend,
        ProjectTrigger.Resume,

        // Exit (退出): the institution applies or withdraws, the coordination group terminates and confirms.
        ProjectTrigger.RequestExit,
        ProjectTrigger.Terminate,
        ProjectTrigger.CompleteExit,
    }.ToFrozenSet();

    private static readonly FrozenDictionary<(ProjectStage, ProjectTrigger), ProjectTransition> ByMove =
        Transitions.ToFrozenDictionary(t => (t.From, t.Trigger));

    /// <summary>The transition a trigger defines from a stage, or null when it defines none.</summary>
    public static ProjectTransition? Find(ProjectStage from, ProjectTrigger trigger) =>
        ByMove.GetValueOrDefault((from, trigger));

    /// <summary>
    /// The stage a trigger leads to from <paramref name="from"/>, or why not:
    /// <see cref="LifecycleErrors.NotAllowed"/> (from, trigger) when the path has no such move,
    /// <see cref="LifecycleErrors.NotYetAvailable"/> (from, trigger, to) when it has but the
    /// platform has not built it yet.
    /// </summary>
    public static Result<ProjectStage> Check(ProjectStage from, ProjectTrigger trigger)
    {
        var transition = Find(from, trigger);
        if (transition is null)
        {
            return new Error(LifecycleErrors.NotAllowed, "Stage", from, trigger);
        }

        return Implemented.Contains(trigger)
            ? transition.To
            : new Error(LifecycleErrors.NotYetAvailable, "Stage", from, trigger, transition.To);
    }

    /// <summary>The built transitions that leave a stage, in table order.</summary>
    public static IReadOnlyList<ProjectTransition> AvailableFrom(ProjectStage from) =>
        Transitions.Where(t => t.From == from && Implemented.Contains(t.Trigger)).ToArray();

    /// <summary>A stage nothing leaves: the project's story there is over.</summary>
    public static bool IsFinal(ProjectStage stage) => Transitions.All(t => t.From != stage);
}

public static class LifecycleErrors
{
    /// <summary>The path has no such move from the current stage. Arguments: from, trigger.</summary>
    public static readonly ErrorCode NotAllowed = ErrorCode.Conflict("Lifecycle.NotAllowed");

    /// <summary>The move exists but its feature is not built yet. Arguments: from, trigger, to.</summary>
    public static readonly ErrorCode NotYetAvailable = ErrorCode.Conflict("Lifecycle.NotYetAvailable");
}
