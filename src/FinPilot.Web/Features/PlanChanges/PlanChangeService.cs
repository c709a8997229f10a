using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>What a proposal would change and who would decide it, before it is sent.</summary>
public sealed record ChangePreview(TestParameters Current, TestParameters Proposed, IReadOnlyList<PlanField> ChangedFields, Routing Routing)
{
    public IReadOnlyList<MetricDefinition> CurrentMetrics { get; init; } = [];

    public IReadOnlyList<MetricDefinition> ProposedMetrics { get; init; } = [];
}

/// <summary>
/// 方案变更评估评审: the institution's requests, the working group's decisions on minor changes, the
/// coordination group's agenda for major ones; each review step an obligation. Approved changes
/// become revisions of the plan through <see cref="PlanChangeApplier"/>.
/// </summary>
public sealed class PlanChangeService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, WorkingCalendarProvider calendars,
    PlanChangeApplier applier, PlanChangeNotices notices, DeliberationService deliberation, PlanChangeReviewService reviews, IOptions<PlanChangeOptions> options,
    TimeProvider clock)
{
    /// <summary>The rule in force, for pages that explain it.</summary>
    public ChangeRules Rules => options.Value.Rules;

    /// <summary>The current parameters beside the proposed ones, and the route the rule gives; nothing is saved.</summary>
    public async Task<Result<ChangePreview>> PreviewAsync(Guid projectId, ChangeProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var (project, plan, error) = await PilotAsync(projectId, PlanChangeOperations.Read, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var unknown = await UnknownReferencesAsync(project!, proposal, cancellationToken);
        if (unknown.Count > 0)
        {
            return Result<ChangePreview>.Fail([.. unknown]);
        }

        var current = plan!.Terms.Parameters.Normalised();
        var proposed = proposal.Over(current);
        var currentMetrics = PlanChangeRouting.InOrder(plan.Terms.ActiveMetrics());
        var proposedMetrics = proposal.MetricsOver(currentMetrics);
        return new ChangePreview(current, proposed, PlanChangeRouting.ChangedFields(current, proposed, currentMetrics, proposedMetrics),
            PlanChangeRouting.Route(current, proposed, Rules, currentMetrics, proposedMetrics))
        {
            CurrentMetrics = currentMetrics,
            ProposedMetrics = proposedMetrics,
        };
    }

    /// <summary>The lead institution asks to change its pilot's plan in force; routed at once, the review step owed as an obligation.</summary>
    public async Task<Result<PlanChange>> RequestAsync(Guid projectId, ChangeProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var (project, plan, error) = await PilotAsync(projectId, PlanChangeOperations.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (await db.PlanChanges.AnyAsync(c => c.ProjectId == projectId && PlanChange.OpenStatuses.Contains(c.Status), cancellationToken))
        {
            return new Error(PlanChangeErrors.AlreadyPending);
        }

        var unknown = await UnknownReferencesAsync(project!, proposal, cancellationToken);
        if (unknown.Count > 0)
        {
            return Result<PlanChange>.Fail([.. unknown]);
        }

        var now = clock.GetUtcNow();
        var requested = PlanChange.Request(project!, plan!, proposal, Rules, now, current.Id!);
        if (!requested.Succeeded)
        {
            return requested;
        }

        var change = requested.Value;
        db.PlanChanges.Add(change);
        await OweReviewAsync(change, now, cancellationToken);
        await notices.RequestedAsync(change, project!.Title, cancellationToken);
        return await commands.SaveAsync(change, PlanChangeErrors.Concurrency, cancellationToken);
    }

    /// <summary>The institution takes back a change not yet decided (nor on a meeting's agenda).</summary>
    public Task<Result<PlanChange>> WithdrawAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.Request, async change =>
        {
            var now = clock.GetUtcNow();
            var withdrawn = change.Withdraw(now, current.Id!);
            if (withdrawn.Succeeded)
            {
                await obligations.WaiveAsync(change.ProjectId, ObligationKind.PlanChangeReview, Subject(change), now, current.Id!, PlanChangesStrings.Obligation_Withdrawn, cancellationToken);
                await reviews.WaiveOpenAsync(change, now, current.Id!, PlanChangesStrings.Obligation_Withdrawn, cancellationToken);
            }

            return withdrawn;
        }, cancellationToken);

    /// <summary>The region's working group approves or rejects a minor change with its reasons; approved, it applies from its effective date.</summary>
    public Task<Result<PlanChange>> DecideAsync(Guid id, bool approve, string note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, PlanChangeOperations.DecideMinor, async change =>
        {
            var now = clock.GetUtcNow();
            var decided = change.Decide(approve, note, now, current.Id!);
            if (!decided.Succeeded)
            {
                return decided;
            }

            await obligations.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, Subject(change), now, current.Id!, cancellationToken);
            var applied = await applier.ApplyIfDueAsync(change, now, current.Id!, automatic: false, cancellationToken);
            if (!applied.Succeeded)
            {
                return applied;
            }

            await notices.DecidedAsync(change, cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>
    /// The coordination group puts a major change on a meeting's agenda as a <see cref="AgendaItemKind.MajorPlanChange"/>
    /// item; the item's resolution decides it (<see cref="PlanChangeResolution"/>).
    /// </summary>
    public async Task<Result<PlanChange>> ScheduleAsync(Guid id, Guid meetingId, string workingGroupView, CancellationToken cancellationToken = default)
    {
        var change = await db.PlanChanges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (change is null)
        {
            return new Error(PlanChangeErrors.NotFound);
        }

        if (!await commands.AllowsAsync(PlanChangeScope.Of(change), PlanChangeOperations.Schedule))
        {
            return Problems.Forbidden;
        }

        if (change.Route != ChangeRoute.Major)
        {
            return new Error(PlanChangeErrors.MinorStaysWithWorkingGroup);
        }

        if (change.Status != PlanChangeStatus.AwaitingCoordinationGroup || change.AgendaItemId is not null)
        {
            return change.AgendaItemId is not null ? new Error(PlanChangeErrors.AlreadyOnAgenda) : new Error(PlanChangeErrors.NotAwaiting, null, change.Status);
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == change.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var itemTitle = Bounded(string.Format(chinese, System.Text.CompositeFormat.Parse(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.AgendaItemTitle), chinese)!), title));
        var added = await deliberation.AddAgendaItemAsync(meetingId, AgendaItemKind.MajorPlanChange, itemTitle, [change.ProjectId], ViewWithReview(change, workingGroupView), cancellationToken);
        if (!added.Succeeded)
        {
            return Result<PlanChange>.Fail([.. added.Errors]);
        }

        // The item was saved with the meeting; link the change to it (the latest such item of this project).
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var item = meeting.AgendaItems.Last(i => i.Kind == AgendaItemKind.MajorPlanChange && i.ProjectIds.Contains(change.ProjectId));
        var put = change.PutOnAgenda(meetingId, item.Id);
        if (!put.Succeeded)
        {
            return Result<PlanChange>.Fail([.. put.Errors]);
        }

        return await commands.SaveAsync(change, PlanChangeErrors.Concurrency, cancellationToken);
    }

    /// <summary>
    /// The agenda item's view: what the scheduler wrote, the working group's view when it forwarded
    /// the change, and the expert review's summary, so the coordination group reads them together.
    /// </summary>
    public static string ViewWithReview(PlanChange change, string? workingGroupView)
    {
        ArgumentNullException.ThrowIfNull(change);
        var chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        string?[] parts =
        [
            workingGroupView?.Trim(),
            change.ForwardNote is { } note
                ? string.Format(chinese, System.Text.CompositeFormat.Parse(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.Review_WorkingGroupView), chinese)!), note)
                : null,
            PlanChangeReviewService.SummaryText(change, chinese),
        ];
        var view = string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return view.Length <= AgendaItem.MaxViewLength ? view : view[..AgendaItem.MaxViewLength];
    }

    /// <summary>
    /// The proposed partners and technologies that the platform does not know: a partner must be an
    /// organisation on the platform other than the lead, a technology a code of the reference list.
    /// </summary>
    private async Task<List<Error>> UnknownReferencesAsync(PilotProject project, ChangeProposal proposal, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var partners = (proposal.PartnerOrganisationIds ?? []).Distinct().ToList();
        if (partners.Contains(project.LeadOrganisationId))
        {
            errors.Add(new Error(PlanChangeErrors.PartnerIsLead, nameof(ChangeProposal.PartnerOrganisationIds)));
        }

        if (partners.Count is > 0 and <= TestParameters.MaxPartners)
        {
            var known = await db.Organisations.AsNoTracking().Where(o => partners.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
            var missing = partners.Except(known).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new Error(PlanChangeErrors.UnknownPartner, nameof(ChangeProposal.PartnerOrganisationIds), string.Join(", ", missing)));
            }
        }

        var codes = (proposal.TechnologyCodes ?? []).Select(c => (c ?? string.Empty).Trim().ToLowerInvariant()).Distinct().ToList();
        if (codes.Count is > 0 and <= TestParameters.MaxTechnologies)
        {
            var known = await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == Applications.ReferenceKind.Technology && codes.Contains(r.Code))
                .Select(r => r.Code).ToListAsync(cancellationToken);
            var missing = codes.Except(known, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new Error(PlanChangeErrors.UnknownTechnology, nameof(ChangeProposal.TechnologyCodes), string.Join(", ", missing)));
            }
        }

        return errors;
    }

    /// <summary>The review step's obligation: the working group's decision, or the coordination group's resolution.</summary>
    private async Task OweReviewAsync(PlanChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var days = change.Route == ChangeRoute.Minor ? options.Value.WorkingGroupWorkingDays : options.Value.CoordinationGroupWorkingDays;
        await obligations.EnsureAsync(new ObligationDraft(change.ProjectId, change.RegionId, change.OrganisationId, ObligationKind.PlanChangeReview,
            Subject(change), ObligationRules.PlanChangeReviewDue(now, calendar, days)), cancellationToken);
    }

    /// <summary>The subject of a change's review obligation: the change's id.</summary>
    public static string Subject(PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Id.ToString();
    }

    private static string Bounded(string title) => title.Length <= AgendaItem.MaxTitleLength ? title : title[..(AgendaItem.MaxTitleLength - 1)] + "…";

    private async Task<Result<PlanChange>> ChangeAsync(
        Guid id, Guid expected, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, Func<PlanChange, Task<Result>> act,
        CancellationToken cancellationToken)
    {
        var change = await db.PlanChanges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (change is null)
        {
            return new Error(PlanChangeErrors.NotFound);
        }

        if (!await commands.AllowsAsync(PlanChangeScope.Of(change), operation))
        {
            return Problems.Forbidden;
        }

        if (change.Version != expected)
        {
            return new Error(PlanChangeErrors.Concurrency);
        }

        var result = await act(change);
        if (!result.Succeeded)
        {
            return Result<PlanChange>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(change, PlanChangeErrors.Concurrency, cancellationToken);
    }

    private async Task<(PilotProject? Project, SupervisionPlan? Plan, Error? Error)> PilotAsync(
        Guid projectId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return (null, null, new Error(PlanChangeErrors.PlanNotFound));
        }

        if (!await commands.AllowsAsync(new PlanChangeScope(project.Id, project.RegionId, project.LeadOrganisationId), operation))
        {
            return (null, null, Problems.Forbidden);
        }

        var plan = await db.SupervisionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        return plan is { InForce: true } ? (project, plan, null) : (null, null, new Error(PlanChangeErrors.PlanNotFound));
    }
}
