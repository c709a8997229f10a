using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

/// <summary>
/// 退出: the institution applies to complete or withdraws (Admitted → Exiting), the coordination
/// group terminates (Admitted → Exiting), and the confirming resolution ends the pilot (Exiting → Exited).
/// The exit module keeps the path in between (its <c>ExitCase</c>).
/// </summary>
public sealed partial class PilotProject
{
    /// <summary>试点完成申请 / 主动退出: the institution asks to exit; the mode is completed or withdrawn.</summary>
    public Result RequestExit(Projects.ExitMode mode, DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.RequestExit, now, actorUserId, Text.Clean(reason),
            () => mode is Projects.ExitMode.Completed or Projects.ExitMode.Withdrawn
                ? Text.Required(reason, nameof(reason), MaxReasonLength)
                : [new Error(ProjectErrors.ExitModeInvalid, nameof(ExitMode), mode)],
            () => ExitMode = mode, entry => new ProjectMoved(entry, reason));

    /// <summary>终止: the coordination group's resolution ends the pilot; the note is the resolution.</summary>
    public Result Terminate(DateTimeOffset now, string actorUserId, string note) =>
        Move(ProjectTrigger.Terminate, now, actorUserId, Text.Clean(note), () => Text.Required(note, nameof(note), MaxNoteLength),
            () => ExitMode = Projects.ExitMode.Terminated, entry => new ProjectMoved(entry, note));

    /// <summary>退出确认: the coordination group's resolution confirms the exit (Exiting → Exited).</summary>
    public Result CompleteExit(DateTimeOffset now, string actorUserId, string note) =>
        Move(ProjectTrigger.CompleteExit, now, actorUserId, Text.Clean(note), () => Text.Required(note, nameof(note), MaxNoteLength), () => { },
            entry => new ProjectMoved(entry, note));
}
