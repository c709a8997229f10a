using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Statistics;

/// <summary>Where a project of the register stands, read from its latest public lifecycle event alone.</summary>
public enum PublicStage
{
    /// <summary>公示中: its latest lifecycle event is its notice.</summary>
    OnNotice = 1,

    /// <summary>试点中: admitted, or resumed after a suspension.</summary>
    Running = 2,

    /// <summary>暂停: suspended by a disposal case.</summary>
    Suspended = 3,

    /// <summary>已退出: exited or terminated.</summary>
    Exited = 4,

    /// <summary>重新审议: sent back to the coordination group.</summary>
    SentBack = 5,

    /// <summary>公示撤回: the notice it was listed on was withdrawn.</summary>
    NoticeWithdrawn = 6,
}

/// <summary>The steps of the funnel that public records can count (application, screening and evaluation counts are not public).</summary>
public enum FunnelStep
{
    /// <summary>Listed on a published notice after the coordination group approved it.</summary>
    Noticed = 1,

    /// <summary>Admitted (入箱) after the notice.</summary>
    Admitted = 2,

    /// <summary>Exited or terminated.</summary>
    Exited = 3,
}

/// <summary>The public lifecycle events that decide a project's <see cref="PublicStage"/>, and what each means.</summary>
public static class PublicStages
{
    /// <summary>
    /// The lifecycle kinds, from the lowest precedence to the highest: of two events at the same
    /// instant the later in this list decides the stage.
    /// </summary>
    public static IReadOnlyList<PublicEventKind> Lifecycle { get; } =
    [
        PublicEventKind.NoticePublished, PublicEventKind.NoticeWithdrawn, PublicEventKind.SentBackToDeliberation, PublicEventKind.Admitted,
        PublicEventKind.Resumed, PublicEventKind.Suspended, PublicEventKind.Exit, PublicEventKind.Termination,
    ];

    public static PublicStage Of(PublicEventKind kind) => kind switch
    {
        PublicEventKind.NoticePublished => PublicStage.OnNotice,
        PublicEventKind.NoticeWithdrawn => PublicStage.NoticeWithdrawn,
        PublicEventKind.SentBackToDeliberation => PublicStage.SentBack,
        PublicEventKind.Admitted or PublicEventKind.Resumed => PublicStage.Running,
        PublicEventKind.Suspended => PublicStage.Suspended,
        PublicEventKind.Exit or PublicEventKind.Termination => PublicStage.Exited,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a lifecycle event."),
    };

    /// <summary>The stage the latest lifecycle event gives, or null when the project has none.</summary>
    public static PublicStage? Latest(IEnumerable<PublicEventFact> events) =>
        events.Where(e => Lifecycle.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => Precedence(e.Kind))
            .Select(e => (PublicStage?)Of(e.Kind))
            .LastOrDefault();

    public static int Precedence(PublicEventKind kind) => Lifecycle.ToList().IndexOf(kind);
}

/// <summary>One public event of a project, as the register publishes it.</summary>
public sealed record PublicEventFact(PublicEventKind Kind, DateTimeOffset At);

/// <summary>
/// One project of the public register with what the statistics read of it — every field is on a
/// public page or in the open data: region, the call it applied to (and that call's closing date),
/// category, technologies, lead institution (its id in the open data) and its public events.
/// </summary>
public sealed record PublicPilotFact(
    Guid ProjectId,
    string RegionCode,
    Guid CallId,
    DateTimeOffset CallClosesAt,
    ProjectCategory Category,
    IReadOnlyList<string> Technologies,
    string LeadKey,
    IReadOnlyList<PublicEventFact> Events)
{
    public bool IsAdmitted => Events.Any(e => e.Kind == PublicEventKind.Admitted);

    /// <summary>The scenario codes its notice states.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>The lead institution's type (an <c>Organisations.OrganisationType</c> name) as its notice states it, if it does.</summary>
    public string? LeadType { get; init; }

    /// <summary>The exit tier the coordination group confirmed (an <c>Exit.ExitTier</c> name), if published.</summary>
    public string? Tier { get; init; }

    /// <summary>The tier counts once its public record (<see cref="PublicEventKind.TierAssigned"/>) is among the events.</summary>
    public string? PublicTier => Tier is not null && Events.Any(e => e.Kind == PublicEventKind.TierAssigned) ? Tier : null;

    public DateTimeOffset? AdmittedAt => Events.Where(e => e.Kind == PublicEventKind.Admitted).Select(e => (DateTimeOffset?)e.At).Min();

    /// <summary>Calendar days (Beijing dates) from the call's closing to the first admission.</summary>
    public int? DaysToAdmission => AdmittedAt is { } at ? ChinaTime.DateOf(at).DayNumber - ChinaTime.DateOf(CallClosesAt).DayNumber : null;
}

/// <summary>A published call, as its public page shows it.</summary>
public sealed record PublicCallFact(Guid CallId, string RegionCode, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Closed);
