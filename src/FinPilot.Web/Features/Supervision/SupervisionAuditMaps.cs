using FinPilot.Domain.Common;
using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Supervision;

/// <summary>Why the working group confirmed a plan, as it said it; noted by the use case.</summary>
public sealed record ConfirmationReason(string Text);

/// <summary>How many typed metric values a submission turned into samples; noted by the use case.</summary>
public sealed record SubmittedSamples(int Count);

/// <summary>The audit line of every event a <see cref="SupervisionPlan"/> records; drafting is the system's.</summary>
public sealed class SupervisionPlanAuditMap : AuditMap<SupervisionPlan>
{
    protected override AuditLine? Map(SupervisionPlan plan, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        PlanDrafted => Line(plan, SupervisionActions.PlanDrafted, new { plan.ProjectId, plan.Category }) with { ActorName = SupervisionPlanService.SystemActor },
        PlanConfirmed => Line(plan, SupervisionActions.PlanConfirmed,
            new { plan.ProjectId, plan.Revision, reason = facts.Get<ConfirmationReason>(plan)?.Text, plan.Terms }),
        _ => null,
    };

    private static AuditLine Line(SupervisionPlan plan, string action, object details) =>
        new(action, AuditResource.SupervisionPlan, plan.Id.ToString(), details, plan.RegionId);
}

/// <summary>The audit line of every event a <see cref="PeriodicReport"/> records.</summary>
public sealed class PeriodicReportAuditMap : AuditMap<PeriodicReport>
{
    protected override AuditLine? Map(PeriodicReport report, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ReportOpened => Line(report, SupervisionActions.ReportOpened, new { projectId = report.ProjectId, report.Subject }),
        ReportSaved => Line(report, SupervisionActions.ReportSaved, new { report.Subject }),
        ReportFileAttached e => Line(report, SupervisionActions.ReportFileAdded, new { e.File.FileName, e.File.Sha256, e.File.Size, e.File.ContentType }),
        ReportFileRemoved e => Line(report, SupervisionActions.ReportFileRemoved, new { e.File.FileName, e.File.Sha256 }),
        ReportSubmitted => Line(report, SupervisionActions.ReportSubmitted, new
        {
            report.Subject,
            submission = report.Submissions.Count,
            metrics = facts.Get<SubmittedSamples>(report)?.Count ?? 0,
            files = report.Files.Select(f => new { f.FileName, f.Sha256 }),
        }),
        ReportAccepted e => Line(report, SupervisionActions.ReportAccepted, new { report.Subject, note = e.Note }),
        ReportMoreRequested e => Line(report, SupervisionActions.ReportMoreRequested, new { report.Subject, request = e.Request, due = e.Due }),
        _ => null,
    };

    private static AuditLine Line(PeriodicReport report, string action, object details) =>
        new(action, AuditResource.PeriodicReport, report.Id.ToString(), details, report.RegionId);
}

/// <summary>The audit line of every event a <see cref="ProgressDisclosure"/> records.</summary>
public sealed class ProgressDisclosureAuditMap : AuditMap<ProgressDisclosure>
{
    protected override AuditLine? Map(ProgressDisclosure disclosure, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ProgressDisclosureDrafted => Line(disclosure, SupervisionActions.DisclosureDrafted,
            new { projectId = disclosure.ProjectId, kind = disclosure.Kind, disclosure.Title }),
        ProgressDisclosurePublishedBySupervisor => Line(disclosure, SupervisionActions.DisclosurePublished, new { projectId = disclosure.ProjectId, disclosure.Title }),
        ProgressDisclosureEdited => Line(disclosure, SupervisionActions.DisclosureEdited, new { kind = disclosure.Kind, title = disclosure.Title }),
        ProgressDisclosureMoved { Trigger: DisclosureTrigger.Send } => Line(disclosure, SupervisionActions.DisclosureSent, null),
        ProgressDisclosureMoved { Trigger: DisclosureTrigger.Approve } => Line(disclosure, SupervisionActions.DisclosureApproved, new { disclosure.Kind, disclosure.Title }),
        ProgressDisclosureMoved { Trigger: DisclosureTrigger.Return } => Line(disclosure, SupervisionActions.DisclosureReturned, new { reason = disclosure.ReturnReason }),
        _ => null,
    };

    private static AuditLine Line(ProgressDisclosure disclosure, string action, object? details) =>
        new(action, AuditResource.ProgressDisclosure, disclosure.Id.ToString(), details, disclosure.RegionId);
}
