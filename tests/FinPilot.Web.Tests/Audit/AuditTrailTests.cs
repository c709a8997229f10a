using System.Data.Common;
using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Organisations.OrganisationsApi;
using static FinPilot.Web.Features.Users.UsersApi;

namespace FinPilot.Web.Tests.Audit;

/// <summary>Changes leave a line in the trail, written with the change, and the trail cannot be rewritten.</summary>
public sealed class AuditTrailTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Creating_and_updating_an_organisation_is_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var region = await app.RegionIdAsync("SH");
        var created = await shanghai.CreateAsync(region);
        using var update = await shanghai.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, "审计后名称"));
        await update.AssertStatusAsync(HttpStatusCode.OK);

        var entries = await EntriesForAsync(app, "organisation", created.Id.ToString());

        Assert.Equal([AuditActions.OrganisationCreated, AuditActions.OrganisationUpdated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(region, e.RegionId));
        Assert.All(entries, e => Assert.Equal(DemoUsers.WorkingGroupShanghai, e.ActorName));
        Assert.Contains("审计后名称", entries[1].Details, StringComparison.Ordinal);
        Assert.Contains(created.NameZh, entries[1].Details, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task A_refused_change_leaves_no_entry(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var created = await admin.CreateAsync(await app.RegionIdAsync("BJ"));

        using var refused = await shanghai.PutAsync($"{OrganisationRequests.Path}/{created.Id}", OrganisationRequests.Renamed(created, "越权"));

        await refused.AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal([AuditActions.OrganisationCreated], (await EntriesForAsync(app, "organisation", created.Id.ToString())).Select(e => e.Action));
    }

    [Theory, AllProviders]
    public async Task Creating_a_user_and_granting_a_role_is_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);
        using var created = await admin.PostAsync("/api/v1/users", new { email = $"audit.{Guid.NewGuid():N}@example.cn", displayName = "审计用户" });
        var user = (await created.ReadAsync<CreatedUserDto>(HttpStatusCode.Created)).User;

        using var granted = await admin.PostAsync($"/api/v1/users/{user.Id}/roles", new { role = nameof(Role.RegionalWorkingGroup), regionId = await app.RegionIdAsync("GZ") });

        await granted.AssertStatusAsync(HttpStatusCode.Created);
        var entries = await EntriesForAsync(app, "user", user.Id);
        Assert.Equal([AuditActions.UserCreated, AuditActions.RoleGranted], entries.Select(e => e.Action));
        Assert.Contains(nameof(Role.RegionalWorkingGroup), entries[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, entries.Select(e => e.ActorId));
    }

    [Theory, AllProviders]
    public async Task Audit_entries_cannot_be_changed_or_removed_through_the_context(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();

            db.Entry(entry).Property(e => e.Action).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return true;
        });
    }

    [Theory, AllProviders]
    public async Task The_database_refuses_to_rewrite_the_trail_even_around_the_context(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var first = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).FirstAsync());

        await app.WithDbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "rewritten")));
            await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == first.Id).ExecuteDeleteAsync());
            return true;
        });

        var after = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == first.Id));
        Assert.Equal(first.Action, after.Action);
    }

    private static Task<List<AuditEntry>> EntriesForAsync(FinPilotApp app, string resourceType, string resourceId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.ResourceType == resourceType && e.ResourceId == resourceId)
            .OrderBy(e => e.Id)
            .ToListAsync());
}
