using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Obligations;

/// <summary>What the clock's actions are called in the audit trail.</summary>
public static class ObligationActions
{
    public const string Scheduled = "obligation.scheduled";
    public const string Reminded = "obligation.reminded";
    public const string Overdue = "obligation.overdue";
}

/// <summary>
/// One pass of the obligation clock (义务时钟), run by <see cref="ObligationClockJob"/>: schedules the
/// periodic reports of every pilot whose supervision plan is in force, writes the reminders before
/// and the notices after each due date, and tells the overdue listeners once per obligation.
/// </summary>
/// <remarks>
/// Safe to run twice at once (two nodes, a lease that expired mid-run): creation is idempotent on
/// the unique (project, kind, subject); a reminder and its messages are saved with the offset
/// recorded on the obligation under its version, so of two clocks only one saves them; the overdue
/// call is claimed on the row, under the version, before any listener is called.
/// Reads only what is due: plans in force, and open obligations in a due-time window (index
/// Status, DueAt) or overdue and not yet told.
/// </remarks>
public sealed class ObligationClock(
    FinPilotDbContext db, ObligationBook book, CommandPipeline commands, Notifier notifier, WorkingCalendarProvider calendars,
    ObligationOptions options, IEnumerable<IObligationOverdueListener> listeners, TimeProvider clock, ILogger<ObligationClock> logger)
{
    public const string SystemActor = "system";

    private static readonly ProjectStage[] Supervised = [ProjectStage.Running, ProjectStage.Rectifying, ProjectStage.Suspended];
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>How many plans' existing obligations are read in one query when scheduling.</summary>
    private const int ScheduleChunk = 500;

    private readonly Dictionary<(Role, int?, Guid?), IReadOnlyList<(string Id, CultureInfo Culture)>> _recipients = [];

    /// <summary>The page a reminder links to: the applicant's to-do list or the working group's list.</summary>
    public const string ApplicantLink = "/obligations";

    public const string WorkingGroupLink = "/obligations/region";

    /// <summary>What one pass did, for logs and tests.</summary>
    public sealed record Outcome(int Scheduled, int Reminded, int ToldOverdue);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var scheduled = await ScheduleAsync(calendar, now, cancellationToken);
        var reminded = await RemindAsync(calendar, now, cancellationToken);
        var told = await TellOverdueAsync(now, cancellationToken);
        return new Outcome(scheduled, reminded, told);
    }

    /// <summary>
    /// For each pilot under a plan in force: one periodic-report obligation per report period from
    /// the plan's start to the period of today (or of the approved end date, if earlier), and the
    /// obligation to exit or ask for an extension before the approved end date.
    /// </summary>
    private async Task<int> ScheduleAsync(WorkingDayCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DateOf(now);
        var plans = await (
            from plan in db.SupervisionPlans.AsNoTracking()
            join project in db.Projects.AsNoTracking() on plan.ProjectId equals project.Id
            where plan.Revision > 0 && Supervised.Contains(project.Stage)
            select plan).ToListAsync(cancellationToken);
        var created = 0;
        var kinds = new[] { ObligationKind.PeriodicReport, ObligationKind.ExitOrExtension };
        foreach (var chunk in plans.Chunk(ScheduleChunk))
        {
            // What the chunk's pilots already owe, in one query (index ProjectId, Kind, Subject), not one per pilot.
            var chunkIds = chunk.Select(p => p.ProjectId).ToList();
            var owed = (await db.Obligations.AsNoTracking()
                .Where(o => chunkIds.Contains(o.ProjectId) && kinds.Contains(o.Kind))
                .Select(o => new { o.ProjectId, o.Kind, o.Subject })
                .ToListAsync(cancellationToken)).ToLookup(o => o.ProjectId, o => (o.Kind, o.Subject));
            foreach (var plan in chunk)
            {
                var terms = plan.Terms;
                var parameters = terms.Parameters;
                var wanted = ReportPeriod.Upto(parameters.StartsOn, Min(today, parameters.EndsOn), terms.ReportFrequency)
                    .Select(p => (Kind: ObligationKind.PeriodicReport, Subject: p.Subject, Due: ObligationRules.ReportDue(p.End, terms.ReportFrequency, calendar)))
                    .Append((Kind: ObligationKind.ExitOrExtension, Subject: ExitSubject(parameters.EndsOn), Due: ObligationRules.ExitOrExtensionDue(parameters.EndsOn, calendar)))
                    .ToList();
                var existing = owed[plan.ProjectId].ToHashSet();
                var missing = wanted.Where(w => !existing.Contains((w.Kind, w.Subject))).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                foreach (var (kind, subject, due) in missing)
                {
                    await book.EnsureAsync(new ObligationDraft(plan.ProjectId, plan.RegionId, plan.OrganisationId, kind, subject, due), cancellationToken);
                }

                commands.Audit(new AuditLine(ObligationActions.Scheduled, AuditResource.Project, plan.ProjectId.ToString(),
                    new { obligations = missing.Select(m => new { kind = m.Kind.ToString(), m.Subject, dueAt = m.Due }) }, plan.RegionId, SystemActor));
                try
                {
                    await commands.SaveAsync(cancellationToken);
                    created += missing.Count;

                    // Saved and done with: every look-up of the next plan's obligations checks what is tracked, so a tracker
                    // kept across thousands of plans made the pass quadratic.
                    db.ChangeTracker.Clear();
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException { InnerException: DbUpdateException })
                {
                    // Another clock made them between our look and our save (the unique index refused
                    // ours, or PostgreSQL chose our insert as the victim of a deadlock with theirs):
                    // they exist or will on the next run, which is all this step wants.
                    db.ChangeTracker.Clear();
                }
            }
        }

        return created;
    }

    /// <summary>Reminders and notices at the configured working-day offsets, each written once.</summary>
    private async Task<int> RemindAsync(WorkingDayCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offsets = options.ReminderOffsets;
        if (offsets.Count == 0)
        {
            return 0;
        }

        var today = ChinaTime.DateOf(now);
        var before = -offsets.Where(o => o < 0).DefaultIfEmpty(0).Min();
        var after = offsets.Where(o => o > 0).DefaultIfEmpty(0).Max();

        // A reminder n working days ahead concerns a due day at most n working days from today; a
        // notice n working days after, a due day at most n working days ago (plus the catch-up).
        var horizon = ChinaTime.EndOfDay(calendar.AddWorkingDays(today, before + 1)).ToUniversalTime();
        var floor = ChinaTime.StartOfDay(ObligationRules.WorkingDaysBefore(today, after + options.CatchUpWorkingDays, calendar)).ToUniversalTime();
        // Read untracked: each one is attached when it has a reminder to record, and forgotten once saved.
        var due = await db.Obligations.AsNoTracking()
            .Where(o => o.Status == ObligationStatus.Open && o.DueAt >= floor && o.DueAt <= horizon)
            .OrderBy(o => o.DueAt)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var titles = await TitlesAsync(due.Select(o => o.ProjectId), cancellationToken);
        var owners = await OwnersAsync(due.Where(o => o.ProjectId == Obligation.NoProject).Select(o => o.OrganisationId), cancellationToken);
        var sent = 0;
        foreach (var obligation in due)
        {
            var plan = obligation.RemindersDue(offsets, now, calendar);
            if (plan.IsEmpty)
            {
                continue;
            }

            if (db.Entry(obligation).State == EntityState.Detached)
            {
                db.Attach(obligation);
            }

            if (!obligation.RecordReminders(plan.Record).Succeeded)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            if (plan.Send is { } offset)
            {
                // An obligation with no project (a coaching follow-up) is named by the organisation that owes it, in the reader's language.
                var owner = owners.GetValueOrDefault(obligation.OrganisationId);
                var project = titles.GetValueOrDefault(obligation.ProjectId, string.Empty);
                await NotifyAsync(
                    obligation, offset,
                    culture => obligation.ProjectId != Obligation.NoProject ? project
                        : culture.Name == English.Name && !string.IsNullOrWhiteSpace(owner.En) ? owner.En : owner.Zh ?? string.Empty,
                    cancellationToken);
            }

            commands.Note(obligation, new ReminderSent(plan.Send));
            var saved = await commands.SaveAsync(ObligationErrors.Concurrency, cancellationToken);
            if (saved.Succeeded && plan.Send is not null)
            {
                sent++;
            }

            // A refused save means another clock recorded it first and sent the message: nothing to do.
            // Saved or not, it is done with: a tracker kept across the batch made every later save walk it all.
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    /// <summary>
    /// Tells every listener of each obligation that has become overdue, once: the claim is saved
    /// on the row first, so a second clock finds it taken; a failing listener gives it back so
    /// the next run tries again.
    /// </summary>
    private async Task<int> TellOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var overdue = await db.Obligations.AsNoTracking()
            .Where(o => o.Status == ObligationStatus.Open && o.DueAt < now && o.OverdueNotifiedAt == null)
            .OrderBy(o => o.DueAt)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var obligation in overdue)
        {
            if (db.Entry(obligation).State == EntityState.Detached)
            {
                db.Attach(obligation);
            }

            if (!obligation.MarkOverdueNotified(now).Succeeded)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            var claimed = await commands.SaveAsync(ObligationErrors.Concurrency, cancellationToken);

            // The claim is saved (or refused): nothing tracked is needed after it, and the listeners work in scopes of their own.
            db.ChangeTracker.Clear();
            if (!claimed.Succeeded)
            {
                continue;
            }

            if (obligation.ProjectId == Obligation.NoProject)
            {
                // The listeners act on a pilot (risk alerts); an organisation's duty with no project has only its reminders.
                told++;
                continue;
            }

            var overdueObligation = new OverdueObligation(obligation.Id, obligation.ProjectId, obligation.RegionId, obligation.Kind.ToString(), obligation.Subject, obligation.DueAt);
            try
            {
                foreach (var listener in listeners)
                {
                    await listener.ObligationOverdueAsync(overdueObligation, cancellationToken);
                }

                told++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "An overdue listener failed for obligation {Obligation}; it will be told again on the next run.", obligation.Id);
                await GiveBackAsync(obligation.Id, cancellationToken);
            }
        }

        return told;
    }

    private async Task GiveBackAsync(Guid obligationId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var obligation = await db.Obligations.SingleAsync(o => o.Id == obligationId, cancellationToken);
        obligation.ReleaseOverdueNotified();
        await commands.SaveAsync(ObligationErrors.Concurrency, cancellationToken);
    }

    private async Task NotifyAsync(Obligation obligation, int offset, Func<CultureInfo, string> title, CancellationToken cancellationToken)
    {
        var kind = obligation.ProjectId == Obligation.NoProject
            ? offset < 0 ? NotificationKind.OrganisationObligationDueSoon : NotificationKind.OrganisationObligationOverdue
            : offset < 0 ? NotificationKind.ObligationDueSoon : NotificationKind.ObligationOverdue;
        var workingGroupsDuty = ObligationRules.DutyOf(obligation.Kind) == ObligationDuty.WorkingGroup;
        var recipients = workingGroupsDuty
            ? []
            : (await RecipientsAsync(Role.Applicant, null, obligation.OrganisationId, cancellationToken))
                .Select(r => (r.Id, r.Culture, Link: ApplicantLink)).ToList();
        if (offset > 0 || workingGroupsDuty)
        {
            recipients.AddRange((await RecipientsAsync(Role.RegionalWorkingGroup, obligation.RegionId, null, cancellationToken))
                .Select(r => (r.Id, r.Culture, Link: WorkingGroupLink)));
        }

        foreach (var group in recipients.DistinctBy(r => r.Id).GroupBy(r => (r.Culture, r.Link)))
        {
            notifier.Enqueue(group.Select(r => r.Id), kind, group.Key.Link, new Dictionary<string, string>
            {
                [NotificationValues.Title] = title(group.Key.Culture),
                [NotificationValues.Due] = ChinaTime.DateOf(obligation.DueAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [NotificationValues.Duty] = ObligationTexts.Duty(obligation.Kind, obligation.Subject, group.Key.Culture),
            });
        }
    }

    /// <summary>Who holds a role there, with the language each reads mail in (the duty is named in it); asked once per run.</summary>
    private async Task<IReadOnlyList<(string Id, CultureInfo Culture)>> RecipientsAsync(Role role, int? regionId, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (_recipients.TryGetValue((role, regionId, organisationId), out var known))
        {
            return known;
        }

        var ids = await db.UserIdsWithAsync(role, regionId, organisationId, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(cancellationToken);
        IReadOnlyList<(string, CultureInfo)> found =
            [.. users.Select(u => (u.Id, NotificationTexts.CultureFor(u.PreferredCulture).Name == "en" ? English : Chinese))];
        _recipients[(role, regionId, organisationId)] = found;
        return found;
    }

    private async Task<Dictionary<Guid, string>> TitlesAsync(IEnumerable<Guid> projectIds, CancellationToken cancellationToken)
    {
        var ids = projectIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
    }

    /// <summary>The organisations' names, in Chinese and English (empty when it has none).</summary>
    private async Task<Dictionary<Guid, (string? Zh, string? En)>> OwnersAsync(IEnumerable<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => ((string?)o.NameZh, (string?)o.NameEn), cancellationToken);
    }

    /// <summary>The subject of the exit-or-extension obligation: the approved end date, yyyy-MM-dd.</summary>
    public static string ExitSubject(DateOnly endsOn) => endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
