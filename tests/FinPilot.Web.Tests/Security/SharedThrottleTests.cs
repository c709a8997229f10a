using System.Net;
using System.Net.Http.Json;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Ledger.Witnessing;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Security;

/// <summary>
/// Two web nodes on one database (issue 14, with several nodes behind a proxy): the sign-in,
/// password-reset and witness-refusal throttles count together, so a second node is no way around them.
/// </summary>
public sealed class SharedThrottleTests(PostgresServer postgres)
{
    [Theory, AllProviders]
    public async Task Two_nodes_on_one_database_count_sign_in_failures_reset_mails_and_witness_refusals_together(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var first = new FinPilotApp(database, demoEnabled: false);
        await Task.Run(() => first.Services);
        await using var second = new FinPilotApp(database, demoEnabled: false);
        await Task.Run(() => second.Services);
        var email = $"shared.{Guid.NewGuid():N}@example.cn";
        await first.CreateUserAsync(email, Role.Expert);

        // Sign-in: four failures on one node and one on the other use up the network's five.
        using (var onFirst = first.Browser("10.3.0.1"))
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                using var wrong = await onFirst.LogInAsync(email, $"Wrong#password{attempt}");
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }
        }

        using var onSecond = second.Browser("10.3.0.1");
        using (var fifth = await onSecond.LogInAsync(email, "Wrong#password5"))
        {
            Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        }

        using (var held = await onSecond.LogInAsync(email, "Wrong#password6"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
            Assert.NotNull(held.Headers.RetryAfter?.Delta);
        }

        using (var heldOnFirst = await first.Browser("10.3.0.1").LogInAsync(email, "Wrong#password7"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, heldOnFirst.StatusCode);
        }

        // Password reset: one link per address per interval, whichever node is asked.
        var address = email.ToUpperInvariant();
        Assert.True(await WithAsync(first, (PasswordResetPace pace) => pace.TryTakeAsync(address)));
        Assert.False(await WithAsync(second, (PasswordResetPace pace) => pace.TryTakeAsync(address)));
        Assert.False(await WithAsync(first, (PasswordResetPace pace) => pace.TryTakeAsync(address)));

        // Witness refusals: ten stored per sending address an hour, across the nodes.
        for (var i = 0; i < WitnessRefusalPace.PerAddressPerHour; i++)
        {
            Assert.True(await WithAsync(i % 2 == 0 ? first : second, (WitnessRefusalPace pace) => pace.TryTakeAsync("10.3.0.9")), $"refusal {i + 1}");
        }

        Assert.False(await WithAsync(first, (WitnessRefusalPace pace) => pace.TryTakeAsync("10.3.0.9")));
        Assert.False(await WithAsync(second, (WitnessRefusalPace pace) => pace.TryTakeAsync("10.3.0.9")));
        Assert.True(await WithAsync(second, (WitnessRefusalPace pace) => pace.TryTakeAsync("10.3.0.10")));

        // The counts hold no address in clear, and expired slots are purged by the next write.
        var keys = await first.WithDbAsync(db => db.ThrottleCounters.Select(c => c.Key).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => k.Contains("10.3.0", StringComparison.Ordinal) || k.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase));
        second.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await WithAsync(second, (WitnessRefusalPace pace) => pace.TryTakeAsync("10.3.0.9")));
        Assert.Equal(1, await second.WithDbAsync(db => db.ThrottleCounters.CountAsync()));
    }

    [Theory, AllProviders]
    public async Task A_caller_refused_on_two_nodes_within_a_minute_is_written_to_the_audit_trail_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var first = new FinPilotApp(database, demoEnabled: false);
        await Task.Run(() => first.Services);
        await using var second = new FinPilotApp(database, demoEnabled: false);
        await Task.Run(() => second.Services);
        var target = (await first.CreateUserAsync($"target.{Guid.NewGuid():N}@example.cn", Role.Expert)).User;
        var prober = $"prober.{Guid.NewGuid():N}@example.cn";
        var proberId = (await first.CreateUserAsync(prober, Role.Expert)).User.Id;
        var (_, secret) = await first.IssueTokenAsync(prober);
        var path = $"/api/v1/users/{target.Id}/unlock";

        foreach (var node in new[] { first, second, first })
        {
            using var api = node.ApiClient(secret);
            using var denied = await api.PostAsync(path, JsonContent.Create(new { }));
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var lines = await second.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.AccessDenied && e.ActorId == proberId).ToListAsync());
        Assert.Equal(path, Assert.Single(lines).ResourceId);
        var keys = await first.WithDbAsync(db => db.ThrottleCounters.Select(c => c.Key).ToListAsync());
        Assert.DoesNotContain(keys, k => k.Contains(proberId, StringComparison.Ordinal));
    }

    private static async Task<T> WithAsync<TService, T>(FinPilotApp app, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
