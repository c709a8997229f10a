using FinPilot.Domain.Common;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Integrity;

/// <summary>What the integrity officer writes when raising a flag on a record.</summary>
public sealed record RaiseFlagInput
{
    public IntegrityRecordKind RecordKind { get; init; }

    public string? RecordId { get; init; }

    /// <summary>The person concerned (a user id), if the concern is about someone's act.</summary>
    public string? PersonId { get; init; }

    /// <summary>Who answers: the working group of the record's region, or the pilot's lead organisation (then no person).</summary>
    public ResponsibleUnitKind Unit { get; init; } = ResponsibleUnitKind.WorkingGroup;

    public string? Note { get; init; }
}

/// <summary>
/// 廉政监督 flags: the integrity officer raises one on a record, asks the responsible unit to explain
/// by a deadline in working days (an obligation of the pilot, <see cref="ExplanationKind"/>),
/// and closes it with a conclusion; the unit explains. Every step is audited from the flag's events.
/// </summary>
public sealed class IntegrityCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, IntegrityRecords records,
    IntegrityNotifications notifications, WorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task<Result<IntegrityFlag>> RaiseAsync(RaiseFlagInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await commands.AllowsAsync(IntegrityTrail.Instance, IntegrityOperations.Supervise))
        {
            return Problems.Forbidden;
        }

        if (!Enum.IsDefined(input.RecordKind) || input.RecordKind == IntegrityRecordKind.Person)
        {
            return new Error(IntegrityErrors.ChoiceInvalid, "recordKind");
        }

        if (!Enum.IsDefined(input.Unit))
        {
            return new Error(IntegrityErrors.ChoiceInvalid, "unit");
        }

        var personId = Text.Clean(input.PersonId);
        if (personId is not null && (input.Unit == ResponsibleUnitKind.Organisation || !await db.Users.AnyAsync(u => u.Id == personId, ct)))
        {
            // A concern about a person is never addressed to an institution: its applicants do not read flags about people.
            return new Error(IntegrityErrors.ChoiceInvalid, "personId");
        }

        var place = await records.FindAsync(input.RecordKind, input.RecordId ?? string.Empty, ct);
        if (place is null)
        {
            return new Error(IntegrityErrors.RecordNotFound, "recordId");
        }

        var raised = IntegrityFlag.Raise(
            new IntegrityTarget
            {
                RecordKind = input.RecordKind,
                RecordId = input.RecordId!.Trim(),
                RegionId = place.RegionId,
                ProjectId = place.ProjectId,
                PersonId = personId,
                Unit = input.Unit,
                OrganisationId = place.OrganisationId,
            },
            input.Note ?? string.Empty, clock.GetUtcNow(), current.Id!);
        if (!raised.Succeeded)
        {
            return raised;
        }

        db.IntegrityFlags.Add(raised.Value);
        await commands.SaveAsync(ct);
        return raised.Value;
    }

    /// <summary>The officer asks the unit to explain within <paramref name="workingDays"/>; the unit owes it as an obligation and is told.</summary>
    public Task<Result<IntegrityFlag>> RequestExplanationAsync(Guid id, string request, int? workingDays, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, IntegrityOperations.Supervise, expected, async (flag, place) =>
        {
            if (workingDays is not { } days || days < IntegrityFlag.MinWorkingDays || days > IntegrityFlag.MaxWorkingDays)
            {
                return new Error(IntegrityErrors.WorkingDaysInvalid, "workingDays", IntegrityFlag.MinWorkingDays, IntegrityFlag.MaxWorkingDays);
            }

            if (place is null)
            {
                return new Error(IntegrityErrors.NoResponsibleUnit, "recordId");
            }

            var now = clock.GetUtcNow();
            var due = ObligationRules.Precise((await calendars.GetAsync(ct)).DeadlineAfter(now, days));
            var requested = flag.RequestExplanation(request ?? string.Empty, due, now, current.Id!);
            if (requested.Succeeded)
            {
                await obligations.EnsureAsync(
                    new ObligationDraft(place.ProjectId, place.RegionId, place.OrganisationId, ExplanationKind(flag), flag.ObligationSubject, due), ct);
                await notifications.RequestedAsync(flag, place.Title, ct);
            }

            return requested;
        }, ct);

    /// <summary>The unit explains; the explanation obligation is met and the officers told.</summary>
    public Task<Result<IntegrityFlag>> ExplainAsync(Guid id, string explanation, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, IntegrityOperations.Answer, expected, async (flag, place) =>
        {
            var now = clock.GetUtcNow();
            var explained = flag.Explain(explanation ?? string.Empty, now, current.Id!);
            if (explained.Succeeded && place is not null)
            {
                await obligations.FulfilAsync(place.ProjectId, ExplanationKind(flag), flag.ObligationSubject, now, current.Id!, ct);
                await notifications.ExplainedAsync(flag, place.Title, ct);
            }

            return explained;
        }, ct);

    /// <summary>The officer closes with a conclusion, after confirming; an unanswered request's obligation is waived.</summary>
    public Task<Result<IntegrityFlag>> CloseAsync(Guid id, IntegrityConclusion conclusion, string text, bool confirmed, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(id, IntegrityOperations.Supervise, expected, async (flag, place) =>
        {
            if (!confirmed)
            {
                return new Error(IntegrityErrors.NotConfirmed, "confirmed");
            }

            var now = clock.GetUtcNow();
            var wasRequested = flag.Requests > 0;
            var pending = flag.Status == IntegrityFlagStatus.ExplanationRequested;
            var closed = flag.Close(conclusion, text ?? string.Empty, now, current.Id!);
            if (closed.Succeeded && place is not null)
            {
                if (pending)
                {
                    await obligations.WaiveAsync(place.ProjectId, ExplanationKind(flag), flag.ObligationSubject, now, current.Id!, flag.ConclusionText!, ct);
                }

                if (wasRequested)
                {
                    await notifications.ClosedAsync(flag, place.Title, ct);
                }
            }

            return closed;
        }, ct);

    /// <summary>Whose duty the explanation is: the institution's, or the working group's (never on the institution's list).</summary>
    public static ObligationKind ExplanationKind(IntegrityFlag flag) => flag.Unit == ResponsibleUnitKind.Organisation
        ? ObligationKind.IntegrityExplanation
        : ObligationKind.IntegrityExplanationByWorkingGroup;

    private async Task<Result<IntegrityFlag>> ChangeAsync(
        Guid id, OperationAuthorizationRequirement operation, Guid expected, Func<IntegrityFlag, IntegrityRecordPlace?, Task<Result>> change, CancellationToken ct)
    {
        var flag = await db.IntegrityFlags.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flag is null || !await commands.AllowsAsync(IntegrityFlagResource.Of(flag), IntegrityOperations.Read))
        {
            // Whoever may not read the flag does not learn that it exists.
            db.ChangeTracker.Clear();
            return new Error(IntegrityErrors.NotFound);
        }

        if (!await commands.AllowsAsync(IntegrityFlagResource.Of(flag), operation))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (flag.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(IntegrityErrors.Concurrency);
        }

        var place = flag.ProjectId is { } projectId ? await records.FindAsync(IntegrityRecordKind.Project, projectId.ToString(), ct) : null;
        var result = await change(flag, place);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<IntegrityFlag>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(flag, IntegrityErrors.Concurrency, ct);
    }
}
