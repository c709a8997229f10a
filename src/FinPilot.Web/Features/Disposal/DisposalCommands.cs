using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disposal;

/// <summary>What the working group says when it opens a case.</summary>
public sealed record OpenCaseInput
{
    public DisposalLevel Level { get; init; }

    public DisposalSource Source { get; init; }

    public Guid? SourceId { get; init; }

    public string Summary { get; init; } = string.Empty;

    public int AffectedCustomers { get; init; }
}

/// <summary>
/// 风险处置: the region's working group opens a case on a pilot, raises its level, suspends and resumes
/// the pilot (each a public record), waives or completes actions, proposes termination and closes the
/// case; the institution records customer notices and compensation. Every action's deadline is an
/// obligation of its owner, fulfilled or waived with the action, in the same unit of work.
/// </summary>
public sealed class DisposalCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, ContingencyPlans plans,
    WorkingCalendarProvider calendars, DisposalNotifications notifications, DisposalPublicRecords records, DeliberationService deliberation, TimeProvider clock)
{
    public async Task<Result<DisposalCase>> OpenAsync(Guid projectId, OpenCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(DisposalErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new DisposalProject(project.Id, project.RegionId, project.LeadOrganisationId), DisposalOperations.Dispose))
        {
            return Problems.Forbidden;
        }

        if (input.SourceId is { } sourceId && !await SourceExistsAsync(projectId, input.Source, sourceId, cancellationToken))
        {
            return new Error(DisposalErrors.SourceNotFound, "sourceId");
        }

        var now = clock.GetUtcNow();
        var plan = await plans.InForceAsync(now, cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var opened = DisposalCase.Open(project, plan, input.Level, input.Source, input.SourceId, input.Summary ?? string.Empty, input.AffectedCustomers, now, current.Id!, calendar);
        if (!opened.Succeeded)
        {
            return opened;
        }

        var disposal = opened.Value;
        db.DisposalCases.Add(disposal);
        await EnsureObligationsAsync(disposal, disposal.Actions, cancellationToken);
        await notifications.OpenedAsync(disposal, project.Title, cancellationToken);
        await commands.SaveAsync(cancellationToken);
        return disposal;
    }

    /// <summary>The working group confirms a case the escalation ladder proposed: it opens at its level, the level's actions owed as obligations.</summary>
    public Task<Result<DisposalCase>> ConfirmAsync(Guid caseId, int affectedCustomers, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var now = clock.GetUtcNow();
            var confirmed = c.Confirm(await plans.InForceAsync(now, cancellationToken), affectedCustomers, now, current.Id!, await calendars.GetAsync(cancellationToken));
            if (!confirmed.Succeeded)
            {
                return confirmed;
            }

            await obligations.FulfilAsync(c.ProjectId, ObligationKind.DisposalProposalReview, DisposalProposals.SubjectOf(c.Id), now, current.Id!, cancellationToken);
            await EnsureObligationsAsync(c, c.Actions, cancellationToken);
            await notifications.OpenedAsync(c, await TitleAsync(c, cancellationToken), cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>The working group dismisses a proposed case with its reason.</summary>
    public Task<Result<DisposalCase>> DismissAsync(Guid caseId, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var now = clock.GetUtcNow();
            var dismissed = c.Dismiss(reason ?? string.Empty, now, current.Id!);
            if (dismissed.Succeeded)
            {
                await obligations.FulfilAsync(c.ProjectId, ObligationKind.DisposalProposalReview, DisposalProposals.SubjectOf(c.Id), now, current.Id!, cancellationToken);
            }

            return dismissed;
        }, cancellationToken);

    public Task<Result<DisposalCase>> RaiseLevelAsync(Guid caseId, DisposalLevel level, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var plan = await db.ContingencyPlanVersions.AsNoTracking().SingleAsync(v => v.Id == c.PlanVersionId, cancellationToken);
            var raised = c.RaiseLevel(level, reason ?? string.Empty, plan, clock.GetUtcNow(), current.Id!, await calendars.GetAsync(cancellationToken));
            if (!raised.Succeeded)
            {
                return Result.Fail(raised.Errors);
            }

            await EnsureObligationsAsync(c, raised.Value, cancellationToken);
            await notifications.LevelRaisedAsync(c, await TitleAsync(c, cancellationToken), cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>Suspends the pilot under the case: the project moves to Suspended, the public timeline and the ledger get a record.</summary>
    public Task<Result<DisposalCase>> SuspendAsync(Guid caseId, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var now = clock.GetUtcNow();
            var project = await db.Projects.SingleAsync(p => p.Id == c.ProjectId, cancellationToken);
            var recorded = c.RecordSuspension(reason ?? string.Empty, now, current.Id!);
            if (!recorded.Succeeded)
            {
                return recorded;
            }

            var moved = project.Suspend(now, current.Id!, reason!);
            if (!moved.Succeeded)
            {
                return moved;
            }

            records.Suspended(c, reason!, now);
            await notifications.SuspendedAsync(c, project.Title, reason!, cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>Lifts the suspension the case imposed: the project runs again, with its public record.</summary>
    public Task<Result<DisposalCase>> ResumeAsync(Guid caseId, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var now = clock.GetUtcNow();
            var project = await db.Projects.SingleAsync(p => p.Id == c.ProjectId, cancellationToken);
            var recorded = c.RecordResumption(reason ?? string.Empty, now, current.Id!);
            if (!recorded.Succeeded)
            {
                return recorded;
            }

            var moved = project.Resume(now, current.Id!, reason!);
            if (!moved.Succeeded)
            {
                return moved;
            }

            records.Resumed(c, reason!, now);
            await notifications.ResumedAsync(c, project.Title, reason!, cancellationToken);
            return Result.Ok();
        }, cancellationToken);

    public Task<Result<DisposalCase>> RecordNoticeAsync(Guid caseId, NoticeChannel channel, int count, DateOnly? sentOn, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Respond, expected, c =>
        {
            var now = clock.GetUtcNow();
            return Task.FromResult(c.RecordNotice(channel, count, sentOn ?? Domain.Calendar.ChinaTime.DateOf(now), now, current.Id!));
        }, cancellationToken);

    public Task<Result<DisposalCase>> RecordCompensationAsync(
        Guid caseId, int claimsReceived, decimal amountPaid, int claimsClosed, string? note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Respond, expected, c =>
            Task.FromResult(c.RecordCompensation(claimsReceived, amountPaid, claimsClosed, note, clock.GetUtcNow(), current.Id!)), cancellationToken);

    public Task<Result<DisposalCase>> CompleteActionAsync(Guid caseId, DisposalActionKind kind, string? note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, c => Task.FromResult(c.CompleteAction(kind, note, clock.GetUtcNow(), current.Id!)), cancellationToken);

    public Task<Result<DisposalCase>> WaiveActionAsync(Guid caseId, DisposalActionKind kind, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, c => Task.FromResult(c.WaiveAction(kind, reason ?? string.Empty, clock.GetUtcNow(), current.Id!)), cancellationToken);

    /// <summary>
    /// The working group proposes to terminate the pilot: the case records it and the coordination
    /// group is told. Putting it on a meeting's agenda (<c>AgendaItemKind.TerminationProposal</c>) is the
    /// coordination group's step; carrying out the resolution is the exit issue's.
    /// </summary>
    public Task<Result<DisposalCase>> ProposeTerminationAsync(Guid caseId, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var proposed = c.ProposeTermination(reason ?? string.Empty, clock.GetUtcNow(), current.Id!);
            if (proposed.Succeeded)
            {
                await notifications.TerminationProposedAsync(c, await TitleAsync(c, cancellationToken), reason!, cancellationToken);
            }

            return proposed;
        }, cancellationToken);

    /// <summary>
    /// The coordination group puts a proposed termination on a meeting's agenda as an <see cref="AgendaItemKind.TerminationProposal"/>
    /// item (the project; the case's level and the working group's reason as the item's view) and the case is linked to it, once.
    /// The item's resolution is carried out by the exit module (approved: the pilot is terminated and its exit opens).
    /// </summary>
    public async Task<Result<DisposalCase>> ScheduleTerminationAsync(Guid caseId, Guid meetingId, string view, CancellationToken cancellationToken = default)
    {
        var disposal = await db.DisposalCases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (disposal is null)
        {
            return new Error(DisposalErrors.NotFound);
        }

        if (!await commands.AllowsAsync(DisposalProject.Of(disposal), DisposalOperations.Schedule))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (disposal.TerminationProposedAt is null || disposal.TerminationAgendaItemId is not null)
        {
            db.ChangeTracker.Clear();
            return new Error(disposal.TerminationProposedAt is null ? DisposalErrors.NotProposed : DisposalErrors.AlreadyOnAgenda);
        }

        var title = await TitleAsync(disposal, cancellationToken);
        var itemTitle = DisposalTexts.Format("AgendaItem_Title", DisposalTexts.Chinese, title);
        itemTitle = itemTitle.Length <= AgendaItem.MaxTitleLength ? itemTitle : itemTitle[..(AgendaItem.MaxTitleLength - 1)] + "…";
        var added = await deliberation.AddAgendaItemAsync(meetingId, AgendaItemKind.TerminationProposal, itemTitle, [disposal.ProjectId], AgendaView(disposal, view), cancellationToken);
        if (!added.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<DisposalCase>.Fail([.. added.Errors]);
        }

        // The item was saved with the meeting; link the case to it (the latest such item of this project).
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var item = meeting.AgendaItems.Last(i => i.Kind == AgendaItemKind.TerminationProposal && i.ProjectIds.Contains(disposal.ProjectId));
        var put = disposal.PutTerminationOnAgenda(meetingId, item.Id);
        if (!put.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<DisposalCase>.Fail([.. put.Errors]);
        }

        return await commands.SaveAsync(disposal, DisposalErrors.Concurrency, cancellationToken);
    }

    /// <summary>The agenda item's view (in Chinese, as the minutes are): what the scheduler wrote, then the case's level and the working group's reason.</summary>
    public static string AgendaView(DisposalCase disposal, string? schedulerView)
    {
        ArgumentNullException.ThrowIfNull(disposal);
        string?[] parts =
        [
            schedulerView?.Trim(),
            DisposalTexts.Format("AgendaItem_View", DisposalTexts.Chinese, DisposalTexts.Of(disposal.Level, DisposalTexts.Chinese), disposal.TerminationReason ?? string.Empty),
        ];
        var text = string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length <= AgendaItem.MaxViewLength ? text : text[..AgendaItem.MaxViewLength];
    }

    public Task<Result<DisposalCase>> CloseAsync(Guid caseId, string conclusion, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(caseId, DisposalOperations.Dispose, expected, async c =>
        {
            var closed = c.Close(conclusion ?? string.Empty, clock.GetUtcNow(), current.Id!);
            if (closed.Succeeded)
            {
                await notifications.ClosedAsync(c, await TitleAsync(c, cancellationToken), cancellationToken);
            }

            return closed;
        }, cancellationToken);

    /// <summary>The obligation kind of an action: who owes it decides whose list it shows in.</summary>
    public static ObligationKind KindOf(DisposalActionOwner owner) =>
        owner == DisposalActionOwner.Institution ? ObligationKind.DisposalInstitutionAction : ObligationKind.DisposalWorkingGroupAction;

    private Task<string> TitleAsync(DisposalCase c, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().Where(p => p.Id == c.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);

    private async Task<bool> SourceExistsAsync(Guid projectId, DisposalSource source, Guid sourceId, CancellationToken cancellationToken) => source switch
    {
        DisposalSource.Alert => await db.Alerts.AsNoTracking().AnyAsync(a => a.Id == sourceId && a.ProjectId == projectId, cancellationToken),
        DisposalSource.Incident => await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == sourceId && i.ProjectId == projectId, cancellationToken),
        DisposalSource.CorrectionOrder => await db.CorrectionOrders.AsNoTracking().AnyAsync(o => o.Id == sourceId && o.ProjectId == projectId, cancellationToken),
        _ => true,
    };

    private async Task EnsureObligationsAsync(DisposalCase c, IEnumerable<DisposalAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            await obligations.EnsureAsync(
                new ObligationDraft(c.ProjectId, c.RegionId, c.OrganisationId, KindOf(action.Owner), c.SubjectOf(action.Kind), action.DueAt), cancellationToken);
        }
    }

    /// <summary>Brings each action's obligation in step with the action: fulfilled when done, waived (with the reason) when waived.</summary>
    private async Task SyncObligationsAsync(DisposalCase c, CancellationToken cancellationToken)
    {
        foreach (var action in c.Actions.Where(a => a.State != DisposalActionState.Open))
        {
            var kind = KindOf(action.Owner);
            var at = action.ClosedAt ?? clock.GetUtcNow();
            var by = action.ClosedBy ?? current.Id!;
            _ = action.State == DisposalActionState.Done
                ? await obligations.FulfilAsync(c.ProjectId, kind, c.SubjectOf(action.Kind), at, by, cancellationToken)
                : await obligations.WaiveAsync(c.ProjectId, kind, c.SubjectOf(action.Kind), at, by, action.Note ?? string.Empty, cancellationToken);
        }
    }

    private async Task<Result<DisposalCase>> ChangeAsync(
        Guid caseId, OperationAuthorizationRequirement operation, Guid expected, Func<DisposalCase, Task<Result>> change, CancellationToken cancellationToken)
    {
        var disposal = await db.DisposalCases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (disposal is null)
        {
            return new Error(DisposalErrors.NotFound);
        }

        if (!await commands.AllowsAsync(DisposalProject.Of(disposal), operation))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (disposal.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(DisposalErrors.Concurrency);
        }

        var result = await change(disposal);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<DisposalCase>.Fail([.. result.Errors]);
        }

        await SyncObligationsAsync(disposal, cancellationToken);
        return await commands.SaveAsync(disposal, DisposalErrors.Concurrency, cancellationToken);
    }
}
