using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Organisations;

/// <summary>A user who acts for an organisation as its applicant.</summary>
public sealed record OrganisationMember(string UserId, string? Email, string DisplayName);

public sealed record OrganisationQuery(string? Search = null, int? RegionId = null, OrganisationType? Type = null, int? Page = null, int? PageSize = null);

/// <summary>Finding, creating and changing organisations, with the same rules for pages and the API.</summary>
public sealed class OrganisationAdministration(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    public async Task<Page<Organisation>> SearchAsync(OrganisationQuery query, CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        if (!grants.CanListOrganisations())
        {
            // Applicants (and anyone without a staff role) see the organisations they belong to, nothing else.
            var own = grants.Where(g => g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
            organisations = organisations.Where(o => own.Contains(o.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var upper = term.ToUpperInvariant();
            organisations = organisations.Where(o => o.NameZh.Contains(term) || o.NameEn.ToUpper().Contains(upper) || o.CreditCode == upper);
        }

        if (query.RegionId is { } regionId)
        {
            organisations = organisations.Where(o => o.RegionId == regionId);
        }

        if (query.Type is { } type)
        {
            organisations = organisations.Where(o => o.Type == type);
        }

        var (number, size) = Page<Organisation>.Normalise(query.Page, query.PageSize);
        var total = await organisations.CountAsync(cancellationToken);
        // Names need not be unique; the id breaks ties so that pages neither repeat nor skip a record.
        var items = await organisations.OrderBy(o => o.NameZh).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<Organisation>(items, number, size, total);
    }

    /// <summary>The organisation if the user may see it; otherwise NotFound or Forbidden.</summary>
    public async Task<Result<Organisation>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return new Error(OrganisationErrors.NotFound);
        }

        return await commands.AllowsAsync(organisation, OrganisationOperations.View) ? organisation : Problems.Forbidden;
    }

    /// <summary>The organisation's applicant users; the caller has checked the reader may see the organisation.</summary>
    public async Task<IReadOnlyList<OrganisationMember>> MembersAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Role.Applicant && a.OrganisationId == organisationId)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new OrganisationMember(u.Id, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);

    public Task<bool> CanManageAsync(Organisation organisation, CancellationToken cancellationToken = default) =>
        commands.AllowsAsync(organisation, OrganisationOperations.Manage);

    /// <summary>Regions the user may register organisations in (all for admins, their own for working groups).</summary>
    public async Task<IReadOnlyList<int>> ManageableRegionIdsAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        return regionIds.Where(grants.CanManageOrganisationsIn).ToList();
    }

    public async Task<Result<Organisation>> CreateAsync(OrganisationDetails details, CancellationToken cancellationToken = default)
    {
        // Validation first, so a form with no region chosen yet says "choose a region", not "forbidden".
        var created = Organisation.Create(details, Guid.CreateVersion7(clock.GetUtcNow()));
        if (!created.Succeeded)
        {
            return created;
        }

        if (!await commands.AllowsAsync(new RegionScope(details.RegionId), OrganisationOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var organisation = created.Value;
        var clash = await CheckUniqueAsync(organisation.CreditCode, organisation.RegionId, null, cancellationToken);
        if (clash is not null)
        {
            return clash;
        }

        db.Organisations.Add(organisation);
        await commands.SaveAsync(cancellationToken);
        return organisation;
    }

    /// <summary>
    /// Applies a change made against <paramref name="expectedVersion"/>; if someone saved in the
    /// meantime the change is refused, so nobody silently overwrites another's edit.
    /// </summary>
    public async Task<Result<Organisation>> UpdateAsync(Guid id, OrganisationDetails details, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return new Error(OrganisationErrors.NotFound);
        }

        // Moving it to another region needs the right to manage organisations there too.
        if (!await commands.AllowsAsync(organisation, OrganisationOperations.Manage)
            || !await commands.AllowsAsync(new RegionScope(details.RegionId), OrganisationOperations.Manage))
        {
            return Problems.Forbidden;
        }

        if (organisation.Version != expectedVersion)
        {
            return new Error(OrganisationErrors.Concurrency);
        }

        var updated = organisation.Update(details);
        if (!updated.Succeeded)
        {
            return Result<Organisation>.Fail([.. updated.Errors]);
        }

        var clash = await CheckUniqueAsync(organisation.CreditCode, organisation.RegionId, organisation.Id, cancellationToken);
        if (clash is not null)
        {
            return clash;
        }

        return await commands.SaveAsync(organisation, OrganisationErrors.Concurrency, cancellationToken);
    }

    private async Task<Error?> CheckUniqueAsync(string creditCode, int regionId, Guid? self, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            return new Error(OrganisationErrors.RegionUnknown, nameof(OrganisationDetails.RegionId));
        }

        return await db.Organisations.AnyAsync(o => o.CreditCode == creditCode && o.Id != self, cancellationToken)
            ? new Error(OrganisationErrors.CreditCodeTaken, nameof(OrganisationDetails.CreditCode))
            : null;
    }
}
