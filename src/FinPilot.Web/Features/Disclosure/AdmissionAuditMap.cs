using FinPilot.Domain.Common;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>The notice that admitted a project and the start it was given; noted by the admission job.</summary>
public sealed record NoticeAdmission(Guid NoticeId, PilotStart Start);

/// <summary>
/// 入箱: the line of a project's admission, which Disclosure's admission job makes (the Applications
/// map leaves moves after evaluation to the modules that make them). The job acts as the system.
/// </summary>
public sealed class AdmissionAuditMap : AuditMap<PilotProject>
{
    protected override AuditLine? Map(PilotProject project, IDomainEvent recorded, AuditFacts facts) =>
        recorded is ProjectMoved { Entry.Trigger: ProjectTrigger.Admit } && facts.Get<NoticeAdmission>(project) is { } admission
            ? AuditLines.Project(NoticeActions.Admitted, project.Id, project.RegionId, new { noticeId = admission.NoticeId, start = admission.Start }) with
            { ActorName = NoticeService.SystemActor }
            : null;
}
