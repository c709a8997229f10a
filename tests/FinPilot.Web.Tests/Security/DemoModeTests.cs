using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FinPilot.Web.Tests.Security;

public sealed class DemoModeTests(EnvironmentApps apps, PostgresServer postgres) : IClassFixture<EnvironmentApps>
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Demo_mode_outside_development_without_the_second_setting_is_refused(string environment)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DemoGuard.Check(Settings(demo: true, allow: false), Host(environment)));

        Assert.Contains(DemoGuard.AllowOutsideDevelopmentSetting, refused.Message, StringComparison.Ordinal);
        DemoGuard.Check(Settings(demo: true, allow: true), Host(environment));
        DemoGuard.Check(Settings(demo: false, allow: false), Host(environment));
        DemoGuard.Check(Settings(demo: true, allow: false), Host(Environments.Development));
    }

    [Fact]
    public async Task The_web_host_does_not_start_in_production_with_demo_mode_alone()
    {
        await using var database = await TestDatabase.CreateAsync(Web.Data.DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: true, builder => builder.UseEnvironment(Environments.Production));

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(DemoGuard.AllowOutsideDevelopmentSetting, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_says_it_is_a_demonstration_when_demo_mode_is_allowed_in_production()
    {
        var app = await apps.ProductionAsync();
        using var anonymous = EnvironmentApps.Https(app);
        using var staff = new BrowserSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://finpilot.example/") }));
        using var signIn = await staff.LogInAsync(DemoUsers.Admin, FinPilotApp.DemoPassword);

        foreach (var page in new[] { "/", "/calls", "/notices", "/Account/Login" })
        {
            Assert.Contains("data-testid=\"demo-banner\"", await anonymous.GetStringAsync(page), StringComparison.Ordinal);
        }

        anonymous.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Contains("Demonstration instance", await anonymous.GetStringAsync("/calls"), StringComparison.Ordinal);
        Assert.Contains("演示环境", await (await staff.GetAsync("/admin/users")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_demo_mode_there_is_no_banner()
    {
        await using var database = await TestDatabase.CreateAsync(Web.Data.DatabaseProvider.Sqlite, postgres);
        await using var app = new FinPilotApp(database, demoEnabled: false, builder => builder.UseEnvironment(Environments.Production).UseSetting("https_port", "443"));
        using var client = EnvironmentApps.Https(app);

        var html = await client.GetStringAsync("/calls");

        Assert.Contains("<main", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(bool demo, bool allow) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = demo ? "true" : "false",
            [DemoGuard.AllowOutsideDevelopmentSetting] = allow ? "true" : "false",
        }).Build();

    private static IHostEnvironment Host(string name) => new TestHostEnvironment { EnvironmentName = name };

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "FinPilot.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
