using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>
/// The whole web host in memory, on one provider and its own database, with a clock the tests
/// move. Demo mode seeds the sample world (<see cref="DemoUsers"/>) and lifts the staff two-factor
/// rule; tests of that rule run without it. <paramref name="configure"/> adds a test's own settings
/// and services after the common ones.
/// </summary>
public sealed class FinPilotApp(TestDatabase database, bool demoEnabled, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo#2026pilot";

    /// <summary>Starts at the real time so cookies and tokens look ordinary; only tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public DatabaseProvider Provider => database.Provider;

    public string ConnectionString => database.ConnectionString;

    public bool DemoEnabled => demoEnabled;

    /// <summary>Where this app's mail goes (the pickup directory): never into the checkout's <c>data/mail</c>.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "finpilot-tests", $"mail-{Guid.NewGuid():N}");

    /// <summary>The ledger's signing key, made by the app on first start (development) outside the checkout.</summary>
    public string LedgerKeyFile { get; } = Path.Combine(Path.GetTempPath(), "finpilot-tests", $"ledger-{Guid.NewGuid():N}.key");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings rather than app configuration: Program reads them while registering services,
        // before configuration added by the factory's callbacks would be seen.
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:FinPilot", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Enabled", demoEnabled ? "true" : "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Ledger:KeyFile", LedgerKeyFile);
        builder.UseSetting("Ledger:RunJob", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        });
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        File.Delete(LedgerKeyFile);
    }

    /// <summary>A client with no credentials that shows redirects instead of following them.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An API client acting as the user, through a personal token made directly in the database.</summary>
    public async Task<HttpClient> ApiClientAsync(string email) => ApiClient((await IssueTokenAsync(email)).Secret);

    public HttpClient ApiClient(string secret)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    /// <summary>Issues a token as the tokens API would, without going through it.</summary>
    public async Task<(Guid Id, string Secret)> IssueTokenAsync(string email, TimeSpan? lifetime = null)
    {
        return await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var now = Clock.GetUtcNow();
            var (token, secret) = ApiToken.Issue(user.Id, "integration test", now, now + (lifetime ?? TimeSpan.FromDays(300)));
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
            return (token.Id, secret);
        });
    }

    /// <summary>A cookie-keeping client that has signed in through the real login page.</summary>
    public async Task<BrowserSession> SignedInAsync(string email, string password = DemoPassword)
    {
        var session = Browser();
        using var response = await session.LogInAsync(email, password);
        Assert.True(
            session.IsSignedIn,
            $"{email} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        return session;
    }

    public BrowserSession Browser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser on another network: its requests come from <paramref name="remoteAddress"/>.</summary>
    public BrowserSession Browser(string remoteAddress)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, remoteAddress);
        return new BrowserSession(client);
    }

    /// <summary>Makes an account directly through the services; a null password gets a one-time password.</summary>
    public async Task<CreatedUser> CreateUserAsync(string email, Role role, int? regionId = null, Guid? organisationId = null, string? password = DemoPassword, bool twoFactor = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>().AsSystem();
        var created = await users.CreateAsync(new NewUser(email, email.Split('@')[0], password));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var user = created.Value!.User;
        var granted = await users.GrantAsync(user.Id, role, regionId, organisationId);
        Assert.True(granted.Succeeded, string.Join("; ", granted.Errors));
        if (twoFactor)
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
        }

        return created.Value;
    }

    /// <summary>Runs work with the app's services in a scope of its own, as a handler would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs work against the app's database in a scope of its own, as a handler would.</summary>
    public async Task<T> WithDbAsync<T>(Func<FinPilotDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FinPilotDbContext>());
    }
}

/// <summary>Test-only: a request's remote address taken from a header, as if it came from another network.</summary>
internal sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
            }

            return following(context);
        });
        next(app);
    };
}
