using System.Net;
using System.Text;
using FinPilot.Domain.Disclosure;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Proofs;
using FinPilot.Ledger.Tiles;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Ledger;

public sealed class LedgerTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Every_public_record_is_logged_and_each_proof_downloaded_verifies_offline(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();

        var records = await app.WithDbAsync(db => db.PublicRecords.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());
        var logged = await app.WithDbAsync(db => db.LedgerEntries.OrderBy(e => e.Index).Select(e => e.RecordSequence).ToListAsync());
        Assert.NotEmpty(records);
        Assert.Equal(records, logged.Order());
        var regionCodes = await app.WithDbAsync(db => db.Regions.ToDictionaryAsync(r => r.Id, r => r.Code));
        var regionOf = await app.WithDbAsync(db => db.PublicRecords.ToDictionaryAsync(r => r.Sequence, r => r.RegionId));

        var note = await client.GetStringAsync("/ledger/checkpoint");
        var checkpoint = Checkpoint.Open(note, app.Origin(), app.Verifiers());
        Assert.True(checkpoint.IsSuccess, checkpoint.Error);
        Assert.Equal(logged.Count, checkpoint.Value.Checkpoint.Size);

        for (var index = 0; index < logged.Count; index++)
        {
            using var download = await client.GetAsync($"/api/v1/ledger/entries/{index}/proof");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.EndsWith(".tlog-proof", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            var proof = TlogProof.Parse(await download.Content.ReadAsStringAsync()).Value;
            var verified = proof.Verify(proof.Extra, app.Origin(), app.Verifiers());
            Assert.True(verified.IsSuccess, verified.Error);

            var entry = await (await client.GetAsync($"/api/v1/ledger/entries/{index}")).ReadAsync<LedgerApi.EntryDto>();
            Assert.Equal(logged[index], entry.Entry.Record);
            Assert.Equal(LedgerEntry.ContentHashOf(entry.Record), entry.Entry.ContentSha256);
            Assert.Equal(MerkleHash.Leaf(proof.Extra).ToBase64(), entry.LeafHash);
            Assert.StartsWith("/", entry.Entry.Link, StringComparison.Ordinal);
            // The demo's records are Beijing's, but for Shanghai's calls; a national record (a statistics
            // snapshot, a national casebook another test of the fixture wrote) names no region.
            Assert.Equal(regionOf[logged[index]] is { } region ? regionCodes[region] : "", entry.Entry.Region);
        }

        // A client with nothing but the static tiles computes the same root.
        var tiles = new TiledLogReader(async (path, ct) => await client.GetByteArrayAsync("/ledger/" + path, ct));
        Assert.Equal(checkpoint.Value.Checkpoint.RootHash, (await tiles.RootAsync(logged.Count)).Value);
        var bundle = EntryBundle.Decode(await client.GetByteArrayAsync($"/ledger/{Tile.Containing(0, 0, logged.Count).EntriesPath}")).Value;
        Assert.Equal(logged.Count, bundle.Count);
    }

    [Theory, AllProviders]
    public async Task Proof_helpers_answer_in_json_and_refuse_sizes_beyond_the_checkpoint(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();
        var about = await (await client.GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        var size = about.Size;
        Assert.True(size >= 2);
        var root = MerkleHash.FromBase64(about.RootHash);

        var first = await (await client.GetAsync("/api/v1/ledger/entries/0")).ReadAsync<LedgerApi.EntryDto>();
        var inclusion = await (await client.GetAsync($"/api/v1/ledger/proof/inclusion?index=0&size={size}")).ReadAsync<LedgerApi.ProofDto>();
        Assert.True(ProofVerifier.VerifyInclusion(0, size, MerkleHash.FromBase64(first.LeafHash), [.. inclusion.Hashes.Select(MerkleHash.FromBase64)], root));

        var consistency = await (await client.GetAsync($"/api/v1/ledger/proof/consistency?old=1&new={size}")).ReadAsync<LedgerApi.ProofDto>();
        Assert.True(ProofVerifier.VerifyConsistency(1, size, MerkleHash.FromBase64(first.LeafHash), root, [.. consistency.Hashes.Select(MerkleHash.FromBase64)]));

        using var beyond = await client.GetAsync($"/api/v1/ledger/proof/inclusion?index={size}&size={size}");
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tooNew = await client.GetAsync($"/api/v1/ledger/proof/consistency?old=1&new={size + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, tooNew.StatusCode);
        using var noTile = await client.GetAsync("/ledger/tile/0/x999/000");
        Assert.Equal(HttpStatusCode.NotFound, noTile.StatusCode);
        using var badPath = await client.GetAsync("/ledger/tile/0/abc");
        Assert.Equal(HttpStatusCode.NotFound, badPath.StatusCode);
    }

    [Theory, AllProviders]
    public async Task A_crash_before_commit_leaves_nothing_and_a_crash_before_the_checkpoint_loses_nothing(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        var before = await app.LedgerCountsAsync();
        var signed = await (await app.Anonymous().GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        var sequence = await app.WriteRecordAsync($"crash-{Guid.NewGuid():N}");

        // Dies as the append commits: not an entry, hash or size of it remains.
        await using (var crashing = app.ContextWith(new CrashAtCommit()))
        {
            await Assert.ThrowsAsync<IOException>(() => app.AppenderOver(crashing).AppendBatchAsync());
        }

        Assert.Equal(before, await app.LedgerCountsAsync());

        // Commits the append, then dies before signing: the old checkpoint still stands and is served.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LedgerAppender>().AppendBatchAsync());
        }

        var appended = await app.LedgerCountsAsync();
        Assert.Equal(before.Tree + 1, appended.Tree);
        Assert.Equal(before.Checkpoint, appended.Checkpoint);
        using (var notYet = await app.Anonymous().GetAsync($"/api/v1/ledger/entries/{before.Tree}/proof"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        // The next pass signs the tree as stored, and it extends the old checkpoint: no fork.
        await app.RunLedgerAsync();
        var after = await app.LedgerCountsAsync();
        Assert.Equal((before.Tree + 1, before.Tree + 1), (after.Tree, after.Checkpoint));
        var index = await app.WithDbAsync(db => db.LedgerEntries.Where(e => e.RecordSequence == sequence).Select(e => e.Index).SingleAsync());
        Assert.Equal(before.Tree, index);
        using var client = app.Anonymous();
        var now = await (await client.GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        var consistency = await (await client.GetAsync($"/api/v1/ledger/proof/consistency?old={signed.Size}&new={now.Size}")).ReadAsync<LedgerApi.ProofDto>();
        Assert.True(ProofVerifier.VerifyConsistency(
            signed.Size, now.Size, MerkleHash.FromBase64(signed.RootHash), MerkleHash.FromBase64(now.RootHash), [.. consistency.Hashes.Select(MerkleHash.FromBase64)]));
        Assert.True((await app.WithDbAsync(db => new LedgerAudit(db, app.Services.GetRequiredService<LedgerKey>()).RunAsync())).Clean);
    }

    [Theory, AllProviders]
    public async Task The_audit_reports_a_public_record_altered_in_the_database(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var sequence = await app.WriteRecordAsync($"tamper-{Guid.NewGuid():N}");
        await app.RunLedgerAsync();
        var audit = () => app.WithDbAsync(db => new LedgerAudit(db, app.Services.GetRequiredService<LedgerKey>()).RunAsync());
        var clean = await audit();
        Assert.True(clean.Clean, string.Join("; ", clean.Findings));
        Assert.Equal(0, clean.Pending);

        var original = await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == sequence).Select(r => r.Payload).SingleAsync());
        try
        {
            // Someone with database access rewrites history, bypassing the platform.
            await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, original.Replace("测试记录", "改过的记录", StringComparison.Ordinal))));
            var report = await audit();
            var finding = Assert.Single(report.Findings);
            Assert.Equal(sequence, finding.RecordSequence);
            Assert.Contains("no longer matches", finding.Problem, StringComparison.Ordinal);
        }
        finally
        {
            await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == sequence).ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, original)));
        }

        Assert.True((await audit()).Clean);
    }

    [Theory, AllProviders]
    public async Task The_platform_refuses_to_change_a_logged_entry_or_a_public_record_through_its_own_code(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.LedgerEntries.OrderBy(e => e.Index).FirstAsync();
            entry.Entry = Encoding.UTF8.GetBytes("{}");
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.PublicRecords.Remove(await db.PublicRecords.OrderBy(r => r.Sequence).FirstAsync());
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_record_whose_entry_would_exceed_the_limit_stops_the_append_and_logs_nothing_of_its_batch()
    {
        // Only SQLite stores a link beyond its column's length, as a damaged row would be.
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        await app.RunLedgerAsync();
        var before = await app.LedgerCountsAsync();
        var good = await app.WriteRecordAsync($"before-oversized-{Guid.NewGuid():N}");
        var oversized = await app.WithDbAsync(async db =>
        {
            var record = PublicRecordEntry.From(
                PublicRecord.Create("Test.Oversized", "oversized", app.Clock.GetUtcNow(), new { }), 1, null, "/" + new string('x', LedgerEntry.MaxBytes));
            db.PublicRecords.Add(record);
            await db.SaveChangesAsync();
            return record.Sequence;
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db => app.AppenderOver(db).RunAsync()));
        Assert.Contains($"Public record {oversized}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await app.LedgerCountsAsync());

        // The damaged row removed (outside the platform's code), the log moves on with the good record.
        await app.WithDbAsync(db => db.PublicRecords.Where(r => r.Sequence == oversized).ExecuteDeleteAsync());
        await app.RunLedgerAsync();
        Assert.True(await app.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.RecordSequence == good)));
    }

    [Theory, AllProviders]
    public async Task Public_pages_show_each_record_s_ledger_index_and_a_proof_to_download(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.RunLedgerAsync();
        using var client = app.Anonymous();
        var (project, notice) = await app.WithDbAsync(async db => (
            await db.PublicEvents.Where(e => e.Kind == PublicEventKind.Admitted).Select(e => e.ProjectId).FirstAsync(),
            await db.PublicNotices.Where(n => n.Status != NoticeStatus.Draft).Select(n => n.Id).FirstAsync()));
        var events = await app.WithDbAsync(db => db.PublicEvents.CountAsync(e => e.ProjectId == project));

        var pilot = await client.GetStringAsync($"/pilots/{project}");
        Assert.Equal(events, CountOf(pilot, "data-testid=\"ledger-proof\""));
        var api = await (await client.GetAsync($"/api/v1/pilots/{project}")).ReadAsync<FinPilot.Web.Features.Disclosure.PilotsApi.PilotDto>();
        Assert.All(api.Timeline, e => Assert.NotNull(e.LedgerIndex));

        var noticePage = await client.GetStringAsync($"/notices/{notice}");
        var index = await app.WithDbAsync(db => db.LedgerEntries
            .Where(e => db.PublicRecords.Any(r => r.Sequence == e.RecordSequence && r.SubjectId == notice.ToString()))
            .Select(e => e.Index).FirstAsync());
        Assert.Contains($"api/v1/ledger/entries/{index}/proof", noticePage, StringComparison.Ordinal);
        // "监管链第 N 条" opens that entry.
        Assert.Contains($"href=\"ledger/entries/{index}\"", noticePage, StringComparison.Ordinal);
        Assert.Contains("发布公示", WebUtility.HtmlDecode(await client.GetStringAsync($"/ledger/entries/{index}")), StringComparison.Ordinal);

        var ledger = WebUtility.HtmlDecode(await client.GetStringAsync("/ledger"));
        Assert.Contains(app.Services.GetRequiredService<LedgerKey>().VerifierKey, ledger, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-entries\"", ledger, StringComparison.Ordinal);
        // Kinds, regions and pages by name, not by code or address.
        Assert.Contains("发布公示", ledger, StringComparison.Ordinal);
        Assert.Contains("入箱启动试点", ledger, StringComparison.Ordinal);
        Assert.Contains("查看公示", ledger, StringComparison.Ordinal);
        // The kind's code is only a value of the search form and its links, never shown as text.
        Assert.DoesNotContain(">Disclosure.NoticePublished<", ledger, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Disclosure.NoticePublished\">发布公示</option>", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(">BJ<", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(">/notices/", ledger, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;
}
