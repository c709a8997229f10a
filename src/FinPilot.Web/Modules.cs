using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.ApiTokens;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Incidents;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Features.Metrics;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.PlanChanges;
using FinPilot.Web.Features.Probing;
using FinPilot.Web.Features.Regions;
using FinPilot.Web.Features.Scenarios;
using FinPilot.Web.Features.Search;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Features.Telemetry;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Features.Workbench;

namespace FinPilot.Web;

/// <summary>
/// The platform's modules, one row each: its services (<c>Add&lt;Module&gt;</c> in
/// <c>Features/&lt;Module&gt;/&lt;Module&gt;Setup.cs</c>) and its endpoints (<c>Map&lt;Module&gt;</c>), in
/// the order the hosts add and map them. The web host (Program.cs) and the command line's host
/// both take this one list, so they cannot drift apart. A new module is one row, at the end.
/// </summary>
public static class Modules
{
    private static readonly Module[] All =
    [
        new("Identity", b => b.AddIdentity(), a => a.MapIdentity()),
        new("Regions", b => b.AddRegions(), a => a.MapRegions()),
        new("Organisations", b => b.AddOrganisations(), a => a.MapOrganisations()),
        new("Users", b => b.AddUsers(), a => a.MapUsers()),
        new("ApiTokens", b => b.AddApiTokens(), a => a.MapApiTokens()),
        new("Audit", b => b.AddAudit(), a => a.MapAudit()),
        new("Calendar", b => b.AddCalendar(), a => a.MapCalendar()),
        new("Notifications", b => b.AddNotifications(), a => a.MapNotifications()),
        new("Calls", b => b.AddCalls(), a => a.MapCalls()),
        new("Applications", b => b.AddApplications(), a => a.MapApplications()),
        new("Evaluation", b => b.AddEvaluation(), a => a.MapEvaluation()),
        new("Deliberation", b => b.AddDeliberation(), a => a.MapDeliberation()),
        new("Disclosure", b => b.AddDisclosure(), a => a.MapDisclosure()),
        new("Ledger", b => b.AddLedger(), a => a.MapLedger()),
        new("Supervision", b => b.AddSupervision(), a => a.MapSupervision()),
        new("Obligations", b => b.AddObligations(), a => a.MapObligations()),
        new("Metrics", b => b.AddMetrics(), a => a.MapMetrics()),
        new("Alerts", b => b.AddAlerts(), a => a.MapAlerts()),
        new("Demo", b => b.AddDemo(), Map: null),
        new("Incidents", b => b.AddIncidents(), a => a.MapIncidents()),
        new("Probing", b => b.AddProbing(), a => a.MapProbing()),
        new("Corrections", b => b.AddCorrections(), a => a.MapCorrections()),
        new("Disposal", b => b.AddDisposal(), a => a.MapDisposal()),
        new("PlanChanges", b => b.AddPlanChanges(), a => a.MapPlanChanges()),
        new("Telemetry", b => b.AddTelemetry(), a => a.MapTelemetry()),
        new("Integrity", b => b.AddIntegrity(), a => a.MapIntegrity()),
        new("Scenarios", b => b.AddScenarios(), a => a.MapScenarios()),
        new("Statistics", b => b.AddStatistics(), a => a.MapStatistics()),
        new("Exit", b => b.AddExit(), a => a.MapExit()),
        new("Casebooks", b => b.AddCasebooks(), a => a.MapCasebooks()),
        new("Workbench", b => b.AddWorkbench(), a => a.MapWorkbench()),
        new("Search", b => b.AddSearch(), a => a.MapSearch()),
    ];

    /// <summary>The modules' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(m => m.Name)];

    /// <summary>Adds every module's services to the host.</summary>
    public static IHostApplicationBuilder AddModules(this IHostApplicationBuilder builder)
    {
        foreach (var module in All)
        {
            module.Add(builder);
        }

        return builder;
    }

    /// <summary>Maps every module's endpoints (a module with no endpoints maps nothing).</summary>
    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in All)
        {
            module.Map?.Invoke(app);
        }

        return app;
    }

    private sealed record Module(string Name, Action<IHostApplicationBuilder> Add, Action<IEndpointRouteBuilder>? Map);
}
