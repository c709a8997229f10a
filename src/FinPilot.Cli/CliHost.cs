using FinPilot.Web;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Features.Users;
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
        // The same modules as the web host (Program.cs). Their jobs are registered but never run:
        // a command builds the host for its services and never starts it.
        builder.AddFinPilotCore();
        builder.AddIdentity();
        builder.AddRegions();
        builder.AddOrganisations();
        builder.AddUsers();
        builder.AddApiTokens();
        builder.AddAudit();
        builder.AddCalendar();
        builder.AddNotifications();
        builder.AddCalls();
        builder.AddApplications();
        builder.AddEvaluation();
        builder.AddDeliberation();
        builder.AddDisclosure();
        builder.AddLedger();
        builder.AddSupervision();
        builder.AddObligations();
        builder.AddAlerts();
        builder.AddDemo();
        builder.AddIncidents();
        builder.AddProbing();
        return builder.Build();
    }

    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> action)
    {
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
