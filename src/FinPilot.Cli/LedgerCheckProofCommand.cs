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
        var publishedFile = new Option<string?>("--file")
        {
            HelpName = "file",
            Description = "A published file (a casebook's PDF or DOCX), to check that its SHA-256 is named in the record's content; needs --record.",
        };
        var command = new Command("check-proof", "Check offline that a downloaded proof shows its entry in the log signed by --key.")
        {
            proofFile, key, origin, entryFile, recordFile, publishedFile,
        };
        command.SetAction(parse =>
        {
            var trust = LogKeyArgument.Resolve(parse.GetValue(key)!, parse.GetValue(origin));
            if (!trust.IsSuccess)
            {
                return LedgerCommands.Usage(parse, trust.Error!);
            }

            var (entryPath, recordPath, filePath) = (parse.GetValue(entryFile), parse.GetValue(recordFile), parse.GetValue(publishedFile));
            if (filePath is not null && recordPath is null)
            {
                return LedgerCommands.Usage(parse, "--file needs the record it is named in: give the record's JSON with --record.");
            }

            (string Proof, byte[]? Entry, string? Record, string? FileSha256) files;
            try
            {
                files = (File.ReadAllText(parse.GetValue(proofFile)!),
                    entryPath is null ? null : File.ReadAllBytes(entryPath),
                    recordPath is null ? null : File.ReadAllText(recordPath),
                    filePath is null ? null : Sha256Of(filePath));
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
            if (files.FileSha256 is not { } fileSha256)
            {
                return LedgerCommands.Ok;
            }

            if (!NamesHash(files.Record, fileSha256))
            {
                return Fail(parse, $"File {filePath} (sha256 {fileSha256}) is not named in the record: it is not the file that was published.");
            }

            parse.InvocationConfiguration.Output.WriteLine($"File {filePath} (sha256 {fileSha256}) is named in the proven record.");
            return LedgerCommands.Ok;
        });
        return command;
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>Whether some string value of the record's JSON is the hash (a file named by its SHA-256, such as a casebook's PDF).</summary>
    private static bool NamesHash(string record, string sha256)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(record);
            return Strings(document.RootElement).Any(s => string.Equals(s, sha256, StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => [e.GetString()!],
            System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
            System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            _ => [],
        };
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
