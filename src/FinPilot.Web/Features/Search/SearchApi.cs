using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Search;

/// <summary><c>/api/v1/search</c>: the staff search across the platform, filtered by what the caller may open.</summary>
public static class SearchApi
{
    /// <param name="KindName">The kind's name in the caller's language.</param>
    public sealed record SearchHitDto(SearchKind Kind, string KindName, Guid Id, string Title, string Snippet, string Link, DateTimeOffset UpdatedAt);

    /// <summary>A page of things found, and how many of each kind matched.</summary>
    public sealed record SearchResultsDto(IReadOnlyList<SearchHitDto> Items, int PageNumber, int PageSize, int Total, IReadOnlyDictionary<string, int> Counts);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/search", "Search");
        group.MapGet("/", Search).WithName("SearchPlatform")
            .WithSummary("Calls, applications, projects, organisations, notices and public records the caller may open whose words match q (Chinese or English, at most 200 characters), newest first; kind keeps one kind (Call, Application, Project, Organisation, Notice, PublicRecord). For staff other than experts.");
        return app;
    }

    private static async Task<Results<Ok<SearchResultsDto>, ProblemHttpResult>> Search(
        string? q, string? kind, int? page, int? pageSize, PlatformSearch search, CancellationToken ct)
    {
        var result = await search.SearchAsync(new SearchRequest(q, kind, page, pageSize), ct);
        return result.ToHttp(r => TypedResults.Ok(new SearchResultsDto(
            [.. r.Page.Items.Select(h => new SearchHitDto(h.Kind, SearchNames.Of(h.Kind), h.Id, h.Title, h.Snippet, h.Link, h.UpdatedAt))],
            r.Page.PageNumber, r.Page.PageSize, r.Page.Total,
            r.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value, StringComparer.Ordinal))));
    }
}

/// <summary>The names of the kinds, in the reader's language.</summary>
public static class SearchNames
{
    public static string Of(SearchKind kind) =>
        SearchStrings.ResourceManager.GetString("Kind_" + kind, System.Globalization.CultureInfo.CurrentUICulture) ?? kind.ToString();
}
