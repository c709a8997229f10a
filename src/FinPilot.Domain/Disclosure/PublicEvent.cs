namespace FinPilot.Domain.Disclosure;

/// <summary>
/// What the public register (公开信息) says happened to a project. Numbers are stored, so they
/// never change; new kinds are added at the end.
/// </summary>
public enum PublicEventKind
{
    /// <summary>Listed on a published notice (公示).</summary>
    NoticePublished = 1,

    /// <summary>Admitted after its notice (入箱).</summary>
    Admitted = 2,

    /// <summary>Sent back to the coordination group's deliberation, usually by an upheld objection.</summary>
    SentBackToDeliberation = 3,

    /// <summary>A resolution of the coordination group made public (审议结果).</summary>
    ResolutionPublished = 4,

    /// <summary>重大进展: raised by the supervision feature when it is built.</summary>
    MajorProgress = 5,

    /// <summary>已退出: the coordination group confirmed the exit (any mode); the exit module raises it.</summary>
    Exit = 6,

    /// <summary>终止试点: the coordination group resolved to terminate the pilot, which is now exiting.</summary>
    Termination = 7,

    /// <summary>The notice it was listed on was withdrawn (撤回公示).</summary>
    NoticeWithdrawn = 8,

    /// <summary>暂停试点: a disposal case suspended the pilot. Numbered apart (20+) from kinds added at the same time elsewhere.</summary>
    Suspended = 20,

    /// <summary>恢复试点: the suspension was lifted.</summary>
    Resumed = 21,

    /// <summary>A correction order the working group made public (责令整改).</summary>
    CorrectionOrdered = 22,

    /// <summary>A public correction order was closed or withdrawn (整改完成).</summary>
    CorrectionClosed = 23,

    /// <summary>方案变更: an approved (major) plan change, public from its approval.</summary>
    PlanChanged = 24,

    /// <summary>试点完成申请 / 主动退出: the institution applied to exit. In the exit module's range (30–39).</summary>
    ExitRequested = 30,

    /// <summary>A step of the exit path done (audit passed, expert opinion given, forwarded for confirmation).</summary>
    ExitStep = 32,

    /// <summary>分层分类: the confirmed tier of the exited pilot.</summary>
    TierAssigned = 34,

    /// <summary>入选案例集: the pilot is a case of a published casebook. In the casebook's range (36–39).</summary>
    CasebookPublished = 36,
}

/// <summary>
/// One entry of a project's public history, as the web layer stores and lists it.
/// <paramref name="Link"/> is the site-relative address of the page that tells the story, such as
/// the notice.
/// </summary>
public sealed record PublicEvent(
    Guid ProjectId,
    PublicEventKind Kind,
    DateTimeOffset At,
    string TitleZh,
    string? TitleEn,
    string Link);
