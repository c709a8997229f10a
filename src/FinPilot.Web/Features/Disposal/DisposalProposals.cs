using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disposal;

/// <summary>
/// The escalation ladder's last rung: a disposal case proposed on an overdue correction order, at the
/// lowest level, for the region's working group to confirm or dismiss. Added to the caller's unit of work
/// (the order's rung is saved with it, under the order's version, so of two racing clocks only one saves
/// both); never twice for one order.
/// </summary>
public sealed class DisposalProposals(FinPilotDbContext db, ContingencyPlans plans, ObligationBook obligations, WorkingCalendarProvider calendars)
{
    /// <summary>Adds the proposed case unless the order already has one (or the pilot is no longer admitted); returns it, or null.</summary>
    public async Task<DisposalCase?> ProposeAsync(CorrectionOrder order, DateTimeOffset now, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderId = order.Id;
        if (await db.DisposalCases.AnyAsync(c => c.Source == DisposalSource.CorrectionOrder && c.SourceId == orderId, cancellationToken)
            || db.DisposalCases.Local.Any(c => c.Source == DisposalSource.CorrectionOrder && c.SourceId == orderId))
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == order.ProjectId, cancellationToken);
        var summary = DisposalTexts.Format("Proposed_Summary", DisposalTexts.Chinese, order.Findings);
        var proposed = DisposalCase.Propose(project, await plans.InForceAsync(now, cancellationToken), orderId, summary, now, actor);
        if (!proposed.Succeeded)
        {
            return null;
        }

        db.DisposalCases.Add(proposed.Value);

        // The working group owes its answer (confirm or dismiss) within the disposal actions' working days.
        var calendar = await calendars.GetAsync(cancellationToken);
        await obligations.EnsureAsync(new ObligationDraft(project.Id, project.RegionId, project.LeadOrganisationId, ObligationKind.DisposalProposalReview,
            SubjectOf(proposed.Value.Id), ObligationRules.Precise(calendar.DeadlineAfter(now, ObligationRules.DisposalActionWorkingDays))), cancellationToken);
        return proposed.Value;
    }

    /// <summary>The subject of the working group's obligation to answer a proposed case.</summary>
    public static string SubjectOf(Guid caseId) => caseId.ToString("N");

    /// <summary>The case proposed on or opened from an order, if any: the order's page links to it.</summary>
    public Task<Guid?> CaseOfOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.DisposalCases.AsNoTracking().Where(c => c.Source == DisposalSource.CorrectionOrder && c.SourceId == orderId)
            .OrderBy(c => c.OpenedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
}
