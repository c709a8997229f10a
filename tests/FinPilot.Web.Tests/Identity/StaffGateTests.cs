using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Identity;

/// <summary>Without demo mode, as in production: staff must enrol an authenticator, and one-time passwords must be replaced.</summary>
public sealed class StaffGateTests(AppsWithoutDemoData apps) : IClassFixture<AppsWithoutDemoData>
{
    [Theory, AllProviders]
    public async Task Staff_without_two_factor_get_403_from_the_api(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail("coordination");
        await app.CreateUserAsync(email, Role.CoordinationGroup);
        using var browser = await app.SignedInAsync(email);

        using var response = await browser.GetAsync("/api/v1/me");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("双因素", problem.Detail);
    }

    [Theory, AllProviders]
    public async Task Staff_without_two_factor_are_sent_from_pages_to_enrol_an_authenticator(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail("integrity");
        await app.CreateUserAsync(email, Role.IntegrityOfficer);
        using var browser = await app.SignedInAsync(email);

        using var home = await browser.GetAsync("/");
        using var enrol = await browser.GetAsync(StaffGateMiddleware.EnableAuthenticatorPath);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(StaffGateMiddleware.EnableAuthenticatorPath, home.RedirectPath());
        await enrol.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Theory, AllProviders]
    public async Task Staff_tokens_are_gated_like_cookies_until_two_factor_is_on(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var without = NewEmail("admin-without");
        var with = NewEmail("admin-with");
        await app.CreateUserAsync(without, Role.PlatformAdmin);
        await app.CreateUserAsync(with, Role.PlatformAdmin, twoFactor: true);
        using var blocked = await app.ApiClientAsync(without);
        using var enrolled = await app.ApiClientAsync(with);

        using var refused = await blocked.GetAsync("/api/v1/users");
        using var allowed = await enrolled.GetAsync("/api/v1/users");

        await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        await allowed.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Theory, AllProviders]
    public async Task Applicants_are_not_asked_for_two_factor(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail("applicant");
        await app.CreateUserAsync(email, Role.Applicant, organisationId: await NewOrganisationAsync(app));
        using var browser = await app.SignedInAsync(email);

        using var me = await browser.GetAsync("/api/v1/me");
        using var home = await browser.GetAsync("/");

        var body = await me.ReadAsync<MeApi.MeDto>();
        Assert.Equal(email, body.Email);
        await home.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Theory, AllProviders]
    public async Task A_one_time_password_must_be_changed_before_anything_else(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var email = NewEmail("first-time");
        var created = await app.CreateUserAsync(email, Role.Applicant, organisationId: await NewOrganisationAsync(app), password: null);
        using var browser = await app.SignedInAsync(email, created.OneTimePassword!);

        using var home = await browser.GetAsync("/");
        using var api = await browser.GetAsync("/api/v1/me");
        using var change = await browser.GetAsync(StaffGateMiddleware.ChangePasswordPath);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(StaffGateMiddleware.ChangePasswordPath, home.RedirectPath());
        await api.ReadProblemAsync(HttpStatusCode.Forbidden);
        await change.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.cn";

    private static async Task<Guid> NewOrganisationAsync(FinPilotApp app) =>
        await app.WithDbAsync(async db =>
        {
            var region = Region.Create("T" + Random.Shared.Next(1000, 9999), "测试地区", "Test region", null).Value!;
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var details = new OrganisationDetails("测试机构", "Test organisation", OrganisationType.Other, false, CreditCodes.NewValid(), region.Id);
            var organisation = Organisation.Create(details, Guid.CreateVersion7()).Value!;
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
}
