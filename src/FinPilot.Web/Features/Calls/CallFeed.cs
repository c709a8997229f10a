using System.ServiceModel.Syndication;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calls;

/// <summary>
/// <c>/calls/feed.atom</c>: an Atom 1.0 feed of published calls, newest first, so that institutions
/// and the press can follow new calls without an account. <c>?region=BJ</c> narrows it to one region.
/// </summary>
public static class CallFeed
{
    public const string Path = "/calls/feed.atom";
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapCallFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, WriteAsync).AllowAnonymous().WithTags("Calls").WithName("CallFeed")
            .WithSummary("Atom 1.0 feed of published calls, newest first; ?region=<code> for one region.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, string? region, FinPilotDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var calls = db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published || c.Status == CallStatus.Closed);
        if (!string.IsNullOrWhiteSpace(region))
        {
            var code = region.Trim().ToUpperInvariant();
            var ids = regions.Values.Where(r => r.Code == code).Select(r => r.Id).ToList();
            calls = calls.Where(c => ids.Contains(c.RegionId));
        }

        var newest = await calls.OrderByDescending(c => c.PublishedAt).Take(MaxEntries).ToListAsync(ct);
        var request = context.Request;
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var listUri = new Uri(site, "calls");
        var updated = newest.Count == 0 ? DateTimeOffset.UnixEpoch : newest.Max(c => c.UpdatedAt);
        var feed = new SyndicationFeed(CallsStrings.Feed_Title, CallsStrings.Feed_Subtitle, listUri, new Uri(site, "calls/feed.atom").AbsoluteUri, updated);
        feed.Authors.Add(new SyndicationPerson { Name = CallsStrings.Feed_Author });
        feed.Links.Add(new SyndicationLink(new Uri(site, "calls/feed.atom"), "self", null, "application/atom+xml", 0));
        feed.Items = newest.Select(call =>
        {
            var regionName = regions.TryGetValue(call.RegionId, out var r) ? FinPilot.Web.Components.Shared.Names.Of(r) : string.Empty;
            var item = new SyndicationItem(
                call.Title,
                SyndicationContent.CreateHtmlContent(call.BodyHtml),
                new Uri(site, $"calls/{call.Id}"),
                $"urn:uuid:{call.Id}",
                call.UpdatedAt)
            {
                PublishDate = call.PublishedAt ?? call.UpdatedAt,
                Summary = new TextSyndicationContent(Format(
                    CallsStrings.Feed_Summary,
                    regionName, call.BatchNumber, ChinaTime.Format(call.OpensAt), ChinaTime.Format(call.ClosesAt))),
            };
            item.Categories.Add(new SyndicationCategory(regionName));
            return item;
        }).ToList();

        return AtomFeed.Write(feed);
    }

    private static string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.CurrentUICulture, template, values);
}
