using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

public sealed record ExpertFilter(string? Search = null, ExpertDomain? Domain = null, int? RegionId = null, int? Page = null, int? PageSize = null);

public sealed record ExpertRow(string UserId, string DisplayName, string Email, ExpertProfile? Profile);

/// <summary>What the secretariat writes about an expert; ids and codes are checked against the platform's lists.</summary>
public sealed record ExpertProfileInput(
    Guid? EmployerOrganisationId, string? EmployerName, IReadOnlyList<ExpertDomain> Domains, IReadOnlyList<int> RegionIds,
    IReadOnlyList<string> Tags, IReadOnlyList<ProjectCategory> Categories, string? Profile, bool Available, int MaxLoad,
    IReadOnlyList<Employment> History);

/// <summary>专家库: the secretariat keeps the experts; an expert keeps their own conflict declarations.</summary>
public sealed class ExpertPool(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, TimeProvider clock)
{
    public async Task<Result<Page<ExpertRow>>> ListAsync(ExpertFilter filter, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, ExpertOperations.Manage))
        {
            return Problems.Forbidden;
        }

        var experts = db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.Expert).Select(a => a.UserId).Distinct();
        var query =
            from u in db.Users.AsNoTracking()
            where experts.Contains(u.Id)
            join p in db.ExpertProfiles.AsNoTracking() on u.Id equals p.UserId into profiles
            from p in profiles.DefaultIfEmpty()
            select new { u, p };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(x => x.u.DisplayName.Contains(term) || x.u.Email!.Contains(term)
                || (x.p != null && (x.p.EmployerName.Contains(term) || x.p.Profile.Contains(term) || x.p.TagsJson.Contains(term))));
        }

        if (filter.Domain is { } domain)
        {
            var bar = ExpertProfile.Bar((int)domain);
            query = query.Where(x => x.p != null && x.p.DomainList.Contains(bar));
        }

        if (filter.RegionId is { } region)
        {
            var bar = ExpertProfile.Bar(region);
            query = query.Where(x => x.p != null && x.p.RegionList.Contains(bar));
        }

        var (number, size) = Page<ExpertRow>.Normalise(filter.Page, filter.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.u.DisplayName).ThenBy(x => x.u.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<ExpertRow>(rows.Select(x => new ExpertRow(x.u.Id, x.u.DisplayName, x.u.Email ?? string.Empty, x.p)).ToList(), number, size, total);
    }

    /// <summary>The profile as the secretariat or the expert themself reads it; a new expert gets an empty one.</summary>
    public async Task<Result<ExpertRow>> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(new ExpertRecord(userId), ExpertOperations.Read))
        {
            return Problems.Forbidden;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == Role.Expert, cancellationToken))
        {
            return new Error(RoundErrors.NotFound);
        }

        var profile = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return new ExpertRow(user.Id, user.DisplayName, user.Email ?? string.Empty, profile);
    }

    public async Task<Result<ExpertProfile>> SaveAsync(string userId, ExpertProfileInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, ExpertOperations.Manage))
        {
            return Problems.Forbidden;
        }

        if (!await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == Role.Expert, cancellationToken))
        {
            return new Error(RoundErrors.NotAnExpert);
        }

        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<ExpertProfile>.Fail([.. errors]);
        }

        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new ExpertProfile { UserId = userId };
            db.ExpertProfiles.Add(profile);
        }
        else if (expectedVersion is { } expected && profile.Version != expected)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }

        var employerName = Text.Clean(input.EmployerName);
        if (employerName is null && input.EmployerOrganisationId is { } employerId)
        {
            employerName = await db.Organisations.Where(o => o.Id == employerId).Select(o => o.NameZh).SingleAsync(cancellationToken);
        }

        profile.EmployerOrganisationId = input.EmployerOrganisationId;
        profile.EmployerName = employerName ?? string.Empty;
        profile.Domains = input.Domains;
        profile.RegionIds = input.RegionIds;
        profile.Tags = input.Tags;
        profile.Categories = input.Categories;
        profile.History = input.History;
        profile.Profile = Text.Clean(input.Profile) ?? string.Empty;
        profile.Available = input.Available;
        profile.MaxLoad = input.MaxLoad;
        profile.Touch(clock.GetUtcNow(), current.Id!);
        return await commands.SaveAsync(profile, RoundErrors.ChangedByAnother, cancellationToken, AuditLines.Expert(AuditActions.ExpertProfileSaved, userId, new
        {
            input.EmployerOrganisationId,
            employerName,
            input.Domains,
            input.RegionIds,
            input.Tags,
            input.Available,
            input.MaxLoad,
            history = input.History.Count,
        }));
    }

    public async Task<Result<IReadOnlyList<ConflictDeclaration>>> DeclarationsAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(new ExpertRecord(userId), ExpertOperations.Read))
        {
            return Problems.Forbidden;
        }

        return await db.ConflictDeclarations.AsNoTracking().Where(d => d.ExpertUserId == userId)
            .OrderByDescending(d => d.DeclaredAt).ToListAsync(cancellationToken);
    }

    /// <summary>An expert declares a standing conflict; an organisation declared here is matched against every project.</summary>
    public async Task<Result<ConflictDeclaration>> DeclareAsync(ConflictDeclarationKind kind, Guid? organisationId, string? text, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, ExpertOperations.Declare))
        {
            return Problems.Forbidden;
        }

        var errors = new List<Error>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new Error(Text.RequiredCode, "Kind"));
        }

        if (kind == ConflictDeclarationKind.Organisation)
        {
            if (organisationId is null)
            {
                errors.Add(new Error(Text.RequiredCode, "OrganisationId"));
            }
            else if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            {
                errors.Add(new Error(RoundErrors.UnknownOrganisation, "OrganisationId"));
            }

            errors.AddRange(Text.Optional(text, "Text", ConflictDeclaration.MaxTextLength));
        }
        else
        {
            errors.AddRange(Text.Required(text, "Text", ConflictDeclaration.MaxTextLength));
        }

        if (errors.Count > 0)
        {
            return Result<ConflictDeclaration>.Fail([.. errors]);
        }

        var now = clock.GetUtcNow();
        var declaration = new ConflictDeclaration
        {
            Id = Guid.CreateVersion7(now),
            ExpertUserId = current.Id!,
            Kind = kind,
            OrganisationId = kind == ConflictDeclarationKind.Organisation ? organisationId : null,
            Text = Text.Clean(text) ?? string.Empty,
            DeclaredAt = now,
        };
        db.ConflictDeclarations.Add(declaration);
        await commands.SaveAsync(cancellationToken, AuditLines.Expert(AuditActions.ConflictDeclared, current.Id!, new { kind, organisationId, text = declaration.Text }));
        return declaration;
    }

    /// <summary>Marks the expert's own declaration as no longer current; it stays on record.</summary>
    public async Task<Result> EndDeclarationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var declaration = await db.ConflictDeclarations.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (declaration is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!await commands.AllowsAsync(declaration, ExpertOperations.EndDeclaration))
        {
            return Problems.Forbidden;
        }

        declaration.EndedAt ??= clock.GetUtcNow();
        await commands.SaveAsync(cancellationToken, AuditLines.Expert(AuditActions.ConflictDeclarationEnded, current.Id!, new { id, declaration.Text }));
        return Result.Ok();
    }

    private async Task<List<Error>> ValidateAsync(ExpertProfileInput input, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var domains = input.Domains ?? [];
        if (domains.Count == 0 || domains.Any(d => !Enum.IsDefined(d)))
        {
            errors.Add(new Error(RoundErrors.DomainsRequired, nameof(input.Domains)));
        }

        var regions = input.RegionIds ?? [];
        var known = await db.Regions.Where(r => regions.Contains(r.Id)).CountAsync(cancellationToken);
        if (known != regions.Distinct().Count())
        {
            errors.Add(new Error(RoundErrors.UnknownRegion, nameof(input.RegionIds)));
        }

        var tags = input.Tags ?? [];
        if (tags.Count > ExpertProfile.MaxTags)
        {
            errors.Add(new Error(RoundErrors.TooManyTags, nameof(input.Tags), ExpertProfile.MaxTags));
        }

        var codes = await db.ReferenceItems.Where(r => r.Kind != ReferenceKind.Department && tags.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var unknown in tags.Except(codes).Take(5))
        {
            errors.Add(new Error(RoundErrors.UnknownTag, nameof(input.Tags), unknown));
        }

        if ((input.Categories ?? []).Any(c => !Enum.IsDefined(c)))
        {
            errors.Add(new Error(ProjectErrors.CategoryInvalid, nameof(input.Categories)));
        }

        if (input.MaxLoad is < 0 or > ExpertProfile.MaxLoadLimit)
        {
            errors.Add(new Error(RoundErrors.LoadOutOfRange, nameof(input.MaxLoad), 0, ExpertProfile.MaxLoadLimit));
        }

        errors.AddRange(Text.Optional(input.EmployerName, nameof(input.EmployerName), ExpertProfile.MaxEmployerNameLength));
        errors.AddRange(Text.Optional(input.Profile, nameof(input.Profile), ExpertProfile.MaxProfileLength));
        var organisations = (input.History ?? []).Select(h => h.OrganisationId).Append(input.EmployerOrganisationId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (await db.Organisations.CountAsync(o => organisations.Contains(o.Id), cancellationToken) != organisations.Count)
        {
            errors.Add(new Error(RoundErrors.UnknownOrganisation, nameof(input.EmployerOrganisationId)));
        }

        if ((input.History ?? []).Count > ExpertProfile.MaxHistory || (input.History ?? []).Any(h => h.To is { } to && to < h.From))
        {
            errors.Add(new Error(RoundErrors.HistoryInvalid, nameof(input.History), ExpertProfile.MaxHistory));
        }

        return errors;
    }
}
