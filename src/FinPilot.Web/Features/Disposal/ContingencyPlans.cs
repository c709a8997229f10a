using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Disposal;

/// <summary>
/// The overall contingency plan (试点风险总体处置预案): the version in force, the history of versions,
/// and publishing a new one (admins and the coordination group). Versions are only appended.
/// </summary>
public sealed class ContingencyPlans(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    /// <summary>The version in force at <paramref name="at"/>: the latest published by then (the migration installs version 1).</summary>
    public async Task<ContingencyPlanVersion> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // DateTimeOffset is not comparable in SQL on every provider: versions are few, compare in memory.
        var versions = await db.ContingencyPlanVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return versions.FirstOrDefault(v => v.PublishedAt <= at) ?? versions.LastOrDefault() ?? ContingencyPlanVersion.Default();
    }

    /// <summary>Every version, newest first, for those who may read the plan.</summary>
    public async Task<Result<IReadOnlyList<ContingencyPlanVersion>>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(ContingencyPlanResource.Platform, DisposalOperations.ReadPlan))
        {
            return Problems.Forbidden;
        }

        return await db.ContingencyPlanVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
    }

    public async Task<Result<ContingencyPlanVersion>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(ContingencyPlanResource.Platform, DisposalOperations.ReadPlan))
        {
            return Problems.Forbidden;
        }

        return await InForceAsync(clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Whether the caller may publish a version (for the page to offer the form).</summary>
    public Task<bool> CanPublishAsync() => commands.AllowsAsync(ContingencyPlanResource.Platform, DisposalOperations.PublishPlan);

    /// <summary>Publishes the next version; it is in force from now for cases opened from now on.</summary>
    public async Task<Result<ContingencyPlanVersion>> PublishAsync(IReadOnlyList<ContingencyLevel> levels, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!await CanPublishAsync())
        {
            return Problems.Forbidden;
        }

        var previous = await db.ContingencyPlanVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var published = ContingencyPlanVersion.Publish(previous, levels, note ?? string.Empty, clock.GetUtcNow(), current.Id!);
        if (!published.Succeeded)
        {
            return published;
        }

        db.ContingencyPlanVersions.Add(published.Value);
        try
        {
            await commands.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two publishers took the same number: the second is refused, and reads the new version first.
            db.ChangeTracker.Clear();
            return new Error(DisposalErrors.PlanConcurrency);
        }

        return published;
    }
}
