using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Regions;

public sealed record RegionInput(string Code, string NameZh, string NameEn, DateOnly? ApprovedOn, bool Active = true);

/// <summary>Creating and changing regions: the same rules for the pages and the API.</summary>
public sealed class RegionAdministration(FinPilotDbContext db, CommandPipeline commands)
{
    public async Task<Result<Region>> CreateAsync(RegionInput input, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageRegions))
        {
            return Problems.Forbidden;
        }

        var created = Region.Create(input.Code, input.NameZh, input.NameEn, input.ApprovedOn);
        if (!created.Succeeded)
        {
            return created;
        }

        var region = created.Value;
        if (await db.Regions.AnyAsync(r => r.Code == region.Code, cancellationToken))
        {
            return new Error(RegionErrors.CodeTaken, nameof(RegionInput.Code));
        }

        db.Regions.Add(region);
        await db.SaveChangesAsync(cancellationToken); // the id the audit line names
        commands.Note(region, input);
        await commands.SaveAsync(cancellationToken);
        return region;
    }

    public async Task<Result<Region>> UpdateAsync(int id, RegionInput input, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageRegions))
        {
            return Problems.Forbidden;
        }

        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return new Error(RegionErrors.NotFound);
        }

        var code = (input.Code ?? string.Empty).Trim().ToUpperInvariant();
        if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != id, cancellationToken))
        {
            return new Error(RegionErrors.CodeTaken, nameof(RegionInput.Code));
        }

        var updated = region.Update(input.Code!, input.NameZh, input.NameEn, input.ApprovedOn, input.Active);
        if (!updated.Succeeded)
        {
            return Result<Region>.Fail([.. updated.Errors]);
        }

        commands.Note(region, input);
        await commands.SaveAsync(cancellationToken);
        return region;
    }
}
