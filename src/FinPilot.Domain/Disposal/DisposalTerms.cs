namespace FinPilot.Domain.Disposal;

/// <summary>How grave a risk is under the overall contingency plan: I (特别重大) the gravest to IV (一般). Numbers are stored and compared.</summary>
public enum DisposalLevel
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>What a disposal case answers. Stored by name.</summary>
public enum DisposalSource
{
    /// <summary>The working group opened it on its own judgement.</summary>
    Direct = 1,

    /// <summary>A risk alert (风险预警); the source id is the alert's.</summary>
    Alert = 2,

    /// <summary>An incident report (事件报告); the source id is the incident's.</summary>
    Incident = 3,

    /// <summary>An escalated correction order (整改通知); the source id is the order's.</summary>
    CorrectionOrder = 4,
}

/// <summary>The actions the contingency plan may require at a level. Stored by name; new kinds take new numbers.</summary>
public enum DisposalActionKind
{
    /// <summary>暂停试点: the working group suspends the pilot (a public record).</summary>
    SuspendPilot = 1,

    /// <summary>告知客户: the institution tells every affected customer.</summary>
    CustomerNotification = 2,

    /// <summary>赔偿处理: the institution receives, pays and closes claims.</summary>
    Compensation = 3,

    /// <summary>提请终止: the working group puts a proposal to terminate the pilot to the coordination group.</summary>
    TerminationProposal = 4,
}

/// <summary>Who carries out an action of a case: the region's working group or the pilot's institution.</summary>
public enum DisposalActionOwner
{
    WorkingGroup = 1,
    Institution = 2,
}

/// <summary>Where one action of a case stands. Stored by name.</summary>
public enum DisposalActionState
{
    Open = 1,
    Done = 2,

    /// <summary>Not carried out, with the working group's reason.</summary>
    Waived = 3,
}

/// <summary>Where a case stands. Stored by name.</summary>
public enum DisposalCaseStatus
{
    Open = 1,
    Closed = 2,

    /// <summary>
    /// Proposed by the correction escalation ladder at the lowest level, with no checklist yet: the working group
    /// confirms it (it opens, with the level's actions) or dismisses it (it closes with the reason).
    /// </summary>
    Proposed = 3,
}

/// <summary>How the institution told customers. Stored by name.</summary>
public enum NoticeChannel
{
    Sms = 1,
    Phone = 2,
    Email = 3,
    Letter = 4,
    App = 5,
    PublicAnnouncement = 6,
}

/// <summary>The owner of each kind of action: who alone can carry it out decides who owes it.</summary>
public static class DisposalActions
{
    public static DisposalActionOwner OwnerOf(DisposalActionKind kind) => kind switch
    {
        DisposalActionKind.CustomerNotification or DisposalActionKind.Compensation => DisposalActionOwner.Institution,
        _ => DisposalActionOwner.WorkingGroup,
    };

    /// <summary>Whether a level is graver than another (a smaller number).</summary>
    public static bool IsGraver(DisposalLevel level, DisposalLevel than) => (int)level < (int)than;
}
