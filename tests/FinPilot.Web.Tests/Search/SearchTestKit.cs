using FinPilot.Web.Features.Search;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Search;

/// <summary>Shortcuts for the platform search tests.</summary>
internal static class SearchTestKit
{
    /// <summary>A word no other test writes, searchable as one English token.</summary>
    public static string NewTag(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>What the caller finds for <paramref name="q"/> through the API, every page of up to 100.</summary>
    public static async Task<SearchApi.SearchResultsDto> FindAsync(this HttpClient client, string q, string? kind = null)
    {
        var address = $"/api/v1/search?q={Uri.EscapeDataString(q)}&pageSize=100" + (kind is null ? string.Empty : $"&kind={kind}");
        return await (await client.GetAsync(address)).ReadAsync<SearchApi.SearchResultsDto>();
    }

    /// <summary>Every row of the read model but its key, in a stable order, as text to compare.</summary>
    public static Task<List<string>> SnapshotAsync(this FinPilotApp app) => app.WithDbAsync(async db =>
        (await db.SearchDocuments.AsNoTracking().ToListAsync())
            .Select(d => string.Join('|', d.Kind, d.TargetId, d.Title, d.TitleEn, d.Snippet, d.Link, d.UpdatedAt.ToUniversalTime().ToString("O"), d.Tokens, d.Public, d.RegionId, d.OrganisationId))
            .Order(StringComparer.Ordinal)
            .ToList());
}
