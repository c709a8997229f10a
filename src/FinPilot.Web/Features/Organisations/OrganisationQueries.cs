using FinPilot.Domain.Organisations;
using FinPilot.Web.Components.Shared;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Organisations;

/// <summary>
/// Reads of organisations for pages and other modules: naming the organisations a record points at,
/// and finding the one a user typed. Who may see or change an organisation is <see cref="OrganisationAdministration"/>'s.
/// </summary>
public sealed class OrganisationQueries(FinPilotDbContext db)
{
    /// <summary>The given organisations by id; ids that name no organisation are left out.</summary>
    public Task<Dictionary<Guid, Organisation>> ByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);

    /// <summary>Every organisation by id, ordered by its Chinese name: the choice offered when granting a role.</summary>
    public Task<Dictionary<Guid, Organisation>> AllByNameAsync(CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.NameZh).ToDictionaryAsync(o => o.Id, cancellationToken);

    /// <summary>The names of the given organisations in the reader's language (the registered Chinese name when no English one is kept).</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => Names.Of(o.NameZh, o.NameEn));

    /// <summary>The name, in the reader's language, of an organisation that must exist, such as a project's lead.</summary>
    public async Task<string> NameAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.NameZh, o.NameEn }).SingleAsync(cancellationToken);
        return Names.Of(names.NameZh, names.NameEn);
    }

    /// <summary>
    /// The organisations a typed line may mean: the one with that credit code when the line is a valid
    /// code, else at most two whose name contains it (two is enough to tell the line is ambiguous).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MatchAsync(string line, CancellationToken cancellationToken = default)
    {
        var code = line.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return UnifiedSocialCreditCode.IsValid(code)
            ? await db.Organisations.AsNoTracking().Where(o => o.CreditCode == code).Select(o => o.Id).ToListAsync(cancellationToken)
            : await db.Organisations.AsNoTracking().Where(o => o.NameZh.Contains(line) || o.NameEn.Contains(line)).Select(o => o.Id).Take(2).ToListAsync(cancellationToken);
    }
}
