using System.Globalization;
using System.ServiceModel.Syndication;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// <c>/scenarios/feed.atom</c>: an Atom 1.0 feed of published public scenarios, newest first. A feed
/// is fetched by feed readers and shared by URL, so it answers every caller as an anonymous reader —
/// a sign-in cookie or an API token widens nothing (members-only and invited scenarios never appear).
/// <c>?area=</c> and <c>?technology=</c> narrow it.
/// </summary>
public static class ScenarioFeed
{
    public const string Path = "/scenarios/feed.atom";
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapScenarioFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, WriteAsync).AllowAnonymous().WithTags("Scenarios").WithName("ScenarioFeed")
            .WithSummary("Atom 1.0 feed of published public scenarios, newest first, whoever calls (tokens and cookies are ignored); ?area= and ?technology= narrow it.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, BusinessArea? area, Technology? technology, VisibleScenarios visible, FinPilotDbContext db, CancellationToken ct)
    {
        // The caller is not asked who they are: whatever credentials came with the request, the feed is the public one.
        var query = visible.PublishedScenarios(ScenarioViewer.Anonymous).AsNoTracking();
        if (area is { } a)
        {
            query = query.Where(s => s.Area == a);
        }

        if (technology is { } t)
        {
            var needle = TechnologyTags.Needle(t);
            query = query.Where(s => s.TechnologyCodes.Contains(needle));
        }

        var newest = await query.OrderByDescending(s => s.PublishedAt).Take(MaxEntries).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var request = context.Request;
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var updated = newest.Count == 0 ? DateTimeOffset.UnixEpoch : newest.Max(s => s.UpdatedAt);
        var feed = new SyndicationFeed(ScenariosStrings.Feed_Title, ScenariosStrings.Feed_Subtitle, new Uri(site, "scenarios"), new Uri(site, Path.TrimStart('/')).AbsoluteUri, updated);
        feed.Authors.Add(new SyndicationPerson { Name = ScenariosStrings.Feed_Author });
        feed.Links.Add(new SyndicationLink(new Uri(site, Path.TrimStart('/')), "self", null, "application/atom+xml", 0));
        feed.Items = newest.Select(s =>
        {
            var region = regions.TryGetValue(s.RegionId, out var r) ? Components.Shared.Names.Of(r) : string.Empty;
            var item = new SyndicationItem(s.Title, SyndicationContent.CreatePlaintextContent(s.PainPoint), new Uri(site, $"scenarios/{s.Id}"), $"urn:uuid:{s.Id}", s.UpdatedAt)
            {
                PublishDate = s.PublishedAt ?? s.UpdatedAt,
                Summary = new TextSyndicationContent(Format(ScenariosStrings.Feed_Summary, region, ScenarioTexts.Of(s.Area), ScenarioTexts.Of(s.Technologies))),
            };
            item.Categories.Add(new SyndicationCategory(ScenarioTexts.Of(s.Area)));
            return item;
        }).ToList();
        return AtomFeed.Write(feed);
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.CurrentUICulture, template, values);
}
