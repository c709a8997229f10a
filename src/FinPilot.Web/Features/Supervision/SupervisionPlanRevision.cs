using FinPilot.Domain.Supervision;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// One confirmation of a supervision plan, kept for good: who confirmed which terms, when and why.
/// Rows are only ever added, so what a pilot was bound to on any day can be read back.
/// </summary>
public sealed class SupervisionPlanRevision
{
    public const int MaxReasonLength = 500;

    private SupervisionPlanRevision()
    {
    }

    public long Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public int Revision { get; private set; }

    public SupervisionTerms Terms { get; private set; } = new();

    public DateTimeOffset ConfirmedAt { get; private set; }

    public string ConfirmedBy { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    /// <summary>The revision the plan has just been confirmed as.</summary>
    public static SupervisionPlanRevision Of(SupervisionPlan plan, string reason) => new()
    {
        PlanId = plan.Id,
        ProjectId = plan.ProjectId,
        RegionId = plan.RegionId,
        Revision = plan.Revision,
        Terms = plan.Terms,
        ConfirmedAt = plan.ConfirmedAt ?? throw new InvalidOperationException("The plan is not confirmed."),
        ConfirmedBy = plan.ConfirmedBy ?? string.Empty,
        Reason = reason.Trim(),
    };
}
