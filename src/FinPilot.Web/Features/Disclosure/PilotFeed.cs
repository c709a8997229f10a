using System.ServiceModel.Syndication;
using FinPilot.Web.Features.Disclosure.Pages;
using FinPilot.Web.Http;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// <c>/pilots/feed.atom</c>: an Atom 1.0 feed of the register's public events, newest first — every
/// notice, admission, major progress and exit — each linking to the project's page.
/// <c>?region=BJ</c> narrows it to one region.
/// </summary>
public static class PilotFeed
{
    public const string Path = "/pilots/feed.atom";
    public const int MaxEntries = 50;

    public static IEndpointRouteBuilder MapPilotFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, WriteAsync).AllowAnonymous().CacheOutput(RegisterSetup.CachePolicy).WithTags("Register").WithName("PilotFeed")
            .WithSummary("Atom 1.0 feed of the register's public events, newest first; ?region=<code> for one region.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, string? region, PilotRegister register, CancellationToken ct)
    {
        var newest = await register.LatestEventsAsync(region, MaxEntries, ct);
        var request = context.Request;
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var self = new Uri(site, string.IsNullOrWhiteSpace(region) ? "pilots/feed.atom" : $"pilots/feed.atom?region={Uri.EscapeDataString(region.Trim().ToUpperInvariant())}");
        var updated = newest.Count == 0 ? DateTimeOffset.UnixEpoch : newest.Max(n => n.Event.At);
        var feed = new SyndicationFeed(DisclosureStrings.Feed_Title, DisclosureStrings.Feed_Subtitle, new Uri(site, "pilots"), self.AbsoluteUri, updated);
        feed.Authors.Add(new SyndicationPerson { Name = DisclosureStrings.Feed_Author });
        feed.Links.Add(new SyndicationLink(self, "self", null, "application/atom+xml", 0));
        feed.Items = newest.Select(n =>
        {
            var (e, pilot) = n;
            var item = new SyndicationItem(
                PilotNames.Title(e),
                SyndicationContent.CreatePlaintextContent(PilotNames.Format(DisclosureStrings.Feed_Summary, pilot.Statement.Name, pilot.LeadName, PilotNames.Batch(pilot.Region, pilot.Batch))),
                new Uri(site, $"pilots/{pilot.Id}"),
                $"urn:uuid:{e.Id}",
                e.At)
            {
                PublishDate = e.At,
            };
            item.Categories.Add(new SyndicationCategory(pilot.Region.Name));
            item.Categories.Add(new SyndicationCategory(PilotNames.Of(e.Kind)));
            return item;
        }).ToList();

        return AtomFeed.Write(feed);
    }
}
