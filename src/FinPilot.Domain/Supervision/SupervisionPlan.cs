using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Supervision;

/// <summary>
/// A running pilot's supervision plan (监管方案). Drafted at admission from the application and its
/// category's defaults; in force once the working group confirms it. Each confirmation is a new
/// revision, so what a pilot was bound to on any day can be told from the revisions kept beside it.
/// </summary>
public sealed class SupervisionPlan : IRegionScoped, IRecordsEvents
{
    private readonly EventLog _events = new();

    private SupervisionPlan()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The lead organisation of the project, which reports under the plan.</summary>
    public Guid OrganisationId { get; private set; }

    public ProjectCategory Category { get; private set; }

    /// <summary>0 while a draft; each confirmation adds one.</summary>
    public int Revision { get; private set; }

    public SupervisionTerms Terms { get; private set; } = new();

    public DateTimeOffset DraftedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>Whether the plan binds the pilot: it has been confirmed at least once.</summary>
    public bool InForce => Revision > 0;

    public static Result<SupervisionPlan> Draft(PilotProject project, SupervisionTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(terms);
        if (project.Stage is not (ProjectStage.Running or ProjectStage.Rectifying or ProjectStage.Suspended))
        {
            return new Error(SupervisionErrors.ProjectNotRunning, null, project.Stage);
        }

        var plan = new SupervisionPlan
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            RegionId = project.RegionId,
            OrganisationId = project.LeadOrganisationId,
            Category = project.Category,
            Terms = terms,
            DraftedAt = now,
            Version = Guid.NewGuid(),
        };
        plan._events.Record(new PlanDrafted());
        return plan;
    }

    /// <summary>
    /// The working group confirms the plan with these terms; they bind from now. Refused when nothing
    /// would change, so that a revision always means a change.
    /// </summary>
    public Result Confirm(SupervisionTerms terms, DateTimeOffset now, string actorUserId)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = terms.Validate().ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        if (InForce && SameTerms(terms))
        {
            return new Error(SupervisionErrors.AlreadyConfirmed, null, Revision);
        }

        Terms = terms;
        Revision++;
        ConfirmedAt = now;
        ConfirmedBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new PlanConfirmed());
        return Result.Ok();
    }

    // Records compare lists by reference; a plan's terms are equal when they say the same.
    private bool SameTerms(SupervisionTerms other) =>
        Terms.ReportFrequency == other.ReportFrequency && Terms.Parameters == other.Parameters
        && Terms.Metrics.SequenceEqual(other.Metrics) && Terms.Endpoints.SequenceEqual(other.Endpoints);
}

/// <summary>The plan was drafted from the application, awaiting the working group's confirmation.</summary>
public sealed record PlanDrafted : IDomainEvent;

/// <summary>The working group confirmed the plan: a new revision is in force.</summary>
public sealed record PlanConfirmed : IDomainEvent;
