using System.CommandLine;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli;

/// <summary>
/// The ledger commands that read this installation's database (configured like the web host):
/// <c>prove</c> writes a record's offline proof without the web server, <c>audit</c> compares
/// every stored public record with what the log holds.
/// </summary>
internal static class LedgerDatabaseCommands
{
    public static Command Prove()
    {
        var file = new Option<FileInfo?>("--file") { HelpName = "record.json", Description = "A public record's content (JSON, e.g. from /api/v1/ledger/entries/N/record.json); it is found in the log by its SHA-256." };
        var index = new Option<long?>("--index") { HelpName = "N", Description = "The ledger index instead of a record file." };
        var output = new Option<string?>("--out") { HelpName = "file", Description = "Where to write the proof (default: finpilot-ledger-N.tlog-proof here)." };
        var prove = new Command("prove", "Write the offline proof (.tlog-proof, the entry inside) of a logged record, from the database.") { file, index, output };
        prove.SetAction((parse, cancellationToken) =>
        {
            var record = parse.GetValue(file);
            if ((record is null) == (parse.GetValue(index) is null))
            {
                return Task.FromResult(LedgerCommands.Usage(parse, "Give either --file or --index."));
            }

            return CliHost.RunAsync(async services =>
            {
                var db = services.GetRequiredService<FinPilotDbContext>();
                var at = parse.GetValue(index);
                if (record is not null)
                {
                    string hash;
                    try
                    {
                        hash = LedgerEntry.ContentHashOf(await File.ReadAllTextAsync(record.FullName, cancellationToken));
                    }
                    catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
                    {
                        return LedgerCommands.Usage(parse, $"Cannot read {record.FullName} as JSON: {e.Message}");
                    }

                    at = await db.LedgerEntries.Where(e => e.ContentSha256 == hash).OrderBy(e => e.Index).Select(e => (long?)e.Index).FirstOrDefaultAsync(cancellationToken);
                    if (at is null)
                    {
                        await parse.InvocationConfiguration.Error.WriteLineAsync($"No logged record has content SHA-256 {hash}.");
                        return LedgerCommands.Failed;
                    }
                }

                var proof = await services.GetRequiredService<LedgerReader>().TlogProofAsync(at!.Value, cancellationToken);
                if (proof is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"Entry {at} is not (yet) under a signed checkpoint.");
                    return LedgerCommands.Failed;
                }

                var path = parse.GetValue(output) ?? $"finpilot-ledger-{at}{FinPilot.Ledger.Proofs.TlogProof.FileExtension}";
                await File.WriteAllTextAsync(path, proof.Format(), cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Entry {at}: proof written to {path}");
                return LedgerCommands.Ok;
            });
        });
        return prove;
    }

    public static Command Audit()
    {
        var audit = new Command("audit", "Compare every public record in the database with its logged entry and the signed checkpoint; exit 1 if any no longer matches.");
        audit.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var report = await services.GetRequiredService<LedgerAudit>().RunAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Log: {report.TreeSize} entries, latest checkpoint {report.CheckpointSize}, {report.EntriesChecked} checked, {report.Pending} record(s) waiting to be logged.");
            if (!services.GetRequiredService<LedgerKey>().IsConfigured)
            {
                await output.WriteLineAsync("Checkpoint signatures not checked: Ledger:KeyFile is not set.");
            }

            foreach (var finding in report.Findings)
            {
                await output.WriteLineAsync($"TAMPERED index {finding.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} record {finding.RecordSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {finding.Problem}");
            }

            await output.WriteLineAsync(report.Clean ? "The database matches the log." : $"{report.Findings.Count} problem(s) found.");
            return report.Clean ? LedgerCommands.Ok : LedgerCommands.Failed;
        }));
        return audit;
    }
}
