using FinPilot.Domain.Common;

namespace FinPilot.Domain.Projects;

/// <summary>
/// The moves after evaluation: the coordination group approves (possibly with conditions) or
/// rejects, the public notice may send the project back, and admission (入箱) starts the pilot.
/// </summary>
public sealed partial class PilotProject
{
    public const int MaxApprovalConditions = 20;
    public const int MaxApprovalConditionLength = 500;

    /// <summary>
    /// 附条件通过: what the coordination group required when it approved, in its order; empty
    /// when it approved without conditions. Replaced by each approval, cleared when sent back.
    /// </summary>
    public IReadOnlyList<string> ApprovalConditions { get; private set; } = [];

    /// <summary>When the lead applicant confirmed the approval conditions; null until then.</summary>
    public DateTimeOffset? ConditionsConfirmedAt { get; private set; }

    public string? ConditionsConfirmedBy { get; private set; }

    /// <summary>The first day of the pilot, set at admission.</summary>
    public DateOnly? StartsOn { get; private set; }

    /// <summary>The day the pilot is planned to end, set at admission.</summary>
    public DateOnly? PlannedEndOn { get; private set; }

    /// <summary>The most customers the pilot may serve (客户数量上限); null when no limit was set.</summary>
    public int? CustomerLimit { get; private set; }

    /// <summary>Rejected by the coordination group (审议未通过), as opposed to at screening.</summary>
    public bool RejectedInDeliberation => Stage == ProjectStage.Rejected && Timeline.Count > 0 && Timeline[^1].Trigger == ProjectTrigger.RejectAfterDeliberation;

    /// <summary>Approved with conditions that the lead applicant has not confirmed yet; admission waits for them.</summary>
    public bool HasUnconfirmedConditions => ApprovalConditions.Count > 0 && ConditionsConfirmedAt is null;

    /// <summary>
    /// 审议通过: the coordination group approves; the project goes to public notice. Blank
    /// conditions are dropped; the others are kept trimmed and wait for the applicant's confirmation.
    /// </summary>
    public Result Approve(DateTimeOffset now, string actorUserId, IReadOnlyList<string>? conditions = null, string? note = null)
    {
        var cleaned = (conditions ?? []).Select(Text.Clean).OfType<string>().ToArray();
        return Move(ProjectTrigger.Approve, now, actorUserId, Text.Clean(note), Validate, Apply, entry => new ProjectMoved(entry, note));

        IEnumerable<Error> Validate() =>
            ConditionErrors(cleaned, nameof(conditions)).Concat(Text.Optional(note, nameof(note), MaxNoteLength));

        void Apply()
        {
            ApprovalConditions = cleaned;
            ConditionsConfirmedAt = null;
            ConditionsConfirmedBy = null;
        }
    }

    /// <summary>审议未通过: the coordination group refuses; the reason is what the applicant reads.</summary>
    public Result RejectAfterDeliberation(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.RejectAfterDeliberation, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength),
            () => RejectionReason = reason.Trim(), entry => new ProjectMoved(entry, reason));

    /// <summary>
    /// An objection raised during public notice was upheld: the approval no longer stands, so its
    /// conditions and their confirmation go with it, and the coordination group deliberates again.
    /// </summary>
    public Result SendBackToDeliberation(DateTimeOffset now, string actorUserId, string reason) =>
        Move(ProjectTrigger.SendBackToDeliberation, now, actorUserId, Text.Clean(reason), () => Text.Required(reason, nameof(reason), MaxReasonLength),
            recorded: entry => new ProjectMoved(entry, reason),
            apply: () =>
            {
                ApprovalConditions = [];
                ConditionsConfirmedAt = null;
                ConditionsConfirmedBy = null;
            });

    /// <summary>
    /// 入箱/启动试点: the notice period is over with objections resolved; the pilot starts on the
    /// given terms. Refused while the approval conditions are unconfirmed, because a project must
    /// not run under conditions its institution has not accepted.
    /// </summary>
    public Result Admit(DateTimeOffset now, string actorUserId, PilotStart start, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Move(ProjectTrigger.Admit, now, actorUserId, Text.Clean(note), Validate, Apply, entry => new ProjectMoved(entry, note));

        IEnumerable<Error> Validate()
        {
            if (HasUnconfirmedConditions)
            {
                // About the project's state, not a form field: the edge answers it as a conflict.
                return [new Error(ProjectErrors.ConditionsUnconfirmed, null, ApprovalConditions.Count)];
            }

            return start.Validate().Concat(Text.Optional(note, nameof(note), MaxNoteLength));
        }

        void Apply()
        {
            StartsOn = start.StartsOn;
            PlannedEndOn = start.PlannedEndOn;
            CustomerLimit = start.CustomerLimit;
        }
    }

    /// <summary>
    /// An approved plan change took effect: the pilot's planned end and customer limit follow the
    /// plan's new revision. Not a move: the stage and the timeline stay. Nothing happens to a project
    /// not admitted yet (it has no period to follow) or when both already say the same.
    /// </summary>
    public Result FollowPlan(DateOnly plannedEndOn, int? customerLimit)
    {
        if (StartsOn is not { } startsOn)
        {
            return Result.Ok();
        }

        var errors = new PilotStart(startsOn, plannedEndOn, customerLimit).Validate().ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (PlannedEndOn == plannedEndOn && CustomerLimit == customerLimit)
        {
            return Result.Ok();
        }

        var before = (PlannedEndOn, CustomerLimit);
        PlannedEndOn = plannedEndOn;
        CustomerLimit = customerLimit;
        Version = Guid.NewGuid();
        _events.Record(new ProjectPlanFollowed(before.PlannedEndOn, before.CustomerLimit, plannedEndOn, customerLimit));
        return Result.Ok();
    }

    /// <summary>
    /// The lead applicant accepts the approval conditions, during public notice or once running.
    /// Confirming is not a move: the stage stays and the timeline does not change.
    /// </summary>
    public Result ConfirmConditions(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (Stage is not (ProjectStage.PublicNotice or ProjectStage.Running))
        {
            return new Error(ProjectErrors.ConditionsNotConfirmable, nameof(Stage), Stage);
        }

        if (ApprovalConditions.Count == 0)
        {
            return new Error(ProjectErrors.NoApprovalConditions);
        }

        if (ConditionsConfirmedAt is { } confirmedAt)
        {
            return new Error(ProjectErrors.ConditionsAlreadyConfirmed, null, confirmedAt);
        }

        ConditionsConfirmedAt = now;
        ConditionsConfirmedBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new ProjectConditionsConfirmed());
        return Result.Ok();
    }

    /// <summary>
    /// Errors of a list of conditions (already cleaned), with the limits approval uses; shared
    /// with the deliberation feature so a resolution's conditions always fit the project.
    /// </summary>
    public static IEnumerable<Error> ConditionErrors(IReadOnlyList<string> conditions, string field)
    {
        if (conditions.Count > MaxApprovalConditions)
        {
            yield return new Error(ProjectErrors.TooManyApprovalConditions, field, MaxApprovalConditions);
        }

        for (var i = 0; i < conditions.Count && i < MaxApprovalConditions; i++)
        {
            foreach (var error in Text.Required(conditions[i], $"{field}[{i}]", MaxApprovalConditionLength))
            {
                yield return error;
            }
        }
    }
}

/// <summary>The terms a pilot starts on (启动试点): its planned period and, when set, how many customers it may serve.</summary>
public sealed record PilotStart(DateOnly StartsOn, DateOnly PlannedEndOn, int? CustomerLimit)
{
    public IEnumerable<Error> Validate()
    {
        if (PlannedEndOn <= StartsOn)
        {
            yield return new Error(ProjectErrors.PilotEndNotAfterStart, nameof(PlannedEndOn), StartsOn);
        }

        if (CustomerLimit is < 1)
        {
            yield return new Error(ProjectErrors.CustomerLimitInvalid, nameof(CustomerLimit), 1);
        }
    }
}
