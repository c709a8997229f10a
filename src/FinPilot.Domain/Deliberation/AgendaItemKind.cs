using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Deliberation;

/// <summary>
/// What the coordination group is asked to decide. The numbers are stored, so they never change.
/// </summary>
/// <remarks>
/// A new kind takes the next number and one row in <see cref="AgendaItemKinds.All"/>; meetings,
/// opinions, votes and minutes do not change.
/// </remarks>
public enum AgendaItemKind
{
    /// <summary>入箱审议: whether evaluated projects are admitted to the pilot.</summary>
    Admission = 1,

    /// <summary>提请终止: a disposal case proposes that an admitted pilot be terminated.</summary>
    TerminationProposal = 2,

    /// <summary>重大方案变更: whether a running pilot's major plan change is approved; the project's stage does not move.</summary>
    MajorPlanChange = 3,

    /// <summary>退出确认: whether an exiting pilot's exit and its tier (分层分类) are confirmed, voted per project.</summary>
    Exit = 4,
}

/// <summary>
/// How one kind of agenda item meets the project lifecycle: the stages a project must be in to
/// be put on such an item, and the trigger an approving or rejecting outcome pulls on the project
/// (null when that outcome moves nothing, as a rejected plan change would leave a project running).
/// </summary>
public sealed record AgendaItemKindRule(
    AgendaItemKind Kind,
    IReadOnlyList<ProjectStage> ExpectedStages,
    ProjectTrigger? OnApproval,
    ProjectTrigger? OnRejection);

/// <summary>The kinds of agenda item as data, so that a new kind is a new row rather than a new code path.</summary>
public static class AgendaItemKinds
{
    public static IReadOnlyList<AgendaItemKindRule> All { get; } =
    [
        new(AgendaItemKind.Admission, [ProjectStage.Deliberation], ProjectTrigger.Approve, ProjectTrigger.RejectAfterDeliberation),

        // An approved termination moves the pilot to exiting and opens its exit case in mode Terminated;
        // the exit module carries it out (its IAgendaItemResolution). A rejected proposal moves nothing.
        new(AgendaItemKind.TerminationProposal, ProjectLifecycle.Admitted, ProjectTrigger.Terminate, null),
        new(AgendaItemKind.MajorPlanChange, [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended], OnApproval: null, OnRejection: null),

        // The exit module carries out the resolution too: an approved item confirms the tier and ends the pilot;
        // a rejected one sends the case back to the working group's audit.
        new(AgendaItemKind.Exit, [ProjectStage.Exiting], ProjectTrigger.CompleteExit, OnRejection: null),
    ];

    /// <summary>The rule of a kind, or null for a number that is not a kind.</summary>
    public static AgendaItemKindRule? Find(AgendaItemKind kind) => All.FirstOrDefault(r => r.Kind == kind);

    /// <summary>Whether a project in <paramref name="stage"/> may be put on an item of <paramref name="kind"/>.</summary>
    public static bool Accepts(AgendaItemKind kind, ProjectStage stage) => Find(kind)?.ExpectedStages.Contains(stage) == true;
}
