using FinPilot.Domain.Common;

namespace FinPilot.Domain.Disposal;

/// <summary>One action a level requires, and within how many working days of the case's opening (or of the level being raised).</summary>
public sealed record RequiredAction(DisposalActionKind Kind, int WorkingDays);

/// <summary>One level of the plan: when it applies (its triggers, in both languages) and what it requires.</summary>
public sealed record ContingencyLevel(DisposalLevel Level, string TriggersZh, string TriggersEn, IReadOnlyList<RequiredAction> Actions);

/// <summary>
/// One version of the overall contingency plan (试点风险总体处置预案): levels I–IV, each with its
/// triggers and required actions. Versions are appended, never edited; a case keeps the version in
/// force when it opened.
/// </summary>
public sealed class ContingencyPlanVersion : IRecordsEvents
{
    public const int MaxTriggersLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 60;

    /// <summary>The id of the version the platform is installed with.</summary>
    public static readonly Guid DefaultId = new("0193f0a0-0000-7000-8000-000000000017");

    private readonly EventLog _events = new();

    private ContingencyPlanVersion()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3, … in order of publication; unique.</summary>
    public int Number { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; } = string.Empty;

    /// <summary>What changed and why, as the publisher wrote it.</summary>
    public string Note { get; private set; } = string.Empty;

    public IReadOnlyList<ContingencyLevel> Levels { get; private set; } = [];

    public ContingencyLevel LevelOf(DisposalLevel level) => Levels.Single(l => l.Level == level);

    void IRecordsEvents.ClearEvents() => _events.Clear();

    /// <summary>The version the platform is installed with (number 1).</summary>
    public static ContingencyPlanVersion Default() => new()
    {
        Id = DefaultId,
        Number = 1,
        PublishedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        PublishedBy = "system",
        Note = "平台初始预案 / Initial plan",
        Levels = ContingencyPlanDefaults.Levels,
    };

    /// <summary>Publishes the version after <paramref name="previousNumber"/>; every level I–IV once, each action kind at most once per level.</summary>
    public static Result<ContingencyPlanVersion> Publish(
        int previousNumber, IReadOnlyList<ContingencyLevel> levels, string note, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Validate(levels).Concat(Text.Required(note, "note", MaxNoteLength)).ToArray();
        if (errors.Length > 0)
        {
            return Result<ContingencyPlanVersion>.Fail(errors);
        }

        var version = new ContingencyPlanVersion
        {
            Id = Guid.CreateVersion7(now),
            Number = previousNumber + 1,
            PublishedAt = now,
            PublishedBy = actorUserId,
            Note = note.Trim(),
            Levels = [.. levels.OrderBy(l => l.Level).Select(l => l with
            {
                TriggersZh = l.TriggersZh.Trim(),
                TriggersEn = l.TriggersEn.Trim(),
                Actions = [.. l.Actions.OrderBy(a => a.Kind)],
            })],
        };
        version._events.Record(new ContingencyPlanPublished(version.Number));
        return version;
    }

    public static IEnumerable<Error> Validate(IReadOnlyList<ContingencyLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!Enum.GetValues<DisposalLevel>().SequenceEqual(levels.Select(l => l.Level).Order()))
        {
            yield return new Error(DisposalErrors.PlanLevelsInvalid, "levels");
            yield break;
        }

        foreach (var level in levels)
        {
            var prefix = $"levels[{(int)level.Level}]";
            foreach (var error in Text.Required(level.TriggersZh, $"{prefix}.triggersZh", MaxTriggersLength)
                .Concat(Text.Required(level.TriggersEn, $"{prefix}.triggersEn", MaxTriggersLength)))
            {
                yield return error;
            }

            if (level.Actions is null || level.Actions.Any(a => !Enum.IsDefined(a.Kind)) || level.Actions.Select(a => a.Kind).Distinct().Count() != level.Actions.Count)
            {
                yield return new Error(DisposalErrors.PlanActionsInvalid, $"{prefix}.actions");
            }
            else if (level.Actions.Any(a => a.WorkingDays is < MinWorkingDays or > MaxWorkingDays))
            {
                yield return new Error(DisposalErrors.WorkingDaysInvalid, $"{prefix}.actions", MinWorkingDays, MaxWorkingDays);
            }
        }
    }
}

/// <summary>A new version of the contingency plan was published.</summary>
public sealed record ContingencyPlanPublished(int Number) : IDomainEvent;

/// <summary>The platform's initial contingency plan: the gravest levels suspend, every level tells customers.</summary>
public static class ContingencyPlanDefaults
{
    public static IReadOnlyList<ContingencyLevel> Levels { get; } =
    [
        new(
            DisposalLevel.I,
            "系统性风险或重大群体性事件：大面积资金损失、客户权益受到严重侵害，或风险外溢至其他机构。",
            "Systemic risk or a major mass event: widespread loss of funds, serious harm to customers' rights, or risk spreading to other institutions.",
            [new(DisposalActionKind.SuspendPilot, 1), new(DisposalActionKind.CustomerNotification, 2), new(DisposalActionKind.Compensation, 20), new(DisposalActionKind.TerminationProposal, 10)]),
        new(
            DisposalLevel.II,
            "严重违反试点方案或监管要求，造成较大客户损失，或严重事件未及时报告。",
            "A serious breach of the pilot plan or of supervisory requirements, causing significant customer losses, or a severe incident not reported in time.",
            [new(DisposalActionKind.SuspendPilot, 2), new(DisposalActionKind.CustomerNotification, 3), new(DisposalActionKind.Compensation, 20)]),
        new(
            DisposalLevel.III,
            "风险指标持续越限或业务连续性中断，客户权益受到影响但损失可控。",
            "Risk metrics persistently beyond limits or business continuity interrupted; customers affected but losses contained.",
            [new(DisposalActionKind.SuspendPilot, 3), new(DisposalActionKind.CustomerNotification, 5), new(DisposalActionKind.Compensation, 30)]),
        new(
            DisposalLevel.IV,
            "一般风险事件，影响范围小，机构可自行处置。",
            "An ordinary risk event of limited reach that the institution can handle itself.",
            [new(DisposalActionKind.CustomerNotification, 10)]),
    ];
}
