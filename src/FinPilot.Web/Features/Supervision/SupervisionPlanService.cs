using FinPilot.Domain.Common;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>A plan with every confirmation it went through, oldest first.</summary>
public sealed record PlanView(SupervisionPlan Plan, IReadOnlyList<SupervisionPlanRevision> Revisions)
{
    /// <summary>The project's own emergency plan (应急处置预案) from its submitted application, attached read-only; null when it wrote none.</summary>
    public string? EmergencyPlan { get; init; }
}

/// <summary>
/// 监管方案: drafting plans for admitted pilots (from the category's defaults and the application's
/// test scope), and the working group's confirmations, each kept as a revision and audited.
/// </summary>
public sealed class SupervisionPlanService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, WorkingCalendarProvider calendars, TimeProvider clock,
    ILogger<SupervisionPlanService> logger)
{
    public const string SystemActor = "system";
    private const int Batch = 100;

    /// <summary>
    /// Drafts a plan for every admitted pilot that has none (run by <see cref="PlanDraftingJob"/>).
    /// Idempotent: a pilot with a plan is skipped, and the unique project index stops a second node.
    /// </summary>
    public async Task<int> DraftMissingAsync(CancellationToken cancellationToken = default)
    {
        var admitted = ProjectLifecycle.Admitted.ToList();
        var drafted = 0;
        while (true)
        {
            var projects = await db.Projects
                .Where(p => admitted.Contains(p.Stage) && !db.SupervisionPlans.Any(s => s.ProjectId == p.Id))
                .OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
            if (projects.Count == 0)
            {
                return drafted;
            }

            var now = clock.GetUtcNow();
            var calendar = await calendars.GetAsync(cancellationToken);
            foreach (var project in projects)
            {
                // The application the pilot was admitted on gives the scope, the partners and the technologies.
                var form = await ApplicationFormAsync(project, cancellationToken);
                var plan = SupervisionPlan.Draft(project, SupervisionDefaults.For(project, form?.TestScope, form?.PartnerOrganisationIds, form?.Technologies), now).ValueOrThrow();
                db.SupervisionPlans.Add(plan);

                // The working group owes the plan's confirmation (监管方案确认), counted from admission.
                await obligations.EnsureAsync(new ObligationDraft(plan.ProjectId, plan.RegionId, plan.OrganisationId, ObligationKind.PlanConfirmation,
                    PlanConfirmationSubject(plan), ObligationRules.PlanConfirmationDue(now, calendar)), cancellationToken);
            }

            try
            {
                await commands.SaveAsync(cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                // Another node drafted some of them first; the next run picks up whatever is left.
                db.ChangeTracker.Clear();
                logger.LogInformation(exception, "Supervision plans were drafted elsewhere meanwhile.");
                return drafted;
            }

            // Saved: the next batch starts with an empty tracker (each obligation look-up scans what is tracked).
            db.ChangeTracker.Clear();
            drafted += projects.Count;
            if (projects.Count < Batch)
            {
                return drafted;
            }
        }
    }

    /// <summary>The plan of a project with its revisions, for its readers.</summary>
    public async Task<Result<PlanView>> GetAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        if (plan is null)
        {
            return new Error(SupervisionErrors.PlanNotFound);
        }

        if (!await commands.AllowsAsync(SupervisedProject.Of(plan), SupervisionOperations.Read))
        {
            return Problems.Forbidden;
        }

        var revisions = await db.SupervisionPlanRevisions.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.Revision).ToListAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, cancellationToken);
        return new PlanView(plan, revisions) { EmergencyPlan = Domain.Common.Text.Clean(await ApplicationFormAsync(project, cancellationToken) is { } form ? form.EmergencyPlan : null) };
    }

    /// <summary>
    /// The working group confirms the plan with <paramref name="terms"/>, saying why; a new revision
    /// is kept and audited. <paramref name="expected"/> is the plan's version as read.
    /// </summary>
    public async Task<Result<SupervisionPlan>> ConfirmAsync(Guid projectId, SupervisionTerms terms, string reason, Guid expected, CancellationToken cancellationToken = default)
    {
        var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        if (plan is null)
        {
            return new Error(SupervisionErrors.PlanNotFound);
        }

        if (!await commands.AllowsAsync(SupervisedProject.Of(plan), SupervisionOperations.Supervise))
        {
            return Problems.Forbidden;
        }

        if (plan.Version != expected)
        {
            return new Error(SupervisionErrors.Concurrency);
        }

        var reasonErrors = Text.Required(reason, "Reason", SupervisionPlanRevision.MaxReasonLength).ToArray();
        terms = await KeepRetiredAsync(plan, terms ?? new SupervisionTerms(), cancellationToken);
        var confirmed = reasonErrors.Length == 0 ? plan.Confirm(terms, clock.GetUtcNow(), current.Id!) : Result.Fail(reasonErrors);
        if (!confirmed.Succeeded)
        {
            return Result<SupervisionPlan>.Fail([.. confirmed.Errors]);
        }

        db.SupervisionPlanRevisions.Add(SupervisionPlanRevision.Of(plan, reason));
        await obligations.FulfilAsync(plan.ProjectId, ObligationKind.PlanConfirmation, PlanConfirmationSubject(plan), clock.GetUtcNow(), current.Id!, cancellationToken);
        commands.Note(plan, new ConfirmationReason(reason.Trim()));
        return await commands.SaveAsync(plan, SupervisionErrors.Concurrency, cancellationToken);
    }

    /// <summary>
    /// A metric taken out of the plan that already has samples is retired, not deleted: it stays in the
    /// terms (marked <see cref="MetricDefinition.Retired"/>) with its samples, so its history can still
    /// be read and named. One without samples is simply removed; one put back is active again.
    /// </summary>
    private async Task<SupervisionTerms> KeepRetiredAsync(SupervisionPlan plan, SupervisionTerms terms, CancellationToken cancellationToken)
    {
        var kept = terms.Metrics.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var removed = plan.Terms.Metrics.Where(m => !kept.Contains(m.Code)).ToList();
        if (removed.Count == 0)
        {
            return terms;
        }

        var codes = removed.Select(m => m.Code).ToList();
        var sampled = (await db.MetricSamples.AsNoTracking()
            .Where(s => s.ProjectId == plan.ProjectId && codes.Contains(s.MetricCode))
            .Select(s => s.MetricCode).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return sampled.Count == 0
            ? terms
            : terms with { Metrics = [.. terms.Metrics, .. removed.Where(m => sampled.Contains(m.Code)).Select(m => m with { Retired = true })] };
    }

    /// <summary>The subject of the working group's obligation to confirm the plan: the plan's id.</summary>
    public static string PlanConfirmationSubject(SupervisionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Id.ToString();
    }

    /// <summary>The form of the application the pilot was admitted on (the submitted version), if any.</summary>
    private async Task<Domain.Applications.ApplicationForm?> ApplicationFormAsync(PilotProject project, CancellationToken cancellationToken)
    {
        var number = project.SubmittedApplicationVersion ?? project.ApplicationVersion;
        var version = await db.ApplicationVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ProjectId == project.Id && v.Number == number, cancellationToken);
        return version?.Form;
    }
}

/// <summary>The audit actions of the module.</summary>
public static class SupervisionActions
{
    public const string PlanDrafted = "supervision.plan-drafted";
    public const string PlanConfirmed = "supervision.plan-confirmed";
    public const string ReportOpened = "supervision.report-opened";
    public const string ReportSaved = "supervision.report-saved";
    public const string ReportFileAdded = "supervision.report-file-added";
    public const string ReportFileRemoved = "supervision.report-file-removed";
    public const string ReportFileDownloaded = "supervision.report-file-downloaded";
    public const string ReportSubmitted = "supervision.report-submitted";
    public const string ReportAccepted = "supervision.report-accepted";
    public const string ReportMoreRequested = "supervision.report-more-requested";
    public const string DisclosureDrafted = "supervision.disclosure-drafted";
    public const string DisclosureEdited = "supervision.disclosure-edited";
    public const string DisclosureSent = "supervision.disclosure-sent";
    public const string DisclosureApproved = "supervision.disclosure-approved";
    public const string DisclosureReturned = "supervision.disclosure-returned";
    public const string DisclosurePublished = "supervision.disclosure-published";

    /// <summary>The kind of public record a published disclosure is (the ledger appends it by this name).</summary>
    public const string RecordDisclosure = "Supervision.ProgressDisclosed";
}
