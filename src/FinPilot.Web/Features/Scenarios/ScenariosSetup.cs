using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Scenarios;

public static class ScenariosSetup
{
    /// <summary>The scenario matching module (应用场景对接): scenarios, solutions, subscriptions, explained recommendations, the Atom feed.</summary>
    public static IHostApplicationBuilder AddScenarios(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<VisibleScenarios>();
        builder.Services.AddScoped<ScenarioCommands>();
        builder.Services.AddScoped<SolutionCommands>();
        builder.Services.AddScoped<ScenarioQueries>();
        builder.Services.AddScoped<ScenarioWorkspace>();
        builder.Services.AddScoped<JointApplications>();
        builder.Services.AddScoped<ScenarioFunnel>();
        builder.Services.AddScoped<MatchCommands>();
        builder.Services.AddScoped<ScenarioNotifications>();
        builder.Services.AddScoped<ScenarioRecommender>();
        builder.Services.AddSingleton<ScenarioIndex>();
        builder.Services.AddAuditMap<ScenarioAuditMap>();
        builder.Services.AddAuditMap<SolutionAuditMap>();
        builder.Services.AddAuditMap<MatchAuditMap>();
        builder.Services.AddAuditMap<RoadshowAuditMap>();
        builder.Services.AddAuditMap<CoachingAuditMap>();
        builder.Services.AddScoped<RoadshowCommands>();
        builder.Services.AddScoped<CoachingCommands>();
        builder.Services.AddScoped<IAuthorizationHandler, ScenarioAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder app) => app.MapScenariosApi().MapRoadshowsApi().MapScenarioFeed();
}
