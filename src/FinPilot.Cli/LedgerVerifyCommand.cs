using System.CommandLine;
using System.Net;
using FinPilot.Ledger;
using FinPilot.Ledger.Client;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Witness;

namespace FinPilot.Cli;

/// <summary><c>ledger verify</c>: audit the log a platform serves, in full or since a saved checkpoint.</summary>
internal static class LedgerVerifyCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { HelpName = "base-url", Description = "The log's base URL, e.g. https://host/ledger/.", Required = true };
        var key = LedgerCommands.KeyOption();
        var origin = LedgerCommands.OriginOption();
        var since = new Option<string?>("--since")
        {
            HelpName = "checkpoint-file",
            Description = "A checkpoint file saved by an earlier run: check only that the log extends it (a consistency proof from tiles) instead of downloading every entry.",
        };
        var save = new Option<string?>("--save") { HelpName = "checkpoint-file", Description = "Write the verified checkpoint here, for the next run's --since." };
        var witness = new Option<string[]>("--witness")
        {
            HelpName = "vkey",
            Description = "A witness's cosignature key (or a file holding it); repeat for several. The checkpoint must carry their cosignatures.",
            AllowMultipleArgumentsPerToken = false,
        };
        var quorum = new Option<int?>("--quorum") { HelpName = "n", Description = "How many of the --witness keys must have cosigned (default: all)." };
        var command = new Command("verify", "Verify the log served at --url against its key: every entry re-hashed into the signed root, or consistency with an earlier checkpoint; with --witness, that witnesses cosigned it.")
        {
            url, key, origin, since, save, witness, quorum,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var trust = LogKeyArgument.Resolve(parse.GetValue(key)!, parse.GetValue(origin));
            if (!trust.IsSuccess)
            {
                return LedgerCommands.Usage(parse, trust.Error!);
            }

            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var prefix) || (prefix.Scheme != Uri.UriSchemeHttp && prefix.Scheme != Uri.UriSchemeHttps))
            {
                return LedgerCommands.Usage(parse, "--url: give the log's http(s) base URL.");
            }

            var witnesses = LogKeyArgument.ResolveWitnesses(parse.GetValue(witness) ?? []);
            if (!witnesses.IsSuccess)
            {
                return LedgerCommands.Usage(parse, witnesses.Error!);
            }

            var required = parse.GetValue(quorum);
            if (required is { } q && (q < 1 || q > witnesses.Value.Count))
            {
                return LedgerCommands.Usage(parse, $"--quorum: give a number from 1 to the {witnesses.Value.Count} --witness keys.");
            }

            string? trustedCheckpoint = null;
            if (parse.GetValue(since) is { } sincePath)
            {
                try
                {
                    trustedCheckpoint = await File.ReadAllTextAsync(sincePath, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return LedgerCommands.Usage(parse, $"--since: {e.Message}");
                }
            }

            Result<LogAudit> audit;
            using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
            try
            {
                var auditor = LogAuditor.ForUrl(http, prefix, trust.Value.Origin, trust.Value.Trusted);
                audit = trustedCheckpoint is null
                    ? await auditor.VerifyAllAsync(cancellationToken)
                    : await auditor.VerifySinceAsync(trustedCheckpoint, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                return LedgerCommands.Usage(parse, $"Could not read the log: {e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return LedgerCommands.Usage(parse, $"Could not read the log: no answer from {prefix} within {http.Timeout.TotalSeconds:0} s.");
            }

            if (!audit.IsSuccess)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Verification failed: {audit.Error}");
                return LedgerCommands.Failed;
            }

            if (witnesses.Value.Count > 0)
            {
                // The served checkpoint is the one verified; witnesses must have cosigned exactly it.
                var witnessed = Cosignatures.OpenWitnessed(audit.Value.CheckpointNote, trust.Value.Origin, trust.Value.Trusted, [.. witnesses.Value], required);
                if (!witnessed.IsSuccess)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"Verification failed: {witnessed.Error}");
                    return LedgerCommands.Failed;
                }

                audit = audit.Value with { Checkpoint = witnessed.Value };
            }

            await PrintAsync(parse.InvocationConfiguration.Output, trust.Value.Origin, audit.Value, witnesses.Value);
            return parse.GetValue(save) is { } savePath ? await SaveAsync(parse, savePath, audit.Value.CheckpointNote, cancellationToken) : LedgerCommands.Ok;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, string origin, LogAudit audit, IReadOnlyList<INoteVerifier> witnesses)
    {
        await output.WriteLineAsync($"Log:      {origin}");
        await output.WriteLineAsync($"Size:     {audit.TreeSize}");
        await output.WriteLineAsync($"Root:     {audit.RootHash}");
        await output.WriteLineAsync(audit.ConsistentFromSize is { } from
            ? $"Verified: consistent from size {from} to {audit.TreeSize} (proof from tiles)"
            : $"Verified: {audit.EntriesChecked} entries checked against the tiles and the signed root");
        if (witnesses.Count > 0)
        {
            var cosigners = audit.Checkpoint.Cosignatures.Select(c => c.Name).ToList();
            await output.WriteLineAsync($"Witnessed: cosigned by {cosigners.Count} of {witnesses.Count} witnesses ({string.Join(", ", cosigners)})");
        }

        await output.WriteLineAsync($"Fetched:  {audit.BytesFetched} bytes");
    }

    // Written beside the target and moved over it, so an interrupted run never leaves a torn trust anchor.
    private static async Task<int> SaveAsync(ParseResult parse, string path, string checkpointNote, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, checkpointNote, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LedgerCommands.Usage(parse, $"--save: {e.Message}");
        }

        await parse.InvocationConfiguration.Output.WriteLineAsync($"Saved:    {path}");
        return LedgerCommands.Ok;
    }
}
