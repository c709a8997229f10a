using System.Net;
using System.Text;
using FinPilot.Ledger.Checkpoints;
using FinPilot.Ledger.Merkle;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Ledger;

public sealed class WitnessRefusalLimitTests(WitnessApps apps) : IClassFixture<WitnessApps>
{
    [Theory, AllProviders]
    public async Task A_refusal_is_stored_once_per_log_size_and_root_and_each_address_may_add_only_so_many(DatabaseProvider provider)
    {
        var (log, witness, _, _) = await apps.StartAsync(provider);
        await log.WriteRecordAsync($"limits-{Guid.NewGuid():N}");
        await log.RunLedgerAsync();
        await log.RunWitnessingAsync();
        var before = await witness.WithDbAsync(db => db.WitnessedLogs.AsNoTracking().SingleAsync(l => l.Origin == log.Origin()));
        using var signer = LedgerKey.ReadSignerKey(log.LedgerKeyFile, TimeProvider.System);
        string Fork(string history) =>
            $"old {before.Size}\n\n{new Checkpoint(log.Origin(), before.Size, MerkleHash.Leaf(Encoding.UTF8.GetBytes(history))).Sign(signer).Format()}";
        var tag = Guid.NewGuid().ToString("N");
        using var repeater = witness.Anonymous();
        repeater.DefaultRequestHeaders.Add("X-Test-Client-Address", "10.7.0.1");
        using var flooder = witness.Anonymous();
        flooder.DefaultRequestHeaders.Add("X-Test-Client-Address", "10.7.0.2");
        using var other = witness.Anonymous();
        other.DefaultRequestHeaders.Add("X-Test-Client-Address", "10.7.0.3");
        var stored = await CountAsync(witness);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await repeater.PostAsync(WitnessApi.AddCheckpointPath, Text(Fork($"repeated {tag}")), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var afterRepeats = await CountAsync(witness);
        for (var i = 0; i < WitnessRefusalPace.PerAddressPerHour + 2; i++)
        {
            using var refused = await flooder.PostAsync(WitnessApi.AddCheckpointPath, Text(Fork($"flood {tag} {i}")), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var afterFlood = await CountAsync(witness);
        using (var refused = await other.PostAsync(WitnessApi.AddCheckpointPath, Text(Fork($"other {tag}")), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        Assert.Equal(stored + 1, afterRepeats);
        Assert.Equal(afterRepeats + WitnessRefusalPace.PerAddressPerHour, afterFlood);
        Assert.Equal(afterFlood + 1, await CountAsync(witness));
    }

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");

    private static Task<int> CountAsync(FinPilotApp witness) => witness.WithDbAsync(db => db.WitnessRefusals.CountAsync());
}
