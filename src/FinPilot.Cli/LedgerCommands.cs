using System.CommandLine;
using FinPilot.Ledger.Notes;
using FinPilot.Web.Features.Ledger;

namespace FinPilot.Cli;

/// <summary>
/// <c>finpilot ledger …</c>: the transparency log (监管链) from outside the platform. keygen,
/// verify and check-proof need no database and so never start <see cref="CliHost"/>; prove and audit read it.
/// </summary>
internal static class LedgerCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = CliApp.UsageErrorExitCode;

    public static Command Create()
    {
        var ledger = new Command("ledger", "The public transparency log (监管链): keys, and checking the served log and downloaded proofs.");
        ledger.Subcommands.Add(KeyGen());
        ledger.Subcommands.Add(LedgerVerifyCommand.Create());
        ledger.Subcommands.Add(LedgerCheckProofCommand.Create());
        ledger.Subcommands.Add(LedgerDatabaseCommands.Prove());
        ledger.Subcommands.Add(LedgerDatabaseCommands.Audit());
        return ledger;
    }

    /// <summary>The log's trusted key, shared by the commands that verify.</summary>
    internal static Option<string> KeyOption() => new("--key")
    {
        Description = "The log's verifier key (name+hash+base64), or a file holding it.",
        HelpName = "vkey",
        Required = true,
    };

    internal static Option<string?> OriginOption() => new("--origin")
    {
        HelpName = "origin",
        Description = "The log's origin, the first line of its checkpoints (default: the key's name).",
    };

    internal static int Usage(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine(message);
        return UsageError;
    }

    private static Command KeyGen()
    {
        var name = new Option<string>("--name") { HelpName = "name", Description = "Key name; for a log key, its origin (e.g. finpilot.example.cn/ledger).", Required = true };
        var output = new Option<string>("--out") { HelpName = "file", Description = "File to create for the private signer key (never overwritten).", Required = true };
        var witness = new Option<bool>("--witness") { Description = "Make a witness cosignature key (c2sp.org/tlog-cosignature) instead of a log key." };
        var keygen = new Command("keygen", "Generate an Ed25519 note key: the private key goes to --out (owner-only), the public verifier key to standard output.")
        {
            name, output, witness,
        };
        keygen.SetAction(parse =>
        {
            var keyName = parse.GetValue(name)!;
            if (!NoteKeyId.IsValidName(keyName))
            {
                return Usage(parse, $"--name: '{keyName}' is not a key name (no spaces or '+').");
            }

            var path = parse.GetValue(output)!;
            string verifierKey;
            try
            {
                verifierKey = LedgerKey.WriteNewKey(path, keyName, parse.GetValue(witness) ? SignatureType.Ed25519Cosignature : SignatureType.Ed25519);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Usage(parse, File.Exists(path) ? $"{path} exists; a key file is never overwritten." : $"Cannot create {path}: {e.Message}");
            }

            parse.InvocationConfiguration.Output.WriteLine(verifierKey);
            return Ok;
        });
        return keygen;
    }
}
