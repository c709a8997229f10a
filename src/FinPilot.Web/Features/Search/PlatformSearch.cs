using FinPilot.Domain.Common;
using FinPilot.Web.Components.Shared;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Search;

public static class SearchErrors
{
    public static readonly ErrorCode QueryTooLong = ErrorCode.Validation("Search.QueryTooLong");
    public static readonly ErrorCode UnknownKind = ErrorCode.Validation("Search.UnknownKind");
}

/// <summary>A search as asked: the words, a kind to keep (by name), the page.</summary>
public sealed record SearchRequest(string? Q, string? Kind = null, int? Page = null, int? PageSize = null);

/// <summary>One thing found: its kind, its name in the reader's language, the text around what matched, its page.</summary>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, string Snippet, string Link, DateTimeOffset UpdatedAt);

/// <summary>A page of things found, and how many of each kind matched in all.</summary>
public sealed record SearchResults(Page<SearchHit> Page, IReadOnlyDictionary<SearchKind, int> Counts);

/// <summary>
/// 全站检索: finds calls, applications, projects, organisations, notices and public records by
/// their words, through the full-text index, in the rows the caller may open (<see cref="SearchScope"/>),
/// filtered, counted, sorted and paged in SQL. Only the page's rows are read.
/// </summary>
public sealed class PlatformSearch(FinPilotDbContext db, CurrentUser current)
{
    public const int MaxQueryLength = 200;

    public async Task<bool> MaySearchAsync(CancellationToken ct = default) =>
        current.IsAuthenticated && SearchScope.MaySearch(await current.GrantsAsync(ct));

    public async Task<Result<SearchResults>> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        var errors = new List<Error>();
        if (request.Q is { Length: > MaxQueryLength })
        {
            errors.Add(new Error(SearchErrors.QueryTooLong, "q", MaxQueryLength));
        }

        SearchKind? kind = null;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (Enum.TryParse<SearchKind>(request.Kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Kind, out _))
            {
                kind = parsed;
            }
            else
            {
                errors.Add(new Error(SearchErrors.UnknownKind, "kind"));
            }
        }

        var grants = await current.GrantsAsync(ct);
        if (!current.IsAuthenticated || !SearchScope.MaySearch(grants))
        {
            errors.Insert(0, Problems.Forbidden);
        }

        if (errors.Count > 0)
        {
            return Result<SearchResults>.Fail([.. errors]);
        }

        var (number, size) = Page<SearchHit>.Normalise(request.Page, request.PageSize);
        var empty = new SearchResults(new Page<SearchHit>([], number, size, 0), new Dictionary<SearchKind, int>());
        if (SearchDocument.Index.Matching(db, request.Q) is not { } matching)
        {
            return empty;
        }

        var regionIds = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        var scope = SearchScope.Of(grants, regionIds);
        var found = db.SearchDocuments.AsNoTracking().Where(scope.Visible()).Where(d => matching.Contains(d.Id));
        var counts = await found.GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (kind is { } only)
        {
            found = found.Where(d => d.Kind == only);
        }

        var total = kind is { } k ? counts.GetValueOrDefault(k) : counts.Values.Sum();
        var rows = await found.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(d => new { d.Kind, d.TargetId, d.Title, d.TitleEn, d.Snippet, d.Link, d.UpdatedAt })
            .ToListAsync(ct);
        var hits = rows.Select(r => new SearchHit(r.Kind, r.TargetId, Names.Of(r.Title, r.TitleEn), SearchExcerpt.Around(r.Snippet, request.Q), r.Link, r.UpdatedAt)).ToList();
        return new SearchResults(new Page<SearchHit>(hits, number, size, total), counts);
    }
}
