namespace FinPilot.Domain.Projects;

/// <summary>
/// Where a <see cref="PilotProject"/> is in its life (DESIGN.md, "The lifecycle of one project").
/// The numbers are stored, so they never change; new stages take new numbers.
/// </summary>
/// <remarks>
/// A plan change (方案变更) is not a stage: the project keeps running, and may be rectifying or
/// suspended, while a change request is reviewed, so the review belongs to a change request of its
/// own rather than to the project's stage.
/// </remarks>
public enum ProjectStage
{
    /// <summary>草稿: the applicant is still writing the application.</summary>
    Draft = 1,

    /// <summary>已提交: submitted (or resubmitted after a supplement), waiting for screening.</summary>
    Submitted = 2,

    /// <summary>形式审查: the working group is screening it.</summary>
    Screening = 3,

    /// <summary>补正: returned to the applicant for missing items, with a deadline in working days.</summary>
    ReturnedForSupplement = 4,

    /// <summary>专业评估: experts are evaluating it.</summary>
    Evaluation = 5,

    /// <summary>协调小组审议: the coordination group is deliberating on it.</summary>
    Deliberation = 6,

    /// <summary>公示: approved and publicly noticed; the public may object.</summary>
    PublicNotice = 7,

    /// <summary>运行 (入箱/启动试点): admitted and running under supervision.</summary>
    Running = 8,

    /// <summary>容错纠偏: running under a correction order.</summary>
    Rectifying = 9,

    /// <summary>风险处置: suspended while a risk is disposed of.</summary>
    Suspended = 10,

    /// <summary>退出中: leaving the pilot; the exit assessment is under way.</summary>
    Exiting = 11,

    /// <summary>已退出: left the pilot in one of the <see cref="ExitMode"/>s.</summary>
    Exited = 12,

    /// <summary>未通过: refused at screening or by the coordination group.</summary>
    Rejected = 13,

    /// <summary>
    /// 撤回: withdrawn by the applicant before admission. Leaving after admission is an exit
    /// (<see cref="ExitMode.Withdrawn"/>), which has an assessment; this has none.
    /// </summary>
    Withdrawn = 14,
}

/// <summary>分类: chosen at application, it travels with the project and selects checklists, rubrics and criteria.</summary>
public enum ProjectCategory
{
    /// <summary>业务创新.</summary>
    BusinessInnovation = 1,

    /// <summary>公共服务.</summary>
    PublicService = 2,

    /// <summary>技术创新.</summary>
    TechnologyInnovation = 3,

    /// <summary>科技赋能.</summary>
    TechnologyEnablement = 4,
}

/// <summary>How an admitted project leaves the pilot (退出方式).</summary>
public enum ExitMode
{
    /// <summary>试点完成: the test plan ran its course.</summary>
    Completed = 1,

    /// <summary>主动退出: the applicant chose to leave.</summary>
    Withdrawn = 2,

    /// <summary>终止/强制退出: the regulator ended it.</summary>
    Terminated = 3,
}
