using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>
/// The lists of obligations, in the API and on the pages: filtered, sorted and paged in SQL, and
/// each denial (another organisation's applicant, another region's working group, a role that
/// reads no obligations) answered 403, an unknown one 404.
/// </summary>
public sealed class ObligationListTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Api = "/api/v1/obligations";

    [Theory, AllProviders]
    public async Task The_working_group_pages_its_regions_obligations_by_due_date_and_filters_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var mine = $"{Api}?projectId={w.Jinghua.Id}&kind=ReportSupplement";

        var first = await (await wg.GetAsync($"{mine}&pageSize=2")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        var second = await (await wg.GetAsync($"{mine}&pageSize=2&page=2")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        var third = await (await wg.GetAsync($"{mine}&pageSize=2&page=3")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(5, first.Total);
        Assert.Equal(w.ByDue, first.Items.Concat(second.Items).Concat(third.Items).Select(o => o.Id));
        Assert.Equal([2, 2, 1], new[] { first, second, third }.Select(p => p.Items.Count));

        var overdue = await (await wg.GetAsync($"{mine}&overdue=true")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(w.Overdue.Id, Assert.Single(overdue.Items).Id);
        Assert.True(overdue.Items[0].Overdue);
        var notOverdue = await (await wg.GetAsync($"{mine}&overdue=false")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(4, notOverdue.Total);
        Assert.DoesNotContain(notOverdue.Items, o => o.Overdue);

        var fulfilled = await (await wg.GetAsync($"{mine}&status=Fulfilled")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(w.Fulfilled.Id, Assert.Single(fulfilled.Items).Id);
        Assert.Equal(ObligationStatus.Fulfilled, fulfilled.Items[0].Status);

        var region = await (await wg.GetAsync($"{Api}?regionId={w.Beijing}&projectId={w.Registry.Id}&kind=ReportSupplement")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(w.RegistryOne.Id, Assert.Single(region.Items).Id);
        Assert.Equal(w.Jinghua.Title, first.Items[0].ProjectTitle);
    }

    [Theory, AllProviders]
    public async Task An_applicant_sees_its_own_organisations_obligations_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);

        var own = await (await applicant.GetAsync($"{Api}?kind=ReportSupplement&pageSize=100")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.All(own.Items, o => Assert.Equal(w.Jinghua.OrganisationId, o.OrganisationId));
        Assert.Contains(own.Items, o => o.Id == w.Overdue.Id);
        Assert.DoesNotContain(own.Items, o => o.Id == w.RegistryOne.Id);

        var one = await (await applicant.GetAsync($"{Api}/{w.Overdue.Id}")).ReadAsync<ObligationsApi.ObligationDto>();
        Assert.Equal((ObligationKind.ReportSupplement, true), (one.Kind, one.Overdue));
    }

    [Theory, AllProviders]
    public async Task An_applicant_of_another_organisation_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        using var other = await app.ApiClientAsync(w.RegistryApplicant);

        await (await other.GetAsync($"{Api}/{w.Overdue.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"{Api}?organisationId={w.Jinghua.OrganisationId}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // Its own list holds its own organisation's only.
        var own = await (await other.GetAsync($"{Api}?kind=ReportSupplement&pageSize=100")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Contains(own.Items, o => o.Id == w.RegistryOne.Id);
        Assert.All(own.Items, o => Assert.Equal(w.Registry.OrganisationId, o.OrganisationId));
    }

    [Theory, AllProviders]
    public async Task The_working_group_of_another_region_is_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);

        await (await shanghai.GetAsync($"{Api}/{w.Overdue.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await shanghai.GetAsync($"{Api}?regionId={w.Beijing}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // Unfiltered, its list is its own region's: none of Beijing's.
        var own = await (await shanghai.GetAsync($"{Api}?projectId={w.Jinghua.Id}")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Equal(0, own.Total);
    }

    [Theory, AllProviders]
    public async Task Integrity_officers_and_the_coordination_group_read_every_region_and_experts_nothing(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        foreach (var reader in new[] { DemoUsers.Integrity, DemoUsers.Coordination })
        {
            using var client = await app.ApiClientAsync(reader);
            var list = await (await client.GetAsync($"{Api}?regionId={w.Beijing}&projectId={w.Jinghua.Id}&kind=ReportSupplement")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
            Assert.Equal(5, list.Total);
            await (await client.GetAsync($"{Api}/{w.RegistryOne.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        }

        using var expert = await app.ApiClientAsync(DemoUsers.Expert);
        await (await expert.GetAsync(Api)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await expert.GetAsync($"{Api}/{w.Overdue.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, AllProviders]
    public async Task Unknown_obligations_are_404_and_bad_filters_400(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        await (await wg.GetAsync($"{Api}/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await wg.GetAsync($"{Api}?kind=Bogus")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await wg.GetAsync($"{Api}?kind=99")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await wg.GetAsync($"{Api}?overdue=maybe")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await app.Anonymous().GetAsync(Api)).AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task The_applicants_to_do_list_puts_open_ones_first_and_marks_the_overdue_in_both_languages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);
        using var session = await app.SignedInAsync(DemoUsers.Applicant);

        var html = await session.Client.GetStringAsync("/obligations");
        Assert.Contains(ObligationsStrings.ResourceManager.GetString("Todo_Title", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))!, html, StringComparison.Ordinal);
        Assert.Contains("报告补充", html, StringComparison.Ordinal);
        Assert.Contains("已逾期", Row(html, w.Overdue.Id), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"overdue\"", Row(html, w.Soon.Id), StringComparison.Ordinal);
        Assert.DoesNotContain(w.RegistryOne.Id.ToString(), html, StringComparison.Ordinal);

        // Open first: the fulfilled one, due before the open ones still coming, comes after them.
        var positions = w.Open.Select(o => html.IndexOf(o.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        // The demo's own met duties of the institution (due earlier) may fill the rest of the first page: look on.
        var pageNumber = 1;
        var withFulfilled = html;
        while (!withFulfilled.Contains(w.Fulfilled.Id.ToString(), StringComparison.Ordinal) && pageNumber < 20)
        {
            withFulfilled = await session.Client.GetStringAsync($"/obligations?page={++pageNumber}");
        }

        var fulfilledAt = withFulfilled.IndexOf(w.Fulfilled.Id.ToString(), StringComparison.Ordinal);
        Assert.True(fulfilledAt > 0, "the fulfilled obligation is on no page");
        Assert.True(pageNumber > 1 || fulfilledAt > positions.Max());

        var english = await session.Client.GetStringAsync("/obligations?culture=en");
        Assert.Contains("Report supplement", english, StringComparison.Ordinal);
        Assert.Contains("Overdue", Row(english, w.Overdue.Id), StringComparison.Ordinal);
        var englishFulfilled = await session.Client.GetStringAsync($"/obligations?culture=en&page={pageNumber}");
        Assert.Contains("Fulfilled", Row(englishFulfilled, w.Fulfilled.Id), StringComparison.Ordinal);
        Assert.DoesNotContain(">ReportSupplement<", english, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_regional_list_filters_for_its_working_group_and_refuses_others(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var w = await WorldAsync(app);

        using (var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            var html = await wg.Client.GetStringAsync($"/obligations/region?region={w.Beijing}&kind=ReportSupplement&overdue=true");
            Assert.Contains(w.Overdue.Id.ToString(), html, StringComparison.Ordinal);
            Assert.DoesNotContain(w.Soon.Id.ToString(), html, StringComparison.Ordinal);
            Assert.DoesNotContain(w.Fulfilled.Id.ToString(), html, StringComparison.Ordinal);
        }

        using (var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai))
        {
            using var refused = await shanghai.GetAsync($"/obligations/region?region={w.Beijing}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var own = await shanghai.Client.GetStringAsync("/obligations/region");
            Assert.DoesNotContain(w.Overdue.Id.ToString(), own, StringComparison.Ordinal);
        }

        using (var applicant = await app.SignedInAsync(DemoUsers.Applicant))
        {
            using var refused = await applicant.GetAsync("/obligations/region");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var integrity = await app.SignedInAsync(DemoUsers.Integrity))
        {
            var html = await integrity.Client.GetStringAsync($"/obligations/region?region={w.Beijing}&kind=ReportSupplement");
            Assert.Contains(w.Overdue.Id.ToString(), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Visibility_follows_the_grants()
    {
        static SupervisedScope Of(params RoleGrant[] grants) => SupervisedScope.Of(grants);
        var region = Grants.Beijing;
        Assert.True(Of(Grants.Integrity).Allows(region, Grants.Lead));
        Assert.True(Of(Grants.Coordination).Everything);
        Assert.True(Of(Grants.Admin).Everything);
        Assert.True(Of(Grants.WorkingGroupBeijing).Allows(Grants.Beijing, null));
        Assert.False(Of(Grants.WorkingGroupShanghai).Allows(Grants.Beijing, null));
        Assert.True(Of(Grants.LeadApplicant).Allows(null, Grants.Lead));
        Assert.False(Of(Grants.OtherApplicant).Allows(null, Grants.Lead));
        Assert.False(Of(Grants.OtherApplicant).Allows(Grants.Beijing, null));
        Assert.True(Of(Grants.OtherApplicant).Allows(null, null));
        Assert.False(Of(Grants.Expert).Allows(null, null));
        Assert.False(Of(Grants.SecretariatBeijing).Allows(null, null));
    }

    private static string Row(string html, Guid id)
    {
        var start = html.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No row for {id}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private sealed record World(
        int Beijing, Pilot Jinghua, Pilot Registry, Obligation Overdue, Obligation Fulfilled, Obligation Soon, IReadOnlyList<Obligation> Open,
        IReadOnlyList<Guid> ByDue, Obligation RegistryOne, string RegistryApplicant);

    // xUnit makes a class instance per test; the world belongs to the app, which the class fixture keeps.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FinPilotApp, Task<World>> Worlds = [];

    /// <summary>
    /// Five report supplements of 京华证券's pilot (one overdue, one fulfilled, three coming) and one
    /// of the registry's, made once per app; no other test here makes that kind.
    /// </summary>
    private static Task<World> WorldAsync(FinPilotApp app) => Worlds.GetValue(app, MakeWorldAsync);

    private static async Task<World> MakeWorldAsync(FinPilotApp app)
    {
        var jinghua = await app.PilotOfAsync(ObligationTestKit.JinghuaCode);
        var registry = await app.PilotOfAsync(ObligationTestKit.RegistryCode);
        var now = app.Clock.GetUtcNow();
        var overdue = await app.AddObligationAsync(jinghua, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(-2));
        var fulfilled = await app.AddObligationAsync(jinghua, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(-1));
        var soon = await app.AddObligationAsync(jinghua, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(1));
        var later = await app.AddObligationAsync(jinghua, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(3));
        var last = await app.AddObligationAsync(jinghua, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(5));
        // The obligation clock runs in the app and may stamp this overdue duty between our read and our write.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await app.WithDbAsync(async db =>
                {
                    var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Obligations, o => o.Id == fulfilled.Id);
                    Assert.True(stored.Fulfil(now, "applicant").Succeeded);
                    return await db.SaveChangesAsync();
                });
                break;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) when (attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
        var registryOne = await app.AddObligationAsync(registry, ObligationKind.ReportSupplement, ObligationTestKit.NewSubject(), now.AddDays(2));
        var email = $"registry-{Guid.NewGuid():N}@example.cn";
        await app.CreateUserAsync(email, Role.Applicant, organisationId: registry.OrganisationId);
        return new World(
            await app.RegionIdAsync("BJ"), jinghua, registry, overdue, fulfilled, soon, [overdue, soon, later, last],
            [overdue.Id, fulfilled.Id, soon.Id, later.Id, last.Id], registryOne, email);
    }
}
