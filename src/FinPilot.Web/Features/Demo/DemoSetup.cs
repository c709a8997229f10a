namespace FinPilot.Web.Features.Demo;

public static class DemoSetup
{
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
