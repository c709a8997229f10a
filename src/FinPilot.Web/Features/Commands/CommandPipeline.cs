using FinPilot.Domain.Common;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Commands;

/// <summary>
/// The shared steps of every state-changing use case around the aggregate's own method: authorise
/// the current user against the record, then save the change and its audit lines in one
/// transaction. The audit lines come from the events the changed aggregates recorded, each turned
/// into its line by its module's <see cref="IAuditMap"/> at the save; records that are no
/// aggregate add theirs with <see cref="Audit"/>. A record changed by someone else since it was loaded is one typed error, named by
/// the module (<c>Call.ChangedByAnother</c>, …), and nothing of the refused change is saved.
/// </summary>
public sealed class CommandPipeline(
    FinPilotDbContext db, CurrentUser current, IAuthorizationService authorization, AuditLog audit, IEnumerable<IAuditMap> maps)
{
    private readonly IAuditMap[] _maps = [.. maps];
    private readonly AuditFacts _facts = new();

    /// <summary>Whether the current user may perform <paramref name="operation"/> on <paramref name="resource"/>.</summary>
    public async Task<bool> AllowsAsync(object? resource, IAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(current.Principal, resource, operation)).Succeeded;

    /// <summary>
    /// Adds an audit line to this unit of work for a change that no aggregate records (a token, a
    /// role, a calendar day); it is saved with the change or not at all.
    /// </summary>
    public void Audit(AuditLine line) => audit.Record(line);

    /// <summary>Notes what only the use case knows about <paramref name="aggregate"/>'s change, for its audit map.</summary>
    public void Note<T>(IRecordsEvents aggregate, T fact)
        where T : notnull =>
        _facts.Note(aggregate, fact);

    /// <summary>Saves the change with <paramref name="lines"/>; a stale version becomes <paramref name="staleCode"/>.</summary>
    public async Task<Result> SaveAsync(ErrorCode staleCode, CancellationToken cancellationToken, params AuditLine[] lines)
    {
        RecordAll(lines);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The refused change must not ride along with the next save of this scope (a page's
            // circuit keeps its context): forget it, audit lines included.
            db.ChangeTracker.Clear();
            return new Error(staleCode);
        }
    }

    /// <summary>As <see cref="SaveAsync(string, CancellationToken, AuditLine[])"/>, answering <paramref name="value"/> when saved.</summary>
    public async Task<Result<T>> SaveAsync<T>(T value, ErrorCode staleCode, CancellationToken cancellationToken, params AuditLine[] lines)
    {
        var saved = await SaveAsync(staleCode, cancellationToken, lines);
        return saved.Succeeded ? value : Result<T>.Fail([.. saved.Errors]);
    }

    /// <summary>Saves records that carry no version (new ones, checklists, …) with their audit lines.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken, params AuditLine[] lines)
    {
        RecordAll(lines);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The audit lines of this save: the given ones, then one per event each changed aggregate
    /// recorded, in the order the aggregates were tracked and the events recorded.
    /// </summary>
    private void RecordAll(AuditLine[] lines)
    {
        foreach (var line in lines)
        {
            audit.Record(line);
        }

        var aggregates = db.ChangeTracker.Entries()
            .Select(e => e.Entity)
            .OfType<IRecordsEvents>()
            .Where(a => a.PendingEvents.Count > 0)
            .ToList();
        foreach (var aggregate in aggregates)
        {
            foreach (var recorded in aggregate.PendingEvents)
            {
                if (_maps.Select(m => m.Map(aggregate, recorded, _facts)).FirstOrDefault(l => l is not null) is { } line)
                {
                    audit.Record(line);
                }
            }

            aggregate.ClearEvents();
        }

        _facts.Clear();
    }
}
