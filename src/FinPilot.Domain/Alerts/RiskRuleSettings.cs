using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Alerts;

/// <summary>
/// How the risk rules run for one pilot: which kinds are off, the change-rate percentage and the
/// grace days of a stale stream. Each category has defaults (<see cref="For(ProjectCategory)"/>);
/// the working group may set a pilot's own (<see cref="RiskRuleOverride"/>), which then replace them whole.
/// </summary>
public sealed record RiskRuleSettings
{
    public const double MinChangeRatePercent = 1;
    public const double MaxChangeRatePercent = 1000;
    public const int MaxGraceDays = 90;

    public IReadOnlyList<RiskRuleKind> Disabled { get; init; } = [];

    /// <summary>A metric that gets worse by more than this percentage from one period to the next raises a change-rate alert.</summary>
    public double ChangeRatePercent { get; init; } = 50;

    /// <summary>Days after a sample was due before the stream counts as stale.</summary>
    public int StaleGraceDays { get; init; } = 10;

    public bool Enables(RiskRuleKind kind) => !Disabled.Contains(kind);

    /// <summary>The category defaults: technology pilots' service metrics swing more, so their change rate is wider and their grace shorter.</summary>
    public static RiskRuleSettings For(ProjectCategory category) => category switch
    {
        ProjectCategory.TechnologyInnovation or ProjectCategory.TechnologyEnablement => new RiskRuleSettings { ChangeRatePercent = 100, StaleGraceDays = 5 },
        _ => new RiskRuleSettings(),
    };

    public IEnumerable<Error> Validate()
    {
        foreach (var kind in Disabled.Where(k => !Enum.IsDefined(k)))
        {
            yield return new Error(AlertErrors.KindUnknown, "disabled", (int)kind);
        }

        if (double.IsNaN(ChangeRatePercent) || ChangeRatePercent is < MinChangeRatePercent or > MaxChangeRatePercent)
        {
            yield return new Error(AlertErrors.ChangeRateInvalid, "changeRatePercent", MinChangeRatePercent, MaxChangeRatePercent);
        }

        if (StaleGraceDays is < 0 or > MaxGraceDays)
        {
            yield return new Error(AlertErrors.GraceInvalid, "staleGraceDays", 0, MaxGraceDays);
        }
    }

    /// <summary>The same settings with the disabled kinds distinct and in order, so equal settings compare equal.</summary>
    public RiskRuleSettings Normalised() => this with { Disabled = [.. Disabled.Distinct().Order()] };

    public bool SameAs(RiskRuleSettings other) =>
        other is not null && ChangeRatePercent.Equals(other.ChangeRatePercent) && StaleGraceDays == other.StaleGraceDays
        && Disabled.Distinct().Order().SequenceEqual(other.Disabled.Distinct().Order());
}

/// <summary>A pilot's own rule settings, set by the region's working group (audited); one row per project.</summary>
public sealed class RiskRuleOverride : IRegionScoped, IRecordsEvents
{
    public const int MaxActorLength = 450;

    private readonly EventLog _events = new();

    private RiskRuleOverride()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public RiskRuleSettings Settings { get; private set; } = new();

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public Guid Version { get; private set; }

    public static Result<RiskRuleOverride> Create(Guid projectId, int regionId, RiskRuleSettings settings, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var errors = settings.Validate().ToArray();
        if (errors.Length > 0)
        {
            return Result<RiskRuleOverride>.Fail(errors);
        }

        var own = new RiskRuleOverride
        {
            ProjectId = projectId,
            RegionId = regionId,
            Settings = settings.Normalised(),
            UpdatedAt = now,
            UpdatedBy = by.Length > MaxActorLength ? by[..MaxActorLength] : by,
            Version = Guid.NewGuid(),
        };
        own._events.Record(new RiskRulesChanged());
        return own;
    }

    public Result Change(RiskRuleSettings settings, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var errors = settings.Validate().ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (Settings.SameAs(settings))
        {
            return new Error(AlertErrors.SettingsUnchanged);
        }

        Settings = settings.Normalised();
        UpdatedAt = now;
        UpdatedBy = by.Length > MaxActorLength ? by[..MaxActorLength] : by;
        Version = Guid.NewGuid();
        _events.Record(new RiskRulesChanged());
        return Result.Ok();
    }
}

/// <summary>A pilot's own rule settings were set (first time) or changed.</summary>
public sealed record RiskRulesChanged : IDomainEvent;
