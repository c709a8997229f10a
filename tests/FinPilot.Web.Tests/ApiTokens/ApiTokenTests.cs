using System.Net;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Web.Features.ApiTokens.ApiTokensApi;

namespace FinPilot.Web.Tests.ApiTokens;

public sealed class ApiTokenTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Path = "/api/v1/tokens";

    [Theory, AllProviders]
    public async Task Unauthenticated_api_call_gets_401_problem(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/organisations");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task Unknown_or_malformed_tokens_get_401(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var unknown = app.ApiClient("fpt_" + new string('x', 43));
        using var malformed = app.ApiClient("not-a-finpilot-token");

        using var first = await unknown.GetAsync("/api/v1/me");
        using var second = await malformed.GetAsync("/api/v1/me");

        await first.ReadProblemAsync(HttpStatusCode.Unauthorized);
        await second.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task Token_created_through_the_api_works_until_revoked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var owner = await app.ApiClientAsync(DemoUsers.Secretariat);

        using var created = await owner.PostAsync(Path, new { name = "报送系统", expiresInDays = 30 });
        var token = await created.ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var machine = app.ApiClient(token.Secret);
        using var before = await machine.GetAsync("/api/v1/me");
        using var revoked = await owner.DeleteAsync($"{Path}/{token.Token.Id}");
        using var after = await machine.GetAsync("/api/v1/me");

        Assert.StartsWith(token.Token.Hint, token.Secret, StringComparison.Ordinal);
        Assert.Equal(DemoUsers.Secretariat, (await before.ReadAsync<MeApi.MeDto>()).Email);
        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await after.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task Expired_token_gets_401(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (_, secret) = await app.IssueTokenAsync(DemoUsers.Expert, TimeSpan.FromDays(1));
        using var client = app.ApiClient(secret);
        using var fresh = await client.GetAsync("/api/v1/me");

        // Other tokens of this class live 300 days; two days later only this one has run out.
        app.Clock.Advance(TimeSpan.FromDays(2));
        using var expired = await client.GetAsync("/api/v1/me");

        await fresh.AssertStatusAsync(HttpStatusCode.OK);
        await expired.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task Nobody_revokes_another_users_token(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (id, secret) = await app.IssueTokenAsync(DemoUsers.Coordination);
        using var admin = await app.ApiClientAsync(DemoUsers.Admin);

        using var attempt = await admin.DeleteAsync($"{Path}/{id}");
        using var still = await app.ApiClient(secret).GetAsync("/api/v1/me");

        await attempt.ReadProblemAsync(HttpStatusCode.NotFound);
        await still.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Theory, AllProviders]
    public async Task Listing_shows_the_callers_tokens_without_secrets(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (id, _) = await app.IssueTokenAsync(DemoUsers.Integrity);
        var (othersId, _) = await app.IssueTokenAsync(DemoUsers.Admin);
        using var client = await app.ApiClientAsync(DemoUsers.Integrity);

        using var response = await client.GetAsync(Path);

        var body = await response.Content.ReadAsStringAsync();
        var tokens = await response.ReadAsync<List<ApiTokenDto>>();
        Assert.Contains(tokens, t => t.Id == id);
        Assert.DoesNotContain(tokens, t => t.Id == othersId);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllProviders]
    public async Task Creating_and_revoking_tokens_is_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var owner = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        using var created = await owner.PostAsync(Path, new { name = "审计测试" });
        var token = await created.ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var revoked = await owner.DeleteAsync($"{Path}/{token.Token.Id}");

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ResourceType == "api-token" && e.ResourceId == token.Token.Id.ToString()).ToListAsync());
        Assert.Equal([AuditActions.TokenCreated, AuditActions.TokenRevoked], entries.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(DemoUsers.WorkingGroupBeijing, e.ActorName));
        Assert.All(entries, e => Assert.DoesNotContain(token.Secret, e.Details ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory, AllProviders]
    public async Task Token_name_and_lifetime_are_checked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var owner = await app.ApiClientAsync(DemoUsers.Expert);

        using var response = await owner.PostAsync(Path, new { name = " ", expiresInDays = 1000 });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["ExpiresInDays", "Name"], problem.Errors.Keys.Order());
    }
}
