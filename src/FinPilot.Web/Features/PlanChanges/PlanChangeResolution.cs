using System.Globalization;
using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>
/// The coordination group's resolution of a <see cref="AgendaItemKind.MajorPlanChange"/> item decides
/// the change awaiting it for each project: approved (with or without conditions) or rejected, with the
/// resolution's text as the reasons. An approved major change is a public record on the pilot's
/// timeline, and applies from its effective date. Runs in the resolution's unit of work.
/// </summary>
public sealed class PlanChangeResolution(
    FinPilotDbContext db, CurrentUser current, ObligationBook obligations, PlanChangeApplier applier, PlanChangeNotices notices, PublicRecordWriter records,
    TimeProvider clock) : IAgendaItemResolution
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public AgendaItemKind Kind => AgendaItemKind.MajorPlanChange;

    public async Task<Result> ResolvedAsync(Meeting meeting, AgendaItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var now = clock.GetUtcNow();
        foreach (var outcome in item.Resolution?.Outcomes ?? [])
        {
            // The change this item was made for; an item added by hand takes the project's one awaiting the group.
            var awaiting = await db.PlanChanges
                .Where(c => c.ProjectId == outcome.ProjectId && c.Status == PlanChangeStatus.AwaitingCoordinationGroup)
                .OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken);
            var change = awaiting.FirstOrDefault(c => c.AgendaItemId == item.Id) ?? awaiting.FirstOrDefault(c => c.AgendaItemId is null);
            if (change is null)
            {
                return new Error(PlanChangeErrors.NoneAwaitingResolution, null, outcome.ProjectId);
            }

            var approve = outcome.Kind != OutcomeKind.Rejected;
            var text = Text.Clean(outcome.Reason) is { } reason && !approve ? reason : item.Resolution!.Text;
            var resolved = change.Resolve(meeting.Id, item.Id, approve, text, now, current.Id!);
            if (!resolved.Succeeded)
            {
                return resolved;
            }

            await obligations.FulfilAsync(change.ProjectId, ObligationKind.PlanChangeReview, PlanChangeService.Subject(change), now, current.Id!, cancellationToken);
            var applied = await applier.ApplyIfDueAsync(change, now, current.Id!, automatic: false, cancellationToken);
            if (!applied.Succeeded)
            {
                return applied;
            }

            if (approve)
            {
                Publish(change, meeting, item, now);
            }

            await notices.DecidedAsync(change, cancellationToken);
        }

        return Result.Ok();
    }

    private void Publish(PlanChange change, Meeting meeting, AgendaItem item, DateTimeOffset at)
    {
        var effective = change.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        records.Write(
            PublicRecord.Create(PlanChangeActions.RecordMajorChange, change.Id.ToString(), at, new
            {
                change.Id,
                change.ProjectId,
                change.RegionId,
                meetingId = meeting.Id,
                itemId = item.Id,
                fields = change.ChangedFields.Select(f => f.ToString()),
                change.Current,
                change.Proposed,
                currentMetrics = change.CurrentMetrics,
                proposedMetrics = change.ProposedMetrics,
                effectiveOn = change.EffectiveOn,
                resolution = change.DecisionNote,
            }),
            change.RegionId,
            [new PublicEvent(change.ProjectId, PublicEventKind.PlanChanged, at, Title(Chinese, effective, change.ChangedFields), Title(English, effective, change.ChangedFields),
                $"/pilots/{change.ProjectId}")]);
    }

    /// <summary>The public event's title in one language: the changed fields by their names, and the effective date.</summary>
    public static string Title(CultureInfo culture, string effective, IReadOnlyList<PlanField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var names = string.Join(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.FieldSeparator), culture),
            fields.Select(f => PlanChangesStrings.ResourceManager.GetString($"Field_{f}", culture) ?? f.ToString()));
        var text = string.Format(culture, System.Text.CompositeFormat.Parse(PlanChangesStrings.ResourceManager.GetString(nameof(PlanChangesStrings.Event_MajorChangeApproved), culture)!),
            effective, names);
        return text.Length <= PublicEventRecord.MaxTitleLength ? text : text[..PublicEventRecord.MaxTitleLength];
    }
}
