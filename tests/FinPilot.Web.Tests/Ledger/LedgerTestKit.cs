using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Proofs;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Ledger;

internal static class LedgerTestKit
{
    /// <summary>One pass of the ledger job, as its timer would run it.</summary>
    public static async Task RunLedgerAsync(this FinPilotApp app) =>
        Assert.True(await app.Services.GetRequiredService<LedgerJob>().TryRunAsync(CancellationToken.None), "The ledger job could not take its lease.");

    /// <summary>One pass of the witnessing job: the latest checkpoint goes to the witnesses that have not cosigned it.</summary>
    public static async Task RunWitnessingAsync(this FinPilotApp app) =>
        Assert.True(await app.Services.GetRequiredService<LedgerWitnessJob>().TryRunAsync(CancellationToken.None), "The witnessing job could not take its lease.");

    /// <summary>Downloads entry <paramref name="index"/>'s proof as a visitor would, checks it offline
    /// against the app's key, and returns the logged entry it carries.</summary>
    public static async Task<LedgerEntry> DownloadVerifiedEntryAsync(this FinPilotApp app, HttpClient client, long index)
    {
        using var download = await client.GetAsync($"/api/v1/ledger/entries/{index}/proof");
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        var proof = TlogProof.Parse(await download.Content.ReadAsStringAsync()).Value;
        var verified = proof.Verify(proof.Extra, app.Origin(), app.Verifiers());
        Assert.True(verified.IsSuccess, verified.Error);
        var entry = LedgerEntry.TryParse(proof.Extra);
        Assert.NotNull(entry);
        return entry;
    }

    public static NoteVerifierSet Verifiers(this FinPilotApp app) => app.Services.GetRequiredService<LedgerKey>().Verifiers;

    public static string Origin(this FinPilotApp app) => app.Services.GetRequiredService<LedgerKey>().Origin;

    /// <summary>Writes a public record as a deciding module would, and saves it.</summary>
    public static Task<long> WriteRecordAsync(this FinPilotApp app, string subject) => app.WithDbAsync(async db =>
    {
        var region = await db.Regions.OrderBy(r => r.Id).FirstAsync();
        var projectId = Guid.NewGuid();
        var writer = new PublicRecordWriter(db);
        var at = app.Clock.GetUtcNow();
        writer.Write(
            PublicRecord.Create("Test.Recorded", subject, at, new { subject, note = "测试记录" }),
            region.Id,
            [new PublicEvent(projectId, PublicEventKind.MajorProgress, at, $"测试：{subject}", $"Test: {subject}", $"/pilots/{projectId}")]);
        await db.SaveChangesAsync();
        return await db.PublicRecords.Where(r => r.SubjectId == subject).Select(r => r.Sequence).SingleAsync();
    });

    public static Task<(long Tree, long Entries, long Hashes, long Checkpoint)> LedgerCountsAsync(this FinPilotApp app) => app.WithDbAsync(async db => (
        await db.LedgerTree.Select(t => t.Size).SingleAsync(),
        (long)await db.LedgerEntries.CountAsync(),
        (long)await db.LedgerHashes.CountAsync(),
        await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size) ?? 0));

    /// <summary>A context of the app's database that runs <paramref name="interceptor"/>, to break an append where a crash would.</summary>
    public static FinPilotDbContext ContextWith(this FinPilotApp app, IInterceptor interceptor) => app.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresFinPilotDbContext(
            new DbContextOptionsBuilder<PostgresFinPilotDbContext>().UseNpgsql(app.ConnectionString).AddInterceptors(interceptor).Options),
        _ => new SqliteFinPilotDbContext(
            new DbContextOptionsBuilder<SqliteFinPilotDbContext>().UseSqlite(app.ConnectionString).AddInterceptors(interceptor).Options),
    };

    /// <summary>An appender like the job's, over <paramref name="db"/>.</summary>
    public static LedgerAppender AppenderOver(this FinPilotApp app, FinPilotDbContext db)
    {
        var options = app.Services.GetRequiredService<LedgerOptions>();
        return new LedgerAppender(db, app.Services.GetRequiredService<LedgerKey>(), options, app.Clock);
    }
}

/// <summary>The process dies as the transaction is about to commit: nothing of it may survive.</summary>
internal sealed class CrashAtCommit : DbTransactionInterceptor
{
    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        throw new IOException("Simulated crash before commit.");
}
