using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// 容错: the region's working group tolerates a deviation under conditions until an expiry date,
/// when a review obligation falls due on it; reviewing renews it (a new obligation), ends or revokes it.
/// </summary>
public sealed class ToleranceCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, CorrectionNotifications notifications, TimeProvider clock)
{
    public async Task<Result<ToleratedDeviation>> RecordAsync(Guid projectId, ToleranceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return new Error(CorrectionErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new CorrectionProject(project.Id, project.RegionId, project.LeadOrganisationId), CorrectionOperations.Supervise))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var recorded = ToleratedDeviation.Record(project, input, ChinaTime.DateOf(now), now, current.Id!);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        var deviation = recorded.Value;
        db.ToleratedDeviations.Add(deviation);
        await obligations.EnsureAsync(Draft(deviation), ct);
        await notifications.ToleratedAsync(deviation, project.Title, ct);
        await commands.SaveAsync(ct);
        return deviation;
    }

    public async Task<Result<ToleratedDeviation>> ReviewAsync(Guid id, ToleranceDecision decision, string note, DateOnly? expiresOn, Guid expected, CancellationToken ct = default)
    {
        var deviation = await db.ToleratedDeviations.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (deviation is null)
        {
            return new Error(CorrectionErrors.ToleranceNotFound);
        }

        if (!await commands.AllowsAsync(CorrectionProject.Of(deviation), CorrectionOperations.Supervise))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (deviation.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(CorrectionErrors.Concurrency);
        }

        var now = clock.GetUtcNow();
        var previous = deviation.ReviewSubject;
        var reviewed = deviation.Review(decision, note ?? string.Empty, expiresOn, ChinaTime.DateOf(now), now, current.Id!);
        if (!reviewed.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<ToleratedDeviation>.Fail([.. reviewed.Errors]);
        }

        await obligations.FulfilAsync(deviation.ProjectId, ObligationKind.ToleranceReview, previous, now, current.Id!, ct);
        if (deviation.Status == ToleranceStatus.Active)
        {
            await obligations.EnsureAsync(Draft(deviation), ct);
        }

        var title = await db.Projects.AsNoTracking().Where(p => p.Id == deviation.ProjectId).Select(p => p.Title).SingleAsync(ct);
        await notifications.ReviewedAsync(deviation, decision, title, ct);
        return await commands.SaveAsync(deviation, CorrectionErrors.Concurrency, ct);
    }

    /// <summary>The review is due at the end of the expiry day (Beijing time), owed by the working group.</summary>
    private static ObligationDraft Draft(ToleratedDeviation deviation) =>
        new(deviation.ProjectId, deviation.RegionId, deviation.OrganisationId, ObligationKind.ToleranceReview, deviation.ReviewSubject,
            ObligationRules.Precise(ChinaTime.EndOfDay(deviation.ExpiresOn)));
}
