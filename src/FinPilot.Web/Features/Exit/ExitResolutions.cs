using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// The coordination group's resolution of a <see cref="AgendaItemKind.TerminationProposal"/> item: each
/// approved project is terminated (Running/Rectifying/Suspended → Exiting) and its exit opens in mode
/// Terminated; a rejected one moves nothing. Runs in the resolution's unit of work.
/// </summary>
public sealed class TerminationResolution(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ExitService exits, TimeProvider clock)
    : IAgendaItemResolution
{
    public AgendaItemKind Kind => AgendaItemKind.TerminationProposal;

    public async Task<Result> ResolvedAsync(Meeting meeting, AgendaItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var now = clock.GetUtcNow();
        foreach (var outcome in (item.Resolution?.Outcomes ?? []).Where(o => o.Kind != OutcomeKind.Rejected))
        {
            var project = await db.Projects.SingleAsync(p => p.Id == outcome.ProjectId, cancellationToken);
            if (!await commands.AllowsAsync(project, ProjectOperations.Move(ProjectTrigger.Terminate)))
            {
                return Problems.Forbidden;
            }

            // The case opens while the pilot is still admitted; then the pilot moves to exiting.
            var text = item.Resolution!.Text;
            var opened = await exits.OpenTerminationAsync(project, meeting.Id, text, now, cancellationToken);
            if (!opened.Succeeded)
            {
                return Result.Fail([.. opened.Errors]);
            }

            var moved = project.Terminate(now, current.Id!, text);
            if (!moved.Succeeded)
            {
                return moved;
            }
        }

        return Result.Ok();
    }
}

/// <summary>
/// The coordination group's resolution of an <see cref="AgendaItemKind.Exit"/> item, voted per project:
/// approved → the exit and its tier (the group's decision, else the formula's proposal) are confirmed,
/// the pilot moves Exiting → Exited, and both are public; rejected → the case returns to the working
/// group's audit with the resolution's reasons.
/// </summary>
public sealed class ExitResolution(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, ExitNotices notices, ExitPublicRecords publicRecords,
    TimeProvider clock) : IAgendaItemResolution
{
    public AgendaItemKind Kind => AgendaItemKind.Exit;

    public async Task<Result> ResolvedAsync(Meeting meeting, AgendaItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var now = clock.GetUtcNow();
        foreach (var outcome in item.Resolution?.Outcomes ?? [])
        {
            var exit = await db.ExitCases.SingleOrDefaultAsync(c => c.ProjectId == outcome.ProjectId && c.Status == ExitStatus.AwaitingCoordinationGroup, cancellationToken);
            if (exit is null)
            {
                return new Error(ExitErrors.NoneAwaitingResolution, null, outcome.ProjectId);
            }

            var approve = outcome.Kind != OutcomeKind.Rejected;
            var text = Text.Clean(outcome.Reason) is { } reason && !approve ? reason : item.Resolution!.Text;
            var resolved = exit.Resolve(meeting.Id, item.Id, approve, text, now, current.Id!);
            if (!resolved.Succeeded)
            {
                return resolved;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitConfirmation, ExitService.CaseSubject(exit.Id), now, current.Id!, cancellationToken);
            if (!approve)
            {
                await notices.ToWorkingGroupAsync(exit, NotificationKind.ExitSentBack, cancellationToken);
                continue;
            }

            var project = await db.Projects.SingleAsync(p => p.Id == exit.ProjectId, cancellationToken);
            if (!await commands.AllowsAsync(project, ProjectOperations.Move(ProjectTrigger.CompleteExit)))
            {
                return Problems.Forbidden;
            }

            var moved = project.CompleteExit(now, current.Id!, text);
            if (!moved.Succeeded)
            {
                return moved;
            }

            publicRecords.Exited(exit, now);
            await notices.ToInstitutionAsync(exit, NotificationKind.ExitConfirmed, ExitTexts.Of(exit.Tier!.Value, ExitTexts.Chinese), null, cancellationToken);
        }

        return Result.Ok();
    }
}
