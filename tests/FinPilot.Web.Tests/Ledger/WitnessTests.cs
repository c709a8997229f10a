using System.Net;
using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Ledger.Notes;
using FinPilot.Ledger.Witness;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Ledger;

public sealed class WitnessTests(WitnessApps apps) : IClassFixture<WitnessApps>
{
    // PostgreSQL keeps instants to the microsecond.
    private static readonly TimeSpan Stored = TimeSpan.FromMilliseconds(1);

    [Theory, AllProviders]
    public async Task Each_new_checkpoint_is_cosigned_by_another_node_and_shown_as_witnessed(DatabaseProvider provider)
    {
        var (log, witness, witnessKey, _) = await apps.StartAsync(provider);
        using var client = log.Anonymous();
        await log.WriteRecordAsync($"witnessed-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        var first = await OpenWitnessedAsync(client, log, witnessKey);

        var stored = await witness.WithDbAsync(db => db.WitnessedLogs.AsNoTracking().SingleAsync(l => l.Origin == log.Origin()));
        Assert.Equal(first.Size, stored.Size);
        Assert.Equal(first.RootHash, new MerkleHash(stored.RootHash));

        // A newer checkpoint is unwitnessed until the witness has checked it extends the last one.
        await log.WriteRecordAsync($"witnessed-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        var about = await (await client.GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        Assert.Equal(first.Size + 1, about.Size);
        Assert.Equal(0, about.Cosignatures);
        Assert.False(about.Witnesses.Single(w => w.Name == WitnessApps.WitnessName).CosignedLatest);
        Assert.False(Cosignatures.OpenWitnessed(about.Note, log.Origin(), log.Verifiers(), [witnessKey]).IsSuccess);

        await log.RunWitnessingAsync();
        var second = await OpenWitnessedAsync(client, log, witnessKey);
        Assert.Equal(first.Size + 1, second.Size);
        about = await (await client.GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        Assert.Equal(1, about.Cosignatures);
        var status = about.Witnesses.Single(w => w.Name == WitnessApps.WitnessName);
        Assert.True(status.CosignedLatest);
        Assert.Equal(second.Size, status.Size);
        Assert.False(about.Witnesses.Single(w => w.Name == WitnessApps.OfflineWitnessName).CosignedLatest);

        var page = await client.GetStringAsync("/ledger");
        Assert.Contains("最新检查点已由 1/2 个见证节点联署", page, StringComparison.Ordinal);
        Assert.Contains(witnessKey.Name, page, StringComparison.Ordinal);

        // The witness publishes what it cosigned: the log's checkpoint with both signatures.
        using var witnessClient = witness.Anonymous();
        var published = await (await witnessClient.GetAsync("/api/v1/ledger/witness")).ReadAsync<WitnessApi.WitnessDto>();
        Assert.Equal(WitnessApps.WitnessName, published.Name);
        var followed = published.Logs.Single(l => l.Origin == log.Origin());
        Assert.Equal(second.Size, followed.Size);
        Assert.True(Cosignatures.OpenWitnessed(followed.CosignedNote!, log.Origin(), log.Verifiers(), [witnessKey]).IsSuccess);
    }

    [Theory, AllProviders]
    public async Task A_witness_that_knows_a_larger_size_than_the_log_thinks_answers_409_and_the_log_resumes_from_it(DatabaseProvider provider)
    {
        var (log, witness, witnessKey, _) = await apps.StartAsync(provider);
        await log.WriteRecordAsync($"resumed-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        var witnessSize = await witness.WithDbAsync(db => db.WitnessedLogs.Where(l => l.Origin == log.Origin()).Select(l => l.Size).SingleAsync());
        Assert.True(witnessSize > 0);

        // The class's tests share the witness (and run one at a time): refusals other tests made are theirs.
        var lastRefusal = await witness.WithDbAsync(db => db.WitnessRefusals.MaxAsync(r => (long?)r.Id)) ?? 0;

        // The log forgets (a restored backup, say): it will first send old 0, and the witness must answer 409.
        await log.WithDbAsync(db => db.LedgerWitnesses.Where(w => w.Name == WitnessApps.WitnessName).ExecuteUpdateAsync(s => s.SetProperty(w => w.Size, 0)));
        await log.WriteRecordAsync($"resumed-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();

        using var client = log.Anonymous();
        var checkpoint = await OpenWitnessedAsync(client, log, witnessKey);
        Assert.True(checkpoint.Size > witnessSize);
        var state = await log.WithDbAsync(db => db.LedgerWitnesses.AsNoTracking().SingleAsync(w => w.Name == WitnessApps.WitnessName));
        Assert.Equal(checkpoint.Size, state.Size);
        Assert.Null(state.LastError);
        Assert.Equal(0, await witness.WithDbAsync(db => db.WitnessRefusals.CountAsync(r => r.Id > lastRefusal)));
    }

    [Theory, AllProviders]
    public async Task A_witness_that_fails_is_asked_again_later_and_later(DatabaseProvider provider)
    {
        var (log, _, _, _) = await apps.StartAsync(provider);
        await log.WriteRecordAsync($"retried-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.WithDbAsync(db => db.LedgerWitnesses.Where(w => w.Name == WitnessApps.OfflineWitnessName)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Failures, 0).SetProperty(w => w.NextAttemptAt, (DateTimeOffset?)null)));

        await log.RunWitnessingAsync();
        var failed = await OfflineStateAsync(log);
        Assert.Equal(1, failed.Failures);
        Assert.Equal(log.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), failed.NextAttemptAt!.Value, Stored);
        Assert.Contains("40", failed.LastError, StringComparison.Ordinal);

        // Before the wait is over the witness is left alone.
        await log.RunWitnessingAsync();
        Assert.Equal(1, (await OfflineStateAsync(log)).Failures);

        // Once it is over, the next failure waits twice as long.
        await log.WithDbAsync(db => db.LedgerWitnesses.Where(w => w.Name == WitnessApps.OfflineWitnessName)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextAttemptAt, log.Clock.GetUtcNow().AddSeconds(-1))));
        await log.RunWitnessingAsync();
        var again = await OfflineStateAsync(log);
        Assert.Equal(2, again.Failures);
        Assert.Equal(log.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), again.NextAttemptAt!.Value, Stored);

        var about = await (await log.Anonymous().GetAsync("/api/v1/ledger")).ReadAsync<LedgerApi.CheckpointDto>();
        Assert.Equal(again.LastError, about.Witnesses.Single(w => w.Name == WitnessApps.OfflineWitnessName).LastError);
    }

    [Theory, AllProviders]
    public async Task A_forked_checkpoint_signed_by_the_log_is_refused_and_the_refusal_recorded(DatabaseProvider provider)
    {
        var (log, witness, witnessKey, _) = await apps.StartAsync(provider);
        await log.WriteRecordAsync($"forked-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        var before = await witness.WithDbAsync(db => db.WitnessedLogs.AsNoTracking().SingleAsync(l => l.Origin == log.Origin()));
        var refusalsBefore = await witness.WithDbAsync(db => db.WitnessRefusals.CountAsync());
        using var signer = LedgerKey.ReadSignerKey(log.LedgerKeyFile, TimeProvider.System);
        using var client = witness.Anonymous();

        // The same size with another root: a split view, refused without any proof needed.
        var fork = new Checkpoint(log.Origin(), before.Size, MerkleHash.Leaf("another history"u8)).Sign(signer);
        using (var refused = await PostAsync(client, $"old {before.Size}\n\n{fork.Format()}"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("forked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A larger tree whose proof does not lead back to the root the witness cosigned. Its size is
        // one the real log never reaches in these tests: the refusal stays this test's record, and a
        // later test's real checkpoint of that size is never mistaken for it.
        var grownSize = before.Size + 1_000_000;
        var grown = new Checkpoint(log.Origin(), grownSize, MerkleHash.Leaf("grown"u8)).Sign(signer);
        var badProof = string.Concat(Enumerable.Range(0, 3).Select(i => MerkleHash.Leaf([(byte)i]).ToBase64() + "\n"));
        using (var refused = await PostAsync(client, $"old {before.Size}\n{badProof}\n{grown.Format()}"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var recorded = await witness.WithDbAsync(db => db.WitnessRefusals.AsNoTracking().OrderBy(r => r.Id).Skip(refusalsBefore).ToListAsync());
        Assert.Collection(
            recorded,
            r =>
            {
                Assert.Equal((log.Origin(), nameof(RefusalKind.Inconsistent), before.Size, before.Size), (r.Origin, r.Kind, r.OldSize, r.Size));
                Assert.Equal(fork.Format(), r.CheckpointNote);
                Assert.True(Checkpoint.Open(r.CheckpointNote, log.Origin(), log.Verifiers()).IsSuccess, "The refusal keeps the log's signed evidence.");
            },
            r => Assert.Equal((nameof(RefusalKind.BadProof), before.Size, grownSize), (r.Kind, r.OldSize, r.Size)));

        // Neither moved the witness.
        var after = await witness.WithDbAsync(db => db.WitnessedLogs.AsNoTracking().SingleAsync(l => l.Origin == log.Origin()));
        Assert.Equal(before.Size, after.Size);
        Assert.Equal(before.RootHash, after.RootHash);

        var page = await client.GetStringAsync("/ledger/witness");
        Assert.Contains("检查点与已见证的检查点不一致（日志分叉）", page, StringComparison.Ordinal);
        Assert.Contains("一致性证明不成立", page, StringComparison.Ordinal);
        var api = await (await client.GetAsync("/api/v1/ledger/witness/refusals")).ReadAsync<WitnessApi.RefusalPageDto>();
        Assert.Equal(recorded.Select(r => r.Id).Reverse(), api.Items.Take(2).Select(i => i.Id));

        // Each refusal says exactly what was verified: the log's signature, and the proof (or that none was needed).
        Assert.Contains("日志签名真实（已核验）；一致性证明未通过核验", page, StringComparison.Ordinal);
        Assert.Contains("日志签名真实（已核验）；其根哈希与同一规模下已联署的树相矛盾，无需一致性证明", page, StringComparison.Ordinal);
        Assert.Contains("只记录经核验确由该日志签名", page, StringComparison.Ordinal);
        var (badProofShown, forkShown) = (api.Items[0], api.Items[1]);
        Assert.Equal((true, false), (badProofShown.LogSignatureVerified, badProofShown.ConsistencyProofVerified));
        Assert.Equal((true, (bool?)null), (forkShown.LogSignatureVerified, forkShown.ConsistencyProofVerified));
        Assert.StartsWith("日志签名真实（已核验）", badProofShown.Verified, StringComparison.Ordinal);
        Assert.NotEqual(badProofShown.Verified, forkShown.Verified);

        // The real log carries on: its next checkpoint extends the one the witness holds.
        await log.WriteRecordAsync($"forked-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        Assert.True((await OpenWitnessedAsync(log.Anonymous(), log, witnessKey)).Size > before.Size);
    }

    [Theory, AllProviders]
    public async Task Requests_the_log_did_not_sign_are_refused_without_a_record(DatabaseProvider provider)
    {
        var (log, witness, _, _) = await apps.StartAsync(provider);
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        var held = await witness.WithDbAsync(db => db.WitnessedLogs.AsNoTracking().SingleAsync(l => l.Origin == log.Origin()));
        var refusals = await witness.WithDbAsync(db => db.WitnessRefusals.CountAsync());
        using var client = witness.Anonymous();
        var latest = await log.Anonymous().GetStringAsync("/ledger/checkpoint");

        // A stale old size is no misbehaviour: 409 and the size the witness holds.
        using (var stale = await PostAsync(client, $"old 0\n\n{latest}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal(TreeSizeBody.ContentType, stale.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"{held.Size}\n", await stale.Content.ReadAsStringAsync());
        }

        var (strangerKey, _) = NoteKeys.Generate("stranger.test/log");
        using var stranger = NoteKeys.ParseSignerKey(strangerKey).Value;
        var unknown = new Checkpoint("stranger.test/log", 1, MerkleHash.Leaf("x"u8)).Sign(stranger).Format();
        using (var response = await PostAsync(client, $"old 0\n\n{unknown}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // The log's origin, signed by someone else.
        using var impostorKey = new Ed25519NoteSigner(log.Origin(), new byte[32]);
        var impostor = new Checkpoint(log.Origin(), held.Size, MerkleHash.Leaf("x"u8)).Sign(impostorKey);
        using (var response = await PostAsync(client, $"old {held.Size}\n\n{impostor.Format()}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await PostAsync(client, "not a request"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using (var response = await PostAsync(client, $"old 0\n\n{new string('x', AddCheckpointRequest.MaxBodyBytes)}"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        Assert.Equal(refusals, await witness.WithDbAsync(db => db.WitnessRefusals.CountAsync()));

        // A node that is not a witness has no such endpoint.
        using var notWitness = await PostAsync(log.Anonymous(), $"old 0\n\n{latest}");
        Assert.Equal(HttpStatusCode.NotFound, notWitness.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Racing_requests_move_the_stored_witness_state_once(DatabaseProvider provider)
    {
        var (_, witness, _, _) = await apps.StartAsync(provider);
        var origin = $"race.test/{Guid.NewGuid():N}";
        var first = new WitnessedCheckpoint(5, MerkleHash.Leaf("five"u8), "note 5");
        var second = new WitnessedCheckpoint(9, MerkleHash.Leaf("nine"u8), "note 9");

        Assert.Single(await AdvanceConcurrentlyAsync(witness, origin, 0, first), won => won);
        Assert.Single(await AdvanceConcurrentlyAsync(witness, origin, 5, second), won => won);
        Assert.False(Assert.Single(await AdvanceConcurrentlyAsync(witness, origin, 5, first, racers: 1)));
        var stored = await witness.WithDbAsync(db => new DbWitnessStateStore(db, witness.Clock).GetAsync(origin).AsTask());
        Assert.Equal(second, stored);

        // An empty tree cosigned first is size 0 too, and still moves on.
        var empty = $"race.test/{Guid.NewGuid():N}";
        Assert.True(Assert.Single(await AdvanceConcurrentlyAsync(witness, empty, 0, new WitnessedCheckpoint(0, MerkleHash.EmptyTree, "empty"), racers: 1)));
        Assert.True(Assert.Single(await AdvanceConcurrentlyAsync(witness, empty, 0, first, racers: 1)));
    }

    [Fact]
    public void Witness_settings_that_cannot_be_used_stop_the_host_with_the_setting_named()
    {
        var logKey = NoteKeys.Generate("log.test/settings").VerifierKey;
        var witnessKey = NoteKeys.Generate("witness.test/settings", SignatureType.Ed25519Cosignature).VerifierKey;

        Assert.Contains("Ledger:Witnesses:0:Url", Problem(new() { Witnesses = [new() { Url = "ftp://x", Key = witnessKey }] }), StringComparison.Ordinal);
        Assert.Contains("Ledger:Witnesses:0:Key must be a witness cosignature key", Problem(new() { Witnesses = [new() { Url = "https://x/", Key = logKey }] }), StringComparison.Ordinal);
        Assert.Contains("Ledger:Witness:Logs:0 must be a log's verifier key", Problem(new() { Witness = new() { Logs = [witnessKey] } }), StringComparison.Ordinal);
        Assert.Contains("second time", Problem(new() { Witnesses = [new() { Url = "https://a/", Key = witnessKey }, new() { Url = "https://b/", Key = witnessKey }] }), StringComparison.Ordinal);

        var logKeyFile = Path.Combine(Path.GetTempPath(), "finpilot-tests", $"not-a-witness-{Guid.NewGuid():N}.key");
        LedgerKey.WriteNewKey(logKeyFile, "log.test/settings");
        try
        {
            Assert.Contains("holds a log key", Problem(new() { Witness = new() { KeyFile = logKeyFile } }), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(logKeyFile);
        }

        using var good = new WitnessKeys(new LedgerOptions { Witnesses = [new() { Url = "https://x/add", Key = witnessKey }], Witness = new() { Logs = [logKey] } }, TimeProvider.System);
        Assert.Equal("witness.test/settings", Assert.Single(good.Witnesses).Name);
        Assert.Equal(["log.test/settings"], good.FollowedLogs.Keys);
        Assert.Null(good.Cosigner);

        static string Problem(LedgerOptions options)
        {
            using var keys = new WitnessKeys(options, TimeProvider.System);
            return Assert.Throws<InvalidOperationException>(keys.Validate).Message;
        }
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(6, 600)]
    [InlineData(40, 600)]
    public void Retries_wait_longer_after_each_failure_up_to_ten_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LedgerWitnessing.RetryAfter(failures));

    private static async Task<Checkpoint> OpenWitnessedAsync(HttpClient client, FinPilotApp log, Ed25519NoteVerifier witnessKey)
    {
        var note = await client.GetStringAsync("/ledger/checkpoint");
        var opened = Cosignatures.OpenWitnessed(note, log.Origin(), log.Verifiers(), [witnessKey]);
        Assert.True(opened.IsSuccess, opened.Error);
        return opened.Value.Checkpoint;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync(WitnessApi.AddCheckpointPath, new StringContent(body, Encoding.UTF8, "text/plain"));

    private static Task<LedgerWitnessRecord> OfflineStateAsync(FinPilotApp log) =>
        log.WithDbAsync(db => db.LedgerWitnesses.AsNoTracking().SingleAsync(w => w.Name == WitnessApps.OfflineWitnessName));

    private static Task<bool[]> AdvanceConcurrentlyAsync(FinPilotApp witness, string origin, long expected, WitnessedCheckpoint next, int racers = 4) =>
        Task.WhenAll(Enumerable.Range(0, racers).Select(_ => Task.Run(() =>
            witness.WithDbAsync(db => new DbWitnessStateStore(db, witness.Clock).TryAdvanceAsync(origin, expected, next).AsTask()))));
}
