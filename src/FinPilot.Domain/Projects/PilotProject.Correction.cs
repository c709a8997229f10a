using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

/// <summary>
/// 责令整改 and its end: a correction order that requires the pilot to stop and rectify moves it to
/// rectifying; verifying the last such order returns it to running.
/// </summary>
public sealed partial class PilotProject
{
    /// <summary>The working group orders the pilot to rectify (Running → Rectifying); the note names the order.</summary>
    public Result OrderCorrection(DateTimeOffset now, string actorUserId, string note) =>
        Move(ProjectTrigger.OrderCorrection, now, actorUserId, Text.Clean(note), () => Text.Required(note, nameof(note), MaxNoteLength), () => { },
            entry => new ProjectMoved(entry, note));

    /// <summary>The working group verified the correction (Rectifying → Running); the note names the order.</summary>
    public Result CloseCorrection(DateTimeOffset now, string actorUserId, string note) =>
        Move(ProjectTrigger.CloseCorrection, now, actorUserId, Text.Clean(note), () => Text.Required(note, nameof(note), MaxNoteLength), () => { },
            entry => new ProjectMoved(entry, note));
}
