using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(FinPilot.Browser.Tests.Infrastructure.BrowserApp))]

// One app and one clock serve every test; a test that moves the clock must not run beside one that relies on it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FinPilot.Browser.Tests.Infrastructure;

/// <summary>
/// The platform on a real socket (Kestrel, port chosen by the OS) with demo data in a throwaway
/// SQLite file, and Debian's Chromium driven by Playwright. One of each for the whole run.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("finpilot-browser-").FullName;
    private Factory? _factory;
    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }

    public IBrowser? Browser { get; private set; }

    /// <summary>The app's clock: tests move it (a notice period ending, say); it stands still otherwise.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The ledger's verifier key: the app signs with a key made for this run (outside Development it makes none).</summary>
    public string LedgerKey { get; private set; } = string.Empty;

    /// <summary>The app's services, for finding the records a test starts from.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath} (Debian package 'chromium').";
            return;
        }

        var ledgerKeyFile = Path.Combine(_directory, "ledger.key");
        LedgerKey = Web.Features.Ledger.LedgerKey.WriteNewKey(ledgerKeyFile, "browser.test/ledger");
        _factory = new Factory(Path.Combine(_directory, "browser.db"), ledgerKeyFile, Clock);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>The demo's Beijing call that is open for applications now.</summary>
    public async Task<Guid> OpenBeijingCallAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = Clock.GetUtcNow();
        var beijing = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "BJ");
        var calls = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.RegionId == beijing.Id).ToListAsync();
        return calls.First(c => c.IsOpenAt(now)).Id;
    }

    /// <summary>A fresh browser context (its own cookies) that opens pages of the app.</summary>
    /// <summary>One pass of the ledger job (tests run it, so that it never runs beside a clock jump).</summary>
    public async Task RunLedgerAsync() =>
        Assert.True(await Services.GetRequiredService<Web.Features.Ledger.LedgerJob>().TryRunAsync(CancellationToken.None), "The ledger job could not take its lease.");

    public async Task<IPage> NewPageAsync()
    {
        if (SkipReason is not null)
        {
            // In CI a missing browser is a broken build, not a reason to pass quietly.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(SkipReason);
            }

            Assert.Skip(SkipReason);
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "zh-CN", AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is cleaned by the OS.
        }
    }

    private sealed class Factory(string databasePath, string ledgerKeyFile, TimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");

            // Outside Development the host only looks in wwwroot, where a build (unlike a publish)
            // has no pre-compressed files; the manifest tells it where the build put them.
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            builder.UseSetting("ConnectionStrings:FinPilot", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Enabled", "true");

            // Demo mode outside Development needs its second, explicit setting.
            builder.UseSetting("Demo:AllowOutsideDevelopment", "true");
            builder.UseSetting("Ledger:KeyFile", ledgerKeyFile);
            builder.UseSetting("Ledger:RunJob", "false");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}
