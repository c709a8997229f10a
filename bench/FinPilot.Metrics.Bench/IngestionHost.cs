using FinPilot.Domain.Metrics;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FinPilot.Metrics.Bench;

/// <summary>
/// The whole web host on Kestrel on a real port, over one provider and a fresh database, with the
/// demo world seeded (organisations and running pilots) and the rate limit lifted for the run.
/// Without <c>rules</c> no listener hears the samples, so no risk rule is evaluated: the baseline of the
/// rules' cost.
/// </summary>
internal sealed class IngestionHost(DatabaseProvider provider, string connectionString, string directory, bool rules = true) : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider => provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:FinPilot", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", "Bench#2026pilot");
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(directory, "mail"));
        builder.UseSetting("Ledger:KeyFile", Path.Combine(directory, "ledger.key"));
        builder.UseSetting("Ledger:RunJob", "false");
        builder.UseSetting("Metrics:Ingestion:RequestsPerSecond", "1000000");
        builder.UseSetting("Metrics:Ingestion:Burst", "1000000");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (!rules)
        {
            builder.ConfigureTestServices(services => services.RemoveAll<IMetricSampleListener>());
        }
    }

    /// <summary>A running pilot of the demo with a plan in force, and a new API client of its organisation.</summary>
    public async Task<(Guid ProjectId, string Secret, IReadOnlyList<string> Metrics)> PrepareAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = DateTimeOffset.UtcNow;
        var project = await db.Projects.FirstAsync(p => p.Stage == ProjectStage.Running);
        var terms = new SupervisionTerms
        {
            Metrics =
            [
                new MetricDefinition { Code = MetricCodes.Customers, NameZh = "累计服务客户数", Unit = "户", Kind = MetricKind.Gauge },
                new MetricDefinition { Code = MetricCodes.Transactions, NameZh = "交易笔数", Unit = "笔", Kind = MetricKind.Counter },
                new MetricDefinition { Code = MetricCodes.TransactionAmount, NameZh = "交易金额", Unit = "CNY", Kind = MetricKind.Counter },
                new MetricDefinition { Code = MetricCodes.Availability, NameZh = "系统可用率", Unit = "%", Kind = MetricKind.Gauge, LowerLimit = -1 },
            ],
            // Limits the samples never reach: every rule is evaluated, none raises an alert.
            Parameters = new TestParameters { CustomerCap = 100_000_000, AmountPerCustomerCap = 100_000_000, StartsOn = new DateOnly(2000, 1, 1), EndsOn = new DateOnly(2099, 12, 31) },
        };
        var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == project.Id);
        if (plan is null)
        {
            plan = SupervisionPlan.Draft(project, terms, now).ValueOrThrow();
            db.SupervisionPlans.Add(plan);
        }

        plan.Confirm(terms, now, "bench");
        var (client, secret) = ApiClient.Create(project.LeadOrganisationId, "bench", 30, now, "bench").ValueOrThrow();
        db.Add(client);
        await db.SaveChangesAsync();
        return (project.Id, secret, [.. terms.Metrics.Select(m => m.Code)]);
    }
}
