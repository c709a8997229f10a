using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace FinPilot.Web.Http;

/// <summary>The public Atom feeds' response: Atom 1.0, indented UTF-8 without a byte-order mark.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IResult Write(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), ContentType);
    }
}
