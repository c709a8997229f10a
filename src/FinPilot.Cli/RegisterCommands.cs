using System.CommandLine;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Cli;

/// <summary><c>finpilot register …</c>: maintenance of the public register's read model.</summary>
internal static class RegisterCommands
{
    public static Command Create()
    {
        var rebuild = new Command("rebuild", """
            Recreate the public register's read model (its rows and search index) from the public records,
            in one transaction: after an upgrade that added it, or to check it (the result is the same as the
            rows kept up to date with every public record).
            """);
        rebuild.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var db = services.GetRequiredService<FinPilotDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var rows = await RegisterProjection.RebuildAsync(db, cancellationToken);
            Console.WriteLine($"The register holds {rows} pilots (rebuilt in {started.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        }));

        var register = new Command("register", "The public register of pilots (试点名录).");
        register.Subcommands.Add(rebuild);
        return register;
    }
}
