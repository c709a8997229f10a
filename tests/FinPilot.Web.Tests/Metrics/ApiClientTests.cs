using System.Net;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.Metrics.MetricsApi;
using static FinPilot.Web.Tests.Metrics.MetricsTestKit;

namespace FinPilot.Web.Tests.Metrics;

public sealed class ApiClientTests(MetricsApps apps) : IClassFixture<MetricsApps>
{
    [Theory, AllProviders]
    public async Task An_applicant_creates_a_client_rotates_it_with_both_secrets_working_then_retires_the_old_and_revokes(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, organisationId) = await PilotAsync(app, JinghuaCode);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var source = UniqueSource();

        using var created = await applicant.PostAsync($"/api/v1/organisations/{organisationId}/api-clients", new { name = "核心系统报送", expiresInDays = 30 });
        var client = await created.ReadAsync<CreatedApiClientDto>(HttpStatusCode.Created);
        using var rotated = await applicant.PostAsync($"/api/v1/api-clients/{client.Client.Id}/rotate", new { expiresInDays = 60 });
        var second = await rotated.ReadAsync<RotatedSecretDto>();
        using var oldMachine = Machine(app, client.Secret);
        using var newMachine = Machine(app, second.Value);
        using var byOld = await SendOneAsync(oldMachine, projectId, Event("old", source: source));
        using var byNew = await SendOneAsync(newMachine, projectId, Event("new", source: source));
        using var third = await applicant.PostAsync($"/api/v1/api-clients/{client.Client.Id}/rotate", new { expiresInDays = 60 });
        using var retired = await applicant.DeleteAsync($"/api/v1/api-clients/{client.Client.Id}/secrets/{client.Client.Secrets[0].Id}");
        using var oldAfterRetire = await SendOneAsync(oldMachine, projectId, Event("old-2", source: source));
        using var newAfterRetire = await SendOneAsync(newMachine, projectId, Event("new-2", source: source));
        using var revoked = await applicant.DeleteAsync($"/api/v1/api-clients/{client.Client.Id}");
        using var newAfterRevoke = await SendOneAsync(newMachine, projectId, Event("new-3", source: source));
        using var listed = await applicant.GetAsync($"/api/v1/organisations/{organisationId}/api-clients");
        var list = await listed.ReadAsync<List<ApiClientDto>>();

        Assert.StartsWith(ApiClient.SecretPrefix, client.Secret, StringComparison.Ordinal);
        Assert.NotEqual(client.Secret, second.Value);
        await byOld.AssertStatusAsync(HttpStatusCode.OK);
        await byNew.AssertStatusAsync(HttpStatusCode.OK);
        await third.ReadProblemAsync(HttpStatusCode.Conflict);
        await retired.AssertStatusAsync(HttpStatusCode.NoContent);
        await oldAfterRetire.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await newAfterRetire.AssertStatusAsync(HttpStatusCode.OK);
        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await newAfterRevoke.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var shown = Assert.Single(list, c => c.Id == client.Client.Id);
        Assert.NotNull(shown.RevokedAt);
        Assert.Equal(2, shown.Secrets.Count);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ResourceType == AuditResource.ApiClient.Name && a.ResourceId == client.Client.Id.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [ApiClientAdministration.Actions.Created, ApiClientAdministration.Actions.Revoked, ApiClientAdministration.Actions.Rotated, ApiClientAdministration.Actions.SecretRetired],
            audited.Order());
        Assert.DoesNotContain(await app.WithDbAsync(db => db.ApiClientSecrets.Select(s => s.Hash).ToListAsync()), h => h == client.Secret || h == second.Value);
    }

    [Theory, AllProviders]
    public async Task Only_the_organisations_applicants_and_administrators_manage_its_clients(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, jinghua) = await PilotAsync(app, JinghuaCode);
        var (_, yanshan) = await PilotAsync(app, YanshanCode);
        var (clientId, _) = await ClientAsync(app, yanshan);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var workingGroup = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var otherList = await applicant.GetAsync($"/api/v1/organisations/{yanshan}/api-clients");
        using var otherCreate = await applicant.PostAsync($"/api/v1/organisations/{yanshan}/api-clients", new { name = "x", expiresInDays = 30 });
        using var otherRevoke = await applicant.DeleteAsync($"/api/v1/api-clients/{clientId}");
        using var staffList = await workingGroup.GetAsync($"/api/v1/organisations/{jinghua}/api-clients");
        using var unknown = await applicant.DeleteAsync($"/api/v1/api-clients/{Guid.NewGuid()}");
        using var adminList = await admin.GetAsync($"/api/v1/organisations/{yanshan}/api-clients");
        using var badLifetime = await applicant.PostAsync($"/api/v1/organisations/{jinghua}/api-clients", new { name = "x", expiresInDays = 999 });

        await otherList.ReadProblemAsync(HttpStatusCode.Forbidden);
        await otherCreate.ReadProblemAsync(HttpStatusCode.Forbidden);
        await otherRevoke.ReadProblemAsync(HttpStatusCode.Forbidden);
        await staffList.ReadProblemAsync(HttpStatusCode.Forbidden);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(await adminList.ReadAsync<List<ApiClientDto>>(), c => c.Id == clientId);
        var problem = await badLifetime.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ExpiresInDays", problem.Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task The_page_shows_a_new_secret_once_and_lists_the_organisations_clients(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, jinghua) = await PilotAsync(app, JinghuaCode);
        var (_, secret) = await ClientAsync(app, jinghua);
        using var session = await app.SignedInAsync(DemoUsers.Applicant);

        using var page = await session.GetAsync($"/supervision/api-clients?organisation={jinghua}");
        var html = await page.Content.ReadAsStringAsync();

        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("测试报送系统", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"api-clients\"", html, StringComparison.Ordinal);
        // The list names a client by the first characters of its secret, never the whole secret.
        Assert.Contains(secret[..(ApiClient.SecretPrefix.Length + 6)] + "…", html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..(ApiClient.SecretPrefix.Length + 12)], html, StringComparison.Ordinal);
    }
}
