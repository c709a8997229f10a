using FinPilot.Ledger.Notes;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli.Tests;

/// <summary>
/// The ledger end to end: the platform runs over real HTTP on this class's database; the CLI
/// verifies the served log, a visitor's downloaded proof is checked offline, and the database
/// commands prove and audit. In this class because the database commands read the process environment.
/// </summary>
public sealed partial class CliTests
{
    [Fact]
    public async Task The_cli_verifies_a_running_instance_checks_a_downloaded_proof_offline_and_audits_tampering()
    {
        var keyFile = Path.Combine(_directory, "ledger.key");
        var vkey = LedgerKey.WriteNewKey(keyFile, "cli.test/ledger");
        await using var web = new RunningPlatform(_connection, keyFile, Path.Combine(_directory, "mail"));
        web.UseKestrel(0);
        web.StartServer();
        Assert.True(await web.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));
        var site = web.ClientOptions.BaseAddress;

        var (verify, verifyOut) = await RunAsync("ledger", "verify", "--url", new Uri(site, "ledger/").ToString(), "--key", vkey);
        Assert.True(verify == 0, verifyOut);
        Assert.Contains("entries checked", verifyOut, StringComparison.Ordinal);

        // A visitor downloads a record's proof and its content from the public API and checks both offline.
        using var http = new HttpClient { BaseAddress = site };
        var proofFile = Path.Combine(_directory, "downloaded.tlog-proof");
        var recordFile = Path.Combine(_directory, "record.json");
        await File.WriteAllBytesAsync(proofFile, await http.GetByteArrayAsync("api/v1/ledger/entries/1/proof"));
        await File.WriteAllBytesAsync(recordFile, await http.GetByteArrayAsync("api/v1/ledger/entries/1/record.json"));
        var (check, checkOut) = await RunAsync("ledger", "check-proof", proofFile, "--key", vkey, "--record", recordFile);
        Assert.True(check == 0, checkOut);
        Assert.Contains("matches the logged content hash", checkOut, StringComparison.Ordinal);

        // The database commands: the same proof from the record's content alone, then the audit.
        Environment.SetEnvironmentVariable("Ledger__KeyFile", keyFile);
        var proved = Path.Combine(_directory, "proved.tlog-proof");
        var (prove, proveOut) = await RunAsync("ledger", "prove", "--file", recordFile, "--out", proved);
        Assert.True(prove == 0, proveOut);
        Assert.Equal(await File.ReadAllTextAsync(proofFile), await File.ReadAllTextAsync(proved));
        var (clean, cleanOut) = await RunAsync("ledger", "audit");
        Assert.True(clean == 0, cleanOut);
        Assert.Contains("matches the log", cleanOut, StringComparison.Ordinal);

        await using (var db = Open())
        {
            var sequence = await db.LedgerEntries.Where(e => e.Index == 1).Select(e => e.RecordSequence).SingleAsync();
            await db.PublicRecords.Where(r => r.Sequence == sequence).ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, "{\"altered\":true}"));
        }

        var (tampered, tamperedOut) = await RunAsync("ledger", "audit");
        Assert.Equal(1, tampered);
        Assert.Contains("TAMPERED index 1", tamperedOut, StringComparison.Ordinal);
        // What the visitor saw is still provable from the log: the altered row cannot rewrite it.
        var (visitor, visitorOut) = await RunAsync("ledger", "check-proof", proofFile, "--key", vkey, "--record", recordFile);
        Assert.True(visitor == 0, visitorOut);
    }

    [Fact]
    public async Task The_cli_requires_the_witnesses_cosignatures_when_given_their_keys()
    {
        var keyFile = Path.Combine(_directory, "ledger.key");
        var vkey = LedgerKey.WriteNewKey(keyFile, "cli.test/witnessed");
        var witnessKeyFile = Path.Combine(_directory, "witness.key");
        var witnessKey = LedgerKey.WriteNewKey(witnessKeyFile, "cli.test/witness", SignatureType.Ed25519Cosignature);
        var strangerKey = NoteKeys.Generate("cli.test/stranger", SignatureType.Ed25519Cosignature).VerifierKey;

        // The node witnesses its own log, through its own HTTP endpoint: the port must be known before it starts.
        // The test runs the jobs itself: a timer's first pass could ask the witness before Kestrel
        // listens, and the 30 s back-off after that failure would outlast the test.
        var port = FreePort();
        await using var web = new RunningPlatform(_connection, keyFile, Path.Combine(_directory, "mail"), new Dictionary<string, string>
        {
            ["Ledger:RunJob"] = "false",
            ["Ledger:Witness:KeyFile"] = witnessKeyFile,
            ["Ledger:Witness:Logs:0"] = vkey,
            ["Ledger:Witnesses:0:Url"] = $"http://127.0.0.1:{port}/ledger/witness/add-checkpoint",
            ["Ledger:Witnesses:0:Key"] = witnessKey,
            // The node asks itself; on a loaded CI machine its first answer can take longer than production's 10 s.
            ["Ledger:WitnessTimeoutSeconds"] = "120",
        });
        web.UseKestrel(port);
        web.StartServer();
        Assert.True(await web.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None));
        Assert.True(await web.Services.GetRequiredService<LedgerWitnessJob>().TryRunAsync(CancellationToken.None));
        var url = new Uri(web.ClientOptions.BaseAddress, "ledger/").ToString();

        var (witnessed, witnessedOut) = await RunAsync("ledger", "verify", "--url", url, "--key", vkey, "--witness", witnessKey);
        Assert.True(witnessed == 0, witnessedOut);
        Assert.Contains("cosigned by 1 of 1 witnesses (cli.test/witness)", witnessedOut, StringComparison.Ordinal);

        var (unwitnessed, unwitnessedOut) = await RunAsync("ledger", "verify", "--url", url, "--key", vkey, "--witness", witnessKey, "--witness", strangerKey);
        Assert.Equal(1, unwitnessed);
        Assert.Contains("cosigned by 1 of the 2 witnesses; 2 required", unwitnessedOut, StringComparison.Ordinal);

        var (quorum, quorumOut) = await RunAsync("ledger", "verify", "--url", url, "--key", vkey, "--witness", witnessKey, "--witness", strangerKey, "--quorum", "1");
        Assert.True(quorum == 0, quorumOut);

        var (usage, usageOut) = await RunAsync("ledger", "verify", "--url", url, "--key", vkey, "--witness", vkey);
        Assert.Equal(2, usage);
        Assert.Contains("not a witness cosignature key", usageOut, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web host on Kestrel, with the demo world on the given SQLite database. Named by a
    /// type of the web assembly: the CLI has a <c>Program</c> of its own.</summary>
    private sealed class RunningPlatform(string connection, string keyFile, string mail, IReadOnlyDictionary<string, string>? settings = null)
        : WebApplicationFactory<LedgerJob>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            builder.UseSetting("ConnectionStrings:FinPilot", connection);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Mail:PickupDirectory", mail);
            builder.UseSetting("Ledger:KeyFile", keyFile);
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(name, value);
            }
        }
    }
}
