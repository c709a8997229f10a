using FinPilot.Domain.Alerts;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinPilot.Web.Tests.Alerts;

/// <summary>Demo pilots with plans the alert tests set, samples fed to the rules, and the alerts they raise.</summary>
internal static class AlertsTestKit
{
    /// <summary>京华证券's pilot (a technology pilot): the demo applicant acts for it.</summary>
    public const string Jinghua = ObligationTestKit.JinghuaCode;

    /// <summary>北方登记中心's pilot (business innovation), another organisation in Beijing.</summary>
    public const string Registry = ObligationTestKit.RegistryCode;

    /// <summary>The third admitted pilot of the demo batch (business innovation).</summary>
    public const string Yanshan = "MA03YJJ42";

    /// <summary>A metric code no other test uses, so each test's rules have keys of their own.</summary>
    public static string NewCode() => "t_" + Guid.NewGuid().ToString("N")[..10];

    public static MetricDefinition Metric(string code, double? lower = null, double? upper = null, MetricDirection direction = MetricDirection.HigherIsBetter) => new()
    {
        Code = code,
        NameZh = "测试指标" + code[^4..],
        NameEn = "Test metric " + code[^4..],
        Unit = "件",
        Kind = MetricKind.Gauge,
        Direction = direction,
        LowerLimit = lower,
        UpperLimit = upper,
    };

    /// <summary>A window from six months ago to six months ahead, caps of 1,000 customers and 100,000 yuan, and the metrics given.</summary>
    public static SupervisionTerms Terms(FinPilotApp app, params MetricDefinition[] metrics) => new()
    {
        Metrics = metrics,
        Parameters = new TestParameters
        {
            CustomerCap = 1000,
            AmountPerCustomerCap = 100_000m,
            StartsOn = app.Today().AddMonths(-6),
            EndsOn = app.Today().AddMonths(6),
            Scope = "测试",
        },
    };

    /// <summary>Confirms the pilot's plan with these terms (drafting it if none); the same terms again are left as they are.</summary>
    public static async Task SetTermsAsync(this FinPilotApp app, Pilot pilot, SupervisionTerms terms)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = app.Clock.GetUtcNow();
        var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == pilot.Id);
        if (plan is null)
        {
            var project = await db.Projects.SingleAsync(p => p.Id == pilot.Id);
            plan = SupervisionPlan.Draft(project, terms, now).ValueOrThrow();
            db.SupervisionPlans.Add(plan);
        }

        var confirmed = plan.Confirm(terms, now, "alerts-test");
        Assert.True(confirmed.Succeeded || confirmed.Errors.All(e => e.Code == SupervisionErrors.AlreadyConfirmed), string.Join("; ", confirmed.Errors));
        await db.SaveChangesAsync();
    }

    /// <summary>The first day of the month <paramref name="monthsAgo"/> months before today's (Beijing).</summary>
    public static DateOnly MonthStart(this FinPilotApp app, int monthsAgo)
    {
        var today = app.Today();
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
    }

    /// <summary>Saves monthly samples as the ingestion would, then tells the rules of them, as the ingestion does.</summary>
    public static async Task<IReadOnlyList<MetricSample>> FeedAsync(this FinPilotApp app, Pilot pilot, params (string Code, double Value, DateOnly PeriodStart)[] values)
    {
        var now = app.Clock.GetUtcNow();
        var samples = values.Select(v =>
        {
            var end = v.PeriodStart.AddMonths(1).AddDays(-1);
            var at = ChinaTime.EndOfDay(end) < now ? ChinaTime.EndOfDay(end) : now;
            return MetricSample.Record(pilot.Id, v.Code, v.PeriodStart, end, v.Value, at, now, "urn:alerts-test", Guid.NewGuid().ToString("N"), null);
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            db.MetricSamples.AddRange(samples);
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<AlertListeners>().SamplesAcceptedAsync(pilot.Id, samples, CancellationToken.None);
        return samples;
    }

    public static Task<List<Alert>> AlertsAsync(this FinPilotApp app, Guid projectId, RiskRuleKind kind, string? key = null) =>
        app.WithDbAsync(db => db.Alerts.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.Kind == kind && (key == null || a.RuleKey == key))
            .OrderBy(a => a.RaisedAt).ToListAsync());

    public static Task<Alert> AlertAsync(this FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>Resolves an alert as the Beijing working group would, through the API.</summary>
    public static async Task ResolveAsync(this FinPilotApp app, Guid alertId)
    {
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var response = await wg.PostAsync($"/api/v1/alerts/{alertId}/resolve", new { note = "已核实处理" });
        await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
    }

    /// <summary>Two alert clocks at once, as two nodes after a lease expired mid-run (they share the lease holder here).</summary>
    public static async Task RaceClocksAsync(this FinPilotApp app)
    {
        var jobs = Enumerable.Range(0, 2).Select(_ => new AlertClockJob(
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, app.Services.GetRequiredService<AlertOptions>(), NullLogger<AlertClockJob>.Instance)).ToList();
        var ran = await Task.WhenAll(jobs.Select(job => Task.Run(() => job.TryRunAsync(CancellationToken.None))));
        Assert.All(ran, Assert.True);
    }

    public static Task<string> UserIdAsync(this FinPilotApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
