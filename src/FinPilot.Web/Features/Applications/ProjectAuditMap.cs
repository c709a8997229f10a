using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// The audit line of every event a <see cref="PilotProject"/> records while it is an application:
/// started, submitted, screened, withdrawn, its conditions confirmed, its supplement deadline missed.
/// The moves after evaluation have their lines from the modules that make them
/// (<see cref="ProjectTrigger.CompleteEvaluation"/> from Evaluation, the deliberation's decisions
/// from Deliberation, the notice's send-back and admission from Disclosure): this map leaves them alone.
/// </summary>
public sealed class ProjectAuditMap : AuditMap<PilotProject>
{
    /// <summary>The actor name of the lines a job writes.</summary>
    public const string SystemActor = "system";

    protected override AuditLine? Map(PilotProject project, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ProjectCreated => Line(project, AuditActions.ApplicationStarted, new { callId = project.CallId, project.Title }),
        ProjectReturnedForSupplement e => Line(project, AuditActions.ReturnedForSupplement, new { items = e.Items, workingDays = e.WorkingDays }),
        ProjectMoved e => Moved(project, e),
        ProjectConditionsConfirmed => Line(project, AuditActions.ConditionsConfirmed, new { project.ApprovalConditions }),
        SupplementDeadlineMissed e => Line(project, AuditActions.SupplementOverdue, new { e.DueOn }) with { ActorName = SystemActor },
        _ => null,
    };

    private static AuditLine? Moved(PilotProject project, ProjectMoved moved) => moved.Entry.Trigger switch
    {
        ProjectTrigger.Submit => Line(project, AuditActions.ApplicationSubmitted, new { version = project.SubmittedApplicationVersion }),
        ProjectTrigger.Resubmit => Line(project, AuditActions.ApplicationResubmitted, new { version = project.SubmittedApplicationVersion }),
        ProjectTrigger.Withdraw => Line(project, AuditActions.ApplicationWithdrawn, new { reason = moved.Given }),
        ProjectTrigger.StartScreening => Line(project, AuditActions.ScreeningStarted, null),
        ProjectTrigger.Accept => Line(project, AuditActions.ApplicationAccepted, new { note = moved.Given }),
        ProjectTrigger.Reject => Line(project, AuditActions.ApplicationRejected, new { reason = moved.Given }),
        _ => null,
    };

    private static AuditLine Line(PilotProject project, string action, object? details) =>
        AuditLines.Project(action, project.Id, project.RegionId, details);
}
