using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// <see cref="PublicOnly"/> lists what an anonymous reader sees even for staff (the public pages);
/// otherwise drafts of the regions the user may see are included.
/// </summary>
public sealed record CallQuery(
    string? Search = null, int? RegionId = null, CallStatus? Status = null, int? Batch = null,
    bool PublicOnly = false, int? Page = null, int? PageSize = null);

/// <summary>
/// Partial changes for a correction: fields left null keep their current value. Lists replace the
/// whole list when given.
/// </summary>
public sealed record CallChanges(
    int? BatchNumber = null, string? Title = null, string? BodyHtml = null, IReadOnlyList<string>? Directions = null,
    IReadOnlyList<FinPilot.Domain.Organisations.OrganisationType>? EligibleTypes = null, DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null, IReadOnlyList<string>? Materials = null, string? Contact = null)
{
    public CallDetails ApplyTo(CallDetails d) => new(
        BatchNumber ?? d.BatchNumber, Title ?? d.Title, BodyHtml ?? d.BodyHtml, Directions ?? d.Directions,
        EligibleTypes ?? d.EligibleTypes, OpensAt ?? d.OpensAt, ClosesAt ?? d.ClosesAt, Materials ?? d.Materials, Contact ?? d.Contact);
}

/// <summary>
/// Finding, writing and moving calls, with the same rules for pages and the API: the region's
/// working group (or an admin) acts, every step is audited in the same save, and publication
/// notifies the applicants of every subscribed organisation in that save too. Publishing,
/// correcting and closing a call are public records (<see cref="CallRecords"/>), also in that save.
/// </summary>
public sealed class CallAdministration(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, Notifier notifier, PublicRecordWriter records, CallHtml html, TimeProvider clock)
{
    public async Task<Page<Call>> SearchAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        var calls = db.Calls.AsNoTracking();
        if (query.PublicOnly)
        {
            calls = calls.Where(c => c.Status != CallStatus.Draft);
        }
        else
        {
            var draftRegions = await DraftRegionIdsAsync(cancellationToken);
            calls = calls.Where(c => c.Status != CallStatus.Draft || draftRegions.Contains(c.RegionId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            calls = calls.Where(c => c.Title.Contains(term));
        }

        if (query.RegionId is { } regionId)
        {
            calls = calls.Where(c => c.RegionId == regionId);
        }

        if (query.Status is { } status)
        {
            calls = calls.Where(c => c.Status == status);
        }

        if (query.Batch is { } batch)
        {
            calls = calls.Where(c => c.BatchNumber == batch);
        }

        var (number, size) = Page<Call>.Normalise(query.Page, query.PageSize);
        var total = await calls.CountAsync(cancellationToken);
        var items = await calls.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.BatchNumber)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<Call>(items, number, size, total);
    }

    /// <summary>The call if it is public or the user may see its draft; a hidden draft is simply not found.</summary>
    public async Task<Result<Call>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null || (!call.IsPublic && !await commands.AllowsAsync(call, CallOperations.ViewDraft)))
        {
            return new Error(CallErrors.NotFound);
        }

        return call;
    }

    public Task<bool> CanManageAsync(Call call, CancellationToken cancellationToken = default) =>
        commands.AllowsAsync(call, CallOperations.Manage);

    /// <summary>Regions whose calls the user runs (all for admins, their own for working groups).</summary>
    public async Task<IReadOnlyList<int>> ManageableRegionIdsAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        return regionIds.Where(grants.CanManageCallsIn).ToList();
    }

    public async Task<Result<Call>> CreateAsync(int regionId, CallDetails details, CancellationToken cancellationToken = default)
    {
        var actor = current.Id;
        if (actor is null || !await commands.AllowsAsync(new RegionScope(regionId), CallOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var created = Call.Create(Guid.CreateVersion7(now), regionId, Clean(details), now, actor);
        if (!created.Succeeded)
        {
            return created;
        }

        var call = created.Value;
        var clash = await CheckBatchAsync(call.RegionId, call.BatchNumber, null, cancellationToken);
        if (clash is not null)
        {
            return clash;
        }

        db.Calls.Add(call);
        await commands.SaveAsync(cancellationToken);
        return call;
    }

    /// <summary>Changes a draft made against <paramref name="expectedVersion"/>; a stale version is refused.</summary>
    public async Task<Result<Call>> UpdateDraftAsync(Guid id, CallDetails details, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var call = loaded.Value;
        var updated = call.UpdateDraft(Clean(details), clock.GetUtcNow());
        if (!updated.Succeeded)
        {
            return Result<Call>.Fail([.. updated.Errors]);
        }

        var clash = await CheckBatchAsync(call.RegionId, call.BatchNumber, call.Id, cancellationToken);
        if (clash is not null)
        {
            return clash;
        }

        return await commands.SaveAsync(call, CallErrors.Concurrency, cancellationToken);
    }

    /// <summary>Publishes a draft and tells every applicant of every organisation subscribed to the region.</summary>
    public async Task<Result<Call>> PublishAsync(Guid id, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var call = loaded.Value;
        var published = call.Publish(clock.GetUtcNow(), current.Id!);
        if (!published.Succeeded)
        {
            return Result<Call>.Fail([.. published.Errors]);
        }

        var recipients = await SubscribedApplicantsAsync(call.RegionId, cancellationToken);
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == call.RegionId, cancellationToken);
        notifier.Enqueue(recipients, NotificationKind.CallPublished, CallRecords.PageOf(call.Id), new Dictionary<string, string>
        {
            ["title"] = call.Title,
            ["region"] = region.NameZh,
            ["region" + NotificationTexts.EnglishSuffix] = region.NameEn,
            ["batch"] = call.BatchNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["closesAt"] = ChinaTime.Format(call.ClosesAt),
        });
        commands.Note(call, new CallNotified(recipients.Count));
        records.WriteCallPublished(call);
        return await commands.SaveAsync(call, CallErrors.Concurrency, cancellationToken);
    }

    /// <summary>Corrects a published or closed call; the note is shown to readers with the list of changed fields.</summary>
    public async Task<Result<Call>> CorrectAsync(Guid id, CallChanges changes, string note, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var call = loaded.Value;
        var details = changes.ApplyTo(call.Details);
        if (changes.BodyHtml is not null)
        {
            details = details with { BodyHtml = html.Sanitise(changes.BodyHtml) };
        }

        var corrected = call.Correct(details, note, clock.GetUtcNow(), current.Id!);
        if (!corrected.Succeeded)
        {
            return Result<Call>.Fail([.. corrected.Errors]);
        }

        var clash = await CheckBatchAsync(call.RegionId, call.BatchNumber, call.Id, cancellationToken);
        if (clash is not null)
        {
            return clash;
        }

        records.WriteCallCorrected(call);
        return await commands.SaveAsync(call, CallErrors.Concurrency, cancellationToken);
    }

    /// <summary>Closes a published call now, before its close time if need be.</summary>
    public Task<Result<Call>> CloseAsync(Guid id, Guid? expectedVersion, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, expectedVersion, call => call.Close(clock.GetUtcNow(), current.Id!), records.WriteCallClosed, cancellationToken);

    /// <summary>Takes a closed call off the current list; it reads the same, so no public record is written.</summary>
    public Task<Result<Call>> ArchiveAsync(Guid id, Guid? expectedVersion, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, expectedVersion, call => call.Archive(clock.GetUtcNow()), disclose: null, cancellationToken);

    /// <summary>A move of status; <paramref name="disclose"/> writes its public record, if it has one.</summary>
    private async Task<Result<Call>> TransitionAsync(
        Guid id, Guid? expectedVersion, Func<Call, Result> move, Action<Call>? disclose, CancellationToken cancellationToken)
    {
        var loaded = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var call = loaded.Value;
        var moved = move(call);
        if (!moved.Succeeded)
        {
            return Result<Call>.Fail([.. moved.Errors]);
        }

        disclose?.Invoke(call);
        return await commands.SaveAsync(call, CallErrors.Concurrency, cancellationToken);
    }

    /// <summary>
    /// The tracked call if the user runs its region's calls. Someone who may see the call but not
    /// run it is refused; someone for whom it is a hidden draft learns nothing (not found).
    /// </summary>
    private async Task<Result<Call>> LoadForChangeAsync(Guid id, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return new Error(CallErrors.NotFound);
        }

        if (current.Id is null || !await commands.AllowsAsync(call, CallOperations.Manage))
        {
            return call.IsPublic || await commands.AllowsAsync(call, CallOperations.ViewDraft) ? Problems.Forbidden : new Error(CallErrors.NotFound);
        }

        if (expectedVersion is { } version && call.Version != version)
        {
            return new Error(CallErrors.Concurrency);
        }

        return call;
    }

    private async Task<List<string>> SubscribedApplicantsAsync(int regionId, CancellationToken cancellationToken)
    {
        var organisations = db.CallSubscriptions.Where(s => s.RegionId == regionId).Select(s => s.OrganisationId);
        return await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Applicant && a.OrganisationId != null && organisations.Contains(a.OrganisationId.Value))
            .Select(a => a.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<int>> DraftRegionIdsAsync(CancellationToken cancellationToken)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        if (grants.Count == 0)
        {
            return [];
        }

        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        return regionIds.Where(grants.CanViewDraftCallsIn).ToList();
    }

    private async Task<Error?> CheckBatchAsync(int regionId, int batch, Guid? self, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            return new Error(CallErrors.RegionUnknown, nameof(Call.RegionId));
        }

        return await db.Calls.AnyAsync(c => c.RegionId == regionId && c.BatchNumber == batch && c.Id != self, cancellationToken)
            ? new Error(CallErrors.BatchTaken, nameof(Call.BatchNumber), batch)
            : null;
    }

    private CallDetails Clean(CallDetails details) => details with { BodyHtml = html.Sanitise(details.BodyHtml) };
}
