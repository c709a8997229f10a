using FinPilot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinPilot.Cli;

/// <summary>The platform's services without the web server, configured like the web host.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The same modules as the web host (Modules.cs). Their jobs are registered but never run:
        // a command builds the host for its services and never starts it.
        builder.AddFinPilotCore();
        builder.AddModules();
        return builder.Build();
    }

    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> action)
    {
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
