namespace FinPilot.Web.Features.Demo;

public static class DemoSetup
{
    /// <summary>The demo's settings and its seeder (it seeds only when <c>Demo:Enabled</c>; see <see cref="DemoGuard"/>).</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions());
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    /// <summary>Tells the person who just ran the platform where it is and how to get in.</summary>
    public static void AnnounceDemo(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<DemoOptions>();
        if (!demo.Enabled)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", app.Urls);
            var lines = DemoData.Users.Select(u => $"  {u.Role,-22} {u.Email}");
            Console.WriteLine($"""

                FinPilot is running at {addresses}  (demo mode: sample data, two-factor not enforced)
                Demo accounts, password "{demo.Password}":
                {string.Join(Environment.NewLine, lines)}

                """);
        });
    }
}
