using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Obligations;

/// <summary>What a module owes-to-be: the obligation it wants to exist, with its due time already computed (<see cref="ObligationRules"/>).</summary>
public sealed record ObligationDraft(Guid ProjectId, int RegionId, Guid OrganisationId, ObligationKind Kind, string Subject, DateTimeOffset DueAt);

/// <summary>
/// The one way modules create and close obligations. Every method works in the caller's unit of
/// work: it adds or changes the row in the DbContext and the caller's save
/// (<c>CommandPipeline.SaveAsync</c>) writes it together with the caller's own change, or not at all.
/// </summary>
public sealed class ObligationBook(FinPilotDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The obligation for (project, kind, subject): the one already stored or added in this unit of
    /// work, else a new one added to the DbContext. Idempotent: calling it again never makes a second
    /// one, nor moves the due time of the first. An invalid draft (bad subject, unknown kind) is a bug
    /// of the caller and throws.
    /// </summary>
    public async Task<Obligation> EnsureAsync(ObligationDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var existing = await FindAsync(draft.ProjectId, draft.Kind, draft.Subject, ct);
        if (existing is not null)
        {
            return existing;
        }

        var obligation = Obligation.Create(draft.ProjectId, draft.RegionId, draft.OrganisationId, draft.Kind, draft.Subject, draft.DueAt, clock.GetUtcNow())
            .ValueOrThrow();
        db.Obligations.Add(obligation);
        return obligation;
    }

    /// <summary>Marks the obligation fulfilled if it exists and is open; false otherwise. The caller saves.</summary>
    public async Task<bool> FulfilAsync(Guid projectId, ObligationKind kind, string subject, DateTimeOffset at, string by, CancellationToken ct)
    {
        var obligation = await FindAsync(projectId, kind, subject, ct);
        return obligation is not null && obligation.Fulfil(at, by).Succeeded;
    }

    /// <summary>Waives the obligation, keeping the reason, if it exists and is open; false otherwise. The caller saves.</summary>
    public async Task<bool> WaiveAsync(Guid projectId, ObligationKind kind, string subject, DateTimeOffset at, string by, string reason, CancellationToken ct)
    {
        var obligation = await FindAsync(projectId, kind, subject, ct);
        return obligation is not null && obligation.Waive(at, by, reason).Succeeded;
    }

    /// <summary>The tracked obligation, looking first at what this unit of work added but has not saved.</summary>
    private async Task<Obligation?> FindAsync(Guid projectId, ObligationKind kind, string subject, CancellationToken ct) =>
        db.Obligations.Local.FirstOrDefault(o => o.ProjectId == projectId && o.Kind == kind && o.Subject == subject)
        ?? await db.Obligations.SingleOrDefaultAsync(o => o.ProjectId == projectId && o.Kind == kind && o.Subject == subject, ct);
}
