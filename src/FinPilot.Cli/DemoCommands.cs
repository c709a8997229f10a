using System.CommandLine;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli;

internal static class DemoCommands
{
    public static Command Create()
    {
        var seed = new Command("seed", "Load the demo data (five regions, a dozen organisations, one account per role with the documented demo password). Adds only what is missing; never use on a production database.");
        seed.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            await DatabaseMigrator.MigrateAsync(services, cancellationToken);
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            var password = services.GetRequiredService<DemoOptions>().Password;
            Console.WriteLine($"Demo data loaded. Accounts (password \"{password}\"):");
            foreach (var user in DemoData.Users)
            {
                Console.WriteLine($"  {user.Role,-22} {user.Email}");
            }

            return 0;
        }));

        var demo = new Command("demo", "Demonstration data.");
        demo.Subcommands.Add(seed);
        return demo;
    }
}
