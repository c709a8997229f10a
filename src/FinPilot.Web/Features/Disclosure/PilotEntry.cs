using System.Globalization;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// A project's stage in the words the public register uses. Only stages a project can be in once
/// its notice is published have a status of their own; the rest read "under review".
/// </summary>
public enum PilotStatus
{
    /// <summary>公示中.</summary>
    OnPublicNotice = 1,

    /// <summary>运行中.</summary>
    Running = 2,

    /// <summary>整改中 (容错纠偏).</summary>
    Rectifying = 3,

    /// <summary>暂停 (风险处置).</summary>
    Suspended = 4,

    /// <summary>退出中.</summary>
    Exiting = 5,

    /// <summary>已退出.</summary>
    Exited = 6,

    /// <summary>重新审议: sent back to the coordination group, usually by an upheld objection.</summary>
    BackInDeliberation = 7,

    /// <summary>未予入箱: refused by the coordination group after being sent back.</summary>
    NotAdmitted = 8,

    /// <summary>已撤回: withdrawn by the applicant before admission.</summary>
    Withdrawn = 9,

    /// <summary>审查中: any earlier stage, which a listed project should never be in.</summary>
    UnderReview = 10,
}

public static class PilotStatuses
{
    /// <summary>The statuses the register's filter offers, in the order a project passes through them.</summary>
    public static IReadOnlyList<PilotStatus> Offered { get; } =
    [
        PilotStatus.OnPublicNotice, PilotStatus.Running, PilotStatus.Rectifying, PilotStatus.Suspended, PilotStatus.Exiting,
        PilotStatus.Exited, PilotStatus.BackInDeliberation, PilotStatus.NotAdmitted, PilotStatus.Withdrawn,
    ];

    public static PilotStatus Of(ProjectStage stage) => stage switch
    {
        ProjectStage.PublicNotice => PilotStatus.OnPublicNotice,
        ProjectStage.Running => PilotStatus.Running,
        ProjectStage.Rectifying => PilotStatus.Rectifying,
        ProjectStage.Suspended => PilotStatus.Suspended,
        ProjectStage.Exiting => PilotStatus.Exiting,
        ProjectStage.Exited => PilotStatus.Exited,
        ProjectStage.Deliberation => PilotStatus.BackInDeliberation,
        ProjectStage.Rejected => PilotStatus.NotAdmitted,
        ProjectStage.Withdrawn => PilotStatus.Withdrawn,
        _ => PilotStatus.UnderReview,
    };
}

/// <summary>A coded thing with a Chinese and an English name; <see cref="Name"/> is the one for the current UI language.</summary>
public sealed record BilingualName(string Code, string NameZh, string NameEn)
{
    public string Name => Chinese || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;

    internal static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
}

/// <summary>第N批: the call a project applied to.</summary>
public sealed record RegisterBatch(Guid CallId, int Number, string Title);

/// <summary>
/// One project as the register shows it.
/// </summary>
/// <param name="Statement">The project's public statement: the summary of its latest public listing.</param>
/// <param name="LeadNameEn">The English name of the lead institution as registered on the platform, if it has one.</param>
/// <param name="ListedAt">The first public event, normally its notice.</param>
/// <param name="UpdatedAt">The latest public event.</param>
public sealed record PilotEntry(
    Guid Id,
    PublicProjectSummary Statement,
    string? LeadNameEn,
    BilingualName Region,
    RegisterBatch Batch,
    PilotStatus Status,
    ExitMode? ExitMode,
    IReadOnlyList<BilingualName> Scenarios,
    IReadOnlyList<BilingualName> Technologies,
    DateTimeOffset ListedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The lead institution as published, or in English its registered English name.</summary>
    public string LeadName => BilingualName.Chinese || LeadNameEn is null ? Statement.LeadName : LeadNameEn;
}

/// <summary>A project's statement and its public timeline, oldest first.</summary>
/// <param name="LedgerIndexes">The signed ledger index of each timeline event's public record, by record sequence.</param>
public sealed record PilotRecord(PilotEntry Pilot, IReadOnlyList<PublicEventRecord> Timeline, IReadOnlyDictionary<long, long> LedgerIndexes)
{
    public long? LedgerIndexOf(PublicEventRecord e) => e.RecordSequence is { } s && LedgerIndexes.TryGetValue(s, out var index) ? index : null;
}
