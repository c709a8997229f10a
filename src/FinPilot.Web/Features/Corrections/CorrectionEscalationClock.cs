using FinPilot.Domain.Calendar;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// One pass of the escalation ladder of overdue correction orders, run by
/// <see cref="CorrectionEscalationJob"/>: an order the institution has not answered by its due day
/// is escalated after the set working days (the coordination group is told) and a risk disposal
/// proposed after more. The reminders before and after the due day are the obligation clock's.
/// </summary>
/// <remarks>
/// Safe to run twice at once: the rung and its messages are saved with the order under its version,
/// so of two clocks only one saves them. Reads only open orders past their due time (index Status, DueAt).
/// </remarks>
public sealed class CorrectionEscalationClock(
    FinPilotDbContext db, CommandPipeline commands, CorrectionNotifications notifications, WorkingCalendarProvider calendars,
    Disposal.DisposalProposals disposals, CorrectionOptions options, TimeProvider clock)
{
    public const string SystemActor = "system";

    /// <summary>How many rungs this pass climbed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var owes = CorrectionOrder.InstitutionOwes;

        // Only orders that have reached their next rung: due no later than the working days to wait before today.
        var escalateBy = Latest(today, options.EscalateAfterWorkingDays, calendar);
        var proposeBy = Latest(today, options.ProposeDisposalAfterWorkingDays, calendar);
        // Read untracked: each order is attached when it climbs, and forgotten once its rung is saved.
        var candidates = await db.CorrectionOrders.AsNoTracking()
            .Where(o => owes.Contains(o.Status) && o.DueAt < now
                && ((o.Escalation == CorrectionEscalation.None && o.DueAt <= escalateBy) || (o.Escalation == CorrectionEscalation.Escalated && o.DueAt <= proposeBy)))
            .OrderBy(o => o.DueAt)
            .Take(options.BatchSize)
            .ToListAsync(ct);
        var climbed = 0;
        foreach (var order in candidates)
        {
            var rung = CorrectionOrder.RungOn(today, ChinaTime.DateOf(order.DueAt), options.EscalateAfterWorkingDays, options.ProposeDisposalAfterWorkingDays, calendar);
            if (db.Entry(order).State == EntityState.Detached)
            {
                db.Attach(order);
            }

            if (!order.EscalateTo(rung, now, SystemActor))
            {
                db.ChangeTracker.Clear();
                continue;
            }

            var title = await db.Projects.AsNoTracking().Where(p => p.Id == order.ProjectId).Select(p => p.Title).SingleAsync(ct);
            await notifications.EscalatedAsync(order, rung, title, ct);

            // The last rung proposes a disposal case for the working group to confirm, saved with the rung (so once).
            if (rung == CorrectionEscalation.DisposalProposed)
            {
                await disposals.ProposeAsync(order, now, SystemActor, ct);
            }

            var saved = await commands.SaveAsync(CorrectionErrors.Concurrency, ct);
            if (saved.Succeeded)
            {
                climbed++;
            }

            // Saved, or another clock climbed it first and sent the messages: either way done with. A tracker kept
            // across the batch (orders, messages, disposal cases, audit lines) made every later save walk it all.
            db.ChangeTracker.Clear();
        }

        return climbed;
    }

    /// <summary>The latest due time whose due day lies <paramref name="workingDays"/> working days or more before today.</summary>
    private static DateTimeOffset Latest(DateOnly today, int workingDays, WorkingDayCalendar calendar) =>
        ChinaTime.EndOfDay(ObligationRules.WorkingDaysBefore(today, workingDays, calendar)).ToUniversalTime();
}

/// <summary>Runs the escalation ladder (<see cref="CorrectionEscalationClock"/>) under the job lease.</summary>
public sealed class CorrectionEscalationJob(IServiceScopeFactory scopes, TimeProvider clock, CorrectionOptions options, ILogger<CorrectionEscalationJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "corrections.escalation";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var climbed = await services.GetRequiredService<CorrectionEscalationClock>().RunAsync(cancellationToken);
        if (climbed > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Correction escalation: {Climbed} orders climbed a rung.", climbed);
        }
    }
}
