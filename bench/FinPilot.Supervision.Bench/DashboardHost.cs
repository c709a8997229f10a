using System.Data.Common;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinPilot.Supervision.Bench;

/// <summary>
/// The whole web host on Kestrel on a real port, over one provider and a fresh database, with the
/// demo world seeded; <see cref="GrowAsync"/> then gives one region many running pilots, each with a
/// plan of 20 metrics in force and a year of monthly samples of every one.
/// </summary>
internal sealed class DashboardHost(DatabaseProvider provider, string connectionString, string directory) : WebApplicationFactory<Program>
{
    public const string Password = "Bench#2026pilot";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:FinPilot", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(directory, "mail"));
        builder.UseSetting("Ledger:KeyFile", Path.Combine(directory, "ledger.key"));
        builder.UseSetting("Ledger:RunJob", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    /// <summary>The id of the region whose code is <paramref name="code"/>.</summary>
    public async Task<int> RegionAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>Adds <paramref name="pilots"/> running pilots to the region (copies of one of its running pilots), each supervised.</summary>
    public async Task GrowAsync(int regionId, int pilots, int metrics, int months)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var terms = Terms(metrics, today);
        Guid template;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            template = await db.Projects.Where(p => p.RegionId == regionId && p.Stage == ProjectStage.Running).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var entity = db.Model.FindEntityType(typeof(PilotProject))!;
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var copy = connection.CreateCommand();
            copy.Transaction = transaction;
            var changed = new[] { "Id", "Title" };
            copy.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT " +
                string.Join(", ", columns.Select(c => changed.Contains(c) ? $"@{c}" : $"\"{c}\"")) + $" FROM \"{table}\" WHERE \"Id\" = @template";
            var id = Parameter(copy, "Id");
            var title = Parameter(copy, "Title");
            Parameter(copy, "template").Value = Key(template);
            for (var i = 0; i < pilots; i++)
            {
                id.Value = Key(Guid.NewGuid());
                title.Value = $"基准测试试点 {i:0000}";
                await copy.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        // Plans through the domain (drafted and confirmed as the working group would), samples as ingested.
        List<Guid> copies;
        await using (var scope = Services.CreateAsyncScope())
        {
            copies = await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Projects
                .Where(p => p.RegionId == regionId && p.Title.StartsWith("基准测试试点")).Select(p => p.Id).ToListAsync();
        }

        foreach (var chunk in copies.Chunk(50))
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            foreach (var project in await db.Projects.Where(p => chunk.Contains(p.Id)).ToListAsync())
            {
                var plan = SupervisionPlan.Draft(project, terms, now).ValueOrThrow();
                plan.Confirm(terms, now, "bench");
                db.SupervisionPlans.Add(plan);
                for (var m = 0; m < terms.Metrics.Count; m++)
                {
                    for (var month = 1; month <= months; month++)
                    {
                        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-month);
                        db.MetricSamples.Add(MetricSample.Record(
                            project.Id, terms.Metrics[m].Code, start, start.AddMonths(1).AddDays(-1), 100 + m + month, now, now, "urn:bench:dashboard", $"{project.Id:N}-{m}-{month}", null));
                    }
                }
            }

            await db.SaveChangesAsync();
        }

        object Key(Guid value) => provider == DatabaseProvider.Postgres ? value : value.ToString().ToUpperInvariant();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A plan with the standard metrics first (the dashboard draws three of them) and made-up ones up to <paramref name="metrics"/>.</summary>
    private static SupervisionTerms Terms(int metrics, DateOnly today)
    {
        string[] standard = [MetricCodes.Customers, MetricCodes.Availability, MetricCodes.Complaints, MetricCodes.Transactions, MetricCodes.TransactionAmount];
        return new SupervisionTerms
        {
            Metrics = [.. Enumerable.Range(0, metrics).Select(i => new MetricDefinition
            {
                Code = i < standard.Length ? standard[i] : $"bench_metric_{i:00}",
                NameZh = $"指标 {i}",
                NameEn = $"Metric {i}",
                Unit = "个",
                Kind = MetricKind.Gauge,
                Direction = i % 2 == 0 ? MetricDirection.HigherIsBetter : MetricDirection.HigherIsWorse,
                LowerLimit = i % 2 == 0 ? 1 : null,
                UpperLimit = i % 2 == 0 ? null : 1_000_000,
            })],
            Parameters = new TestParameters { CustomerCap = 1_000_000, StartsOn = today.AddYears(-1), EndsOn = today.AddYears(1) },
        };
    }
}
