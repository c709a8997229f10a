using System.CommandLine;
using System.Globalization;
using System.Net;
using FinPilot.Web.Features.Statistics;

namespace FinPilot.Cli;

/// <summary><c>finpilot stats recompute</c>: every published figure recomputed from the site's open data; needs no database.</summary>
internal static class StatsCommands
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { HelpName = "base-url", Description = "The platform's base URL, e.g. https://host/.", Required = true };
        var checkpoint = new Option<long?>("--checkpoint")
        {
            HelpName = "tree-size",
            Description = "Recompute the statistics snapshot taken at this ledger checkpoint (tree size) instead of the current figures, from the events logged up to it; the snapshot must be the record the ledger logged.",
        };
        var recompute = new Command("recompute", "Recompute every published figure (/api/v1/statistics) from the open data (register, events, calls) and report any difference; exit 1 when one differs.")
        {
            url, checkpoint,
        };
        recompute.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(url)!;
            if (!Uri.TryCreate(address.EndsWith('/') ? address : address + "/", UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttp && site.Scheme != Uri.UriSchemeHttps))
            {
                await Console.Error.WriteLineAsync("--url: give the platform's http(s) base URL.");
                return 2;
            }

            using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
            RecomputeResult result;
            try
            {
                result = parse.GetValue(checkpoint) is { } size
                    ? await StatisticsRecompute.FromSnapshotAsync(http, site, size, cancellationToken)
                    : await StatisticsRecompute.FromSiteAsync(http, site, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            return Report(result, Console.Out);
        });

        var stats = new Command("stats", "Statistics anyone can recompute (统计).");
        stats.Subcommands.Add(recompute);
        return stats;
    }

    /// <summary>Writes the outcome; 0 when every figure agrees (and a snapshot is the record the ledger logged), 1 otherwise.</summary>
    public static int Report(RecomputeResult result, TextWriter output)
    {
        if (result.LedgerProblem is { } problem)
        {
            output.WriteLine(problem);
        }

        foreach (var d in result.Differences)
        {
            output.WriteLine($"DIFFERS {d.Indicator} {d.Key}: published {Text(d.Published)}, recomputed {Text(d.Recomputed)}");
        }

        output.WriteLine(result.Agrees
            ? $"All {result.Figures} figures computed at {result.ComputedAt:O} agree with the open data."
            : $"{result.Differences.Count} of the figures computed at {result.ComputedAt:O} differ from the open data.");
        return result.Agrees ? 0 : 1;
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(absent)";
}
