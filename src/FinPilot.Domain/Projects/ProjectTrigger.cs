namespace FinPilot.Domain.Projects;

/// <summary>
/// The named actions that move a project from one stage to another. The numbers are stored in
/// the timeline, so they never change.
/// </summary>
public enum ProjectTrigger
{
    /// <summary>申报: the applicant submits the draft application.</summary>
    Submit = 1,

    /// <summary>The working group opens formal screening of a submitted application.</summary>
    StartScreening = 2,

    /// <summary>退回补正: the working group returns it with a list of missing items and a deadline.</summary>
    ReturnForSupplement = 3,

    /// <summary>The applicant resubmits after supplementing.</summary>
    Resubmit = 4,

    /// <summary>受理: screening passed; on to expert evaluation.</summary>
    Accept = 5,

    /// <summary>Screening failed, with a reason.</summary>
    Reject = 6,

    /// <summary>撤回: the applicant withdraws before admission, with a reason.</summary>
    Withdraw = 7,

    /// <summary>The evaluation report is done; on to the coordination group.</summary>
    CompleteEvaluation = 8,

    /// <summary>The coordination group approves; on to public notice.</summary>
    Approve = 9,

    /// <summary>The coordination group refuses.</summary>
    RejectAfterDeliberation = 10,

    /// <summary>入箱: the notice period ended with objections resolved; the pilot starts.</summary>
    Admit = 11,

    /// <summary>An objection during public notice was upheld; the coordination group looks again.</summary>
    SendBackToDeliberation = 12,

    /// <summary>容错纠偏: the working group orders a correction.</summary>
    OrderCorrection = 13,

    /// <summary>The correction was verified and closed.</summary>
    CloseCorrection = 14,

    /// <summary>风险处置: the project is suspended.</summary>
    Suspend = 15,

    /// <summary>The suspension is lifted.</summary>
    Resume = 16,

    /// <summary>The applicant asks to leave (completed or voluntary exit).</summary>
    RequestExit = 17,

    /// <summary>The regulator ends the project (forced exit).</summary>
    Terminate = 18,

    /// <summary>The exit assessment is done; the project has left the pilot.</summary>
    CompleteExit = 19,
}
