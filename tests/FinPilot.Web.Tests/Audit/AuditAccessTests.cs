using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using static FinPilot.Web.Features.Audit.AuditApi;

namespace FinPilot.Web.Tests.Audit;

public sealed class AuditAccessTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Path = "/api/v1/audit";

    [Theory, AllProviders]
    public async Task Integrity_officer_reads_the_trail(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);

        var page = await (await integrity.GetAsync($"{Path}?action={AuditActions.RoleGranted}")).ReadAsync<Page<AuditEntryDto>>();

        // The demo seed granted one role to each demo user.
        Assert.True(page.Total >= 8, $"only {page.Total} role grants in the trail");
        Assert.All(page.Items, e => Assert.Equal(AuditActions.RoleGranted, e.Action));
        Assert.Equal(page.Items.OrderByDescending(e => e.Id).Select(e => e.Id), page.Items.Select(e => e.Id));
    }

    [Theory, AllProviders]
    public async Task Admin_reads_the_trail(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var response = await admin.GetAsync(Path);

        Assert.NotEmpty((await response.ReadAsync<Page<AuditEntryDto>>()).Items);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DemoUsers.Applicant)]
    [InlineData(DatabaseProvider.Sqlite, DemoUsers.WorkingGroupBeijing)]
    [InlineData(DatabaseProvider.Sqlite, DemoUsers.Coordination)]
    [InlineData(DatabaseProvider.Postgres, DemoUsers.Applicant)]
    [InlineData(DatabaseProvider.Postgres, DemoUsers.WorkingGroupBeijing)]
    [InlineData(DatabaseProvider.Postgres, DemoUsers.Coordination)]
    public async Task Others_cannot_read_the_trail(DatabaseProvider provider, string email)
    {
        var app = await apps.StartAsync(provider);
        using var client = await app.ApiClientAsync(email);

        using var response = await client.GetAsync(Path);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
