using System.CommandLine;
using System.Globalization;
using FinPilot.Ledger.Proofs;

namespace FinPilot.Cli;

/// <summary><c>ledger check-proof</c>: a downloaded proof checked offline against the log's key.</summary>
internal static class LedgerCheckProofCommand
{
    public static Command Create()
    {
        var proofFile = new Argument<string>("proof") { Description = "The .tlog-proof file (c2sp.org/tlog-proof@v1)." };
        var key = LedgerCommands.KeyOption();
        var origin = LedgerCommands.OriginOption();
        var entryFile = new Option<string?>("--entry") { HelpName = "file", Description = "File with the entry's bytes, for a proof without an extra line." };
        var recordFile = new Option<string?>("--record") { HelpName = "record.json", Description = "The record's JSON payload, to check against the entry's content hash." };
        var command = new Command("check-proof", "Check offline that a downloaded proof shows its entry in the log signed by --key.")
        {
            proofFile, key, origin, entryFile, recordFile,
        };
        command.SetAction(parse =>
        {
            var trust = LogKeyArgument.Resolve(parse.GetValue(key)!, parse.GetValue(origin));
            if (!trust.IsSuccess)
            {
                return LedgerCommands.Usage(parse, trust.Error!);
            }

            var (entryPath, recordPath) = (parse.GetValue(entryFile), parse.GetValue(recordFile));
            (string Proof, byte[]? Entry, string? Record) files;
            try
            {
                files = (File.ReadAllText(parse.GetValue(proofFile)!),
                    entryPath is null ? null : File.ReadAllBytes(entryPath),
                    recordPath is null ? null : File.ReadAllText(recordPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return LedgerCommands.Usage(parse, e.Message);
            }

            var proof = TlogProof.Parse(files.Proof);
            if (!proof.IsSuccess)
            {
                return Fail(parse, $"Proof check failed: {proof.Error}");
            }

            if ((files.Entry ?? proof.Value.Extra) is not { } entry)
            {
                return LedgerCommands.Usage(parse, "The proof carries no entry (no extra line); give the entry's bytes with --entry.");
            }

            var checkedProof = LedgerProofCheck.Check(proof.Value, entry, trust.Value.Origin, trust.Value.Trusted);
            if (!checkedProof.IsSuccess)
            {
                return Fail(parse, $"Proof check failed: {checkedProof.Error}");
            }

            Print(parse.InvocationConfiguration.Output, trust.Value.Origin, checkedProof.Value);
            if (files.Record is null)
            {
                return LedgerCommands.Ok;
            }

            var matched = LedgerProofCheck.MatchRecord(checkedProof.Value.Entry, files.Record);
            if (!matched.IsSuccess)
            {
                return Fail(parse, matched.Error!);
            }

            parse.InvocationConfiguration.Output.WriteLine($"Record {recordPath} matches the logged content hash.");
            return LedgerCommands.Ok;
        });
        return command;
    }

    private static void Print(TextWriter output, string origin, CheckedProof proof)
    {
        var (index, checkpoint, entry) = proof;
        output.WriteLine($"Included: entry {index} of the log {origin} at tree size {checkpoint.Checkpoint.Size}.");
        output.WriteLine($"Root:     {checkpoint.Checkpoint.RootHash}");
        output.WriteLine($"Kind:     {entry.Kind}");
        output.WriteLine($"Region:   {entry.Region}");
        output.WriteLine($"Subject:  {entry.Subject}");
        output.WriteLine($"At:       {entry.At.ToString("O", CultureInfo.InvariantCulture)}");
        output.WriteLine($"Link:     {entry.Link}");
        output.WriteLine($"Content:  sha256 {entry.ContentSha256}");
    }

    private static int Fail(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine(message);
        return LedgerCommands.Failed;
    }
}
