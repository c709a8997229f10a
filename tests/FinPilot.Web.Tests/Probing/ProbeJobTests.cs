using System.Net;
using FinPilot.Domain.Probing;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Probing;

/// <summary>
/// The probe job against a status page on this machine, private addresses allowed by setting:
/// failing after N failures in a row told once, recovery told once, two racing runs telling once.
/// Moving the clock wakes the host's own jobs too; the runs here share the host's job instance (or
/// race it on purpose), so each turn is probed once whoever runs it.
/// </summary>
public sealed class ProbeJobTests(ProbeApps apps) : IClassFixture<ProbeApps>
{
    [Theory, AllProviders]
    public async Task A_failing_endpoint_is_told_failing_once_per_streak_and_recovered_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var key = ProbeTestKit.Key();
        var url = apps.Endpoint.Url($"/status/{key}");
        apps.Endpoint.SetFailing(key, true);
        var projectId = await app.ProbedPilotAsync("探测测试 失败与恢复", ProbeTestKit.Every(url, failuresBeforeAlert: 3));

        await app.NextMinuteAsync();
        await app.NextMinuteAsync();
        Assert.Equal(0, apps.Listener.Failing(url));
        Assert.Equal(2, (await app.TargetAsync(projectId, url)).ConsecutiveFailures);

        await app.NextMinuteAsync();
        await app.NextMinuteAsync();
        await app.NextMinuteAsync();
        var failing = await app.TargetAsync(projectId, url);
        Assert.Equal(1, apps.Listener.Failing(url));
        Assert.Equal((5, ProbeOutcome.Down, 503, ProbeFailure.HttpStatus), (failing.ConsecutiveFailures, failing.LastOutcome, failing.LastStatusCode, failing.LastFailure));

        // The failure is shown in the reader's language, never as stored.
        using (var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            var zh = await wg.Client.GetStringAsync($"/supervision/projects/{projectId}");
            var en = await wg.Client.GetStringAsync($"/supervision/projects/{projectId}?culture=en");
            Assert.Contains("HTTP 状态 503", zh, StringComparison.Ordinal);
            Assert.Contains("HTTP status 503", en, StringComparison.Ordinal);
            Assert.DoesNotContain(">HttpStatus<", zh, StringComparison.Ordinal);
        }

        var told = apps.Listener.LastFailing(url)!;
        Assert.Equal((projectId, 3, ProbeFailure.HttpStatus, 503), (told.ProjectId, told.ConsecutiveFailures, told.LastFailure, told.StatusCode));

        apps.Endpoint.SetFailing(key, false);
        await app.NextMinuteAsync();
        await app.NextMinuteAsync();
        var recovered = await app.TargetAsync(projectId, url);
        Assert.Equal((1, 1), (apps.Listener.Failing(url), apps.Listener.Recovered(url)));
        Assert.Equal((0, ProbeOutcome.Up, false), (recovered.ConsecutiveFailures, recovered.LastOutcome, recovered.Failing));
        Assert.NotNull(recovered.LastLatencyMs);
        Assert.Equal(7, await app.ResultCountAsync(recovered.Id));
        Assert.Equal(7, apps.Endpoint.Hits($"/status/{key}"));
    }

    [Theory, AllProviders]
    public async Task Two_racing_runs_probe_each_turn_once_and_tell_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var key = ProbeTestKit.Key();
        var url = apps.Endpoint.Url($"/status/{key}");
        apps.Endpoint.SetFailing(key, true);
        var projectId = await app.ProbedPilotAsync("探测测试 并发", ProbeTestKit.Every(url, failuresBeforeAlert: 2));
        await app.NextMinuteAsync();

        // A second job instance: the same lease holder in this process, so both run at once, as two nodes would after a lease expired mid-run.
        var host = app.Services.GetRequiredService<ProbeJob>();
        var rival = ActivatorUtilities.CreateInstance<ProbeJob>(app.Services);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(host.TryRunAsync(CancellationToken.None), rival.TryRunAsync(CancellationToken.None), rival.TryRunAsync(CancellationToken.None));

        var target = await app.TargetAsync(projectId, url);
        Assert.Equal(1, apps.Listener.Failing(url));
        Assert.Equal((2, true), (target.ConsecutiveFailures, target.Failing));
        Assert.Equal(2, await app.ResultCountAsync(target.Id));
        Assert.Equal(2, apps.Endpoint.Hits($"/status/{key}"));
    }

    [Theory, AllProviders]
    public async Task The_probes_of_a_pilot_are_read_by_its_readers_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var key = ProbeTestKit.Key();
        var url = apps.Endpoint.Url($"/status/{key}");
        var projectId = await app.ProbedPilotAsync("探测测试 查询", ProbeTestKit.Every(url));
        await app.NextMinuteAsync();
        apps.Endpoint.SetFailing(key, true);
        await app.NextMinuteAsync();

        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var probes = await (await applicant.GetAsync($"/api/v1/supervision/projects/{projectId}/probes")).ReadAsync<List<ProbeTargetView>>();
        var view = Assert.Single(probes);
        Assert.Equal((url, ProbeOutcome.Down, 0.5, 0.5), (view.Url, view.LastOutcome, view.Availability24h, view.Availability7d));
        Assert.Equal([ProbeOutcome.Down, ProbeOutcome.Up], view.Recent.Select(r => r.Outcome));

        using var workingGroup = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await (await workingGroup.GetAsync($"/api/v1/supervision/projects/{projectId}/probes")).AssertStatusAsync(HttpStatusCode.OK);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var other = await app.OtherApplicantAsync();
        await shanghai.GetAsync($"/api/v1/supervision/projects/{projectId}/probes").AssertDeniedAsync();
        await other.GetAsync($"/api/v1/supervision/projects/{projectId}/probes").AssertDeniedAsync();
    }

    [Fact]
    public async Task Redirects_to_the_same_host_are_followed_and_to_another_host_refused()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var key = ProbeTestKit.Key();
        await using var scope = app.Services.CreateAsyncScope();
        var probes = scope.ServiceProvider.GetRequiredService<ProbeClient>();

        var same = await probes.ProbeAsync(apps.Endpoint.Url($"/same/{key}"), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal((ProbeOutcome.Up, 200), (same.Outcome, same.StatusCode));
        Assert.Equal(1, apps.Endpoint.Hits($"/status/{key}"));

        var other = await probes.ProbeAsync(apps.Endpoint.Url($"/other/{key}"), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(ProbeOutcome.Refused, other.Outcome);
        Assert.Equal(ProbeFailure.RedirectToOtherHost, other.Failure);
        Assert.Equal(1, apps.Endpoint.Hits($"/status/{key}"));

        var ftp = await probes.ProbeAsync($"ftp://127.0.0.1:{apps.Endpoint.Port}/status/{key}", TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal((ProbeOutcome.Refused, ProbeFailure.SchemeRefused), (ftp.Outcome, ftp.Failure));
        Assert.Equal(1, apps.Endpoint.Hits($"/status/{key}"));
    }
}

/// <summary>With private addresses not allowed (the default), loopback and private addresses are refused without connecting, with the reason recorded.</summary>
public sealed class ProbeRefusalTests(RefusingProbeApps apps) : IClassFixture<RefusingProbeApps>
{
    [Theory, AllProviders]
    public async Task Private_and_loopback_addresses_are_refused_with_a_reason_and_never_connected(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var key = ProbeTestKit.Key();
        var loopback = apps.Endpoint.Url($"/status/{key}");
        var mapped = $"http://[::ffff:127.0.0.1]:{apps.Endpoint.Port}/status/{key}";
        var @private = $"http://10.0.0.1/status/{key}";
        var projectId = await app.ProbedPilotAsync("探测测试 拒绝", ProbeTestKit.Every(loopback), ProbeTestKit.Every(mapped), ProbeTestKit.Every(@private, failuresBeforeAlert: 1));

        await app.NextMinuteAsync();

        foreach (var url in new[] { loopback, mapped, @private })
        {
            var target = await app.TargetAsync(projectId, url);
            Assert.Equal(ProbeOutcome.Refused, target.LastOutcome);
            Assert.Equal(ProbeFailure.PrivateAddressRefused, target.LastFailure);
            Assert.Equal(1, await app.ResultCountAsync(target.Id));
        }

        Assert.Equal(0, apps.Endpoint.Hits($"/status/{key}"));
        Assert.Equal(1, apps.Listener.Failing(@private));
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_at_connect_time()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var key = ProbeTestKit.Key();
        await using var scope = app.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<ProbeClient>()
            .ProbeAsync($"http://localhost:{apps.Endpoint.Port}/status/{key}", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ProbeOutcome.Refused, answer.Outcome);
        Assert.Equal(ProbeFailure.PrivateAddressRefused, answer.Failure);
        Assert.Equal(0, apps.Endpoint.Hits($"/status/{key}"));
    }
}
