using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Regions;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Commands;

public static class CommandsSetup
{
    /// <summary>
    /// The command pipeline and the resource handlers it authorises with; scoped, as they read the
    /// request's grants. Both hosts need them: the command line runs the same use cases.
    /// </summary>
    public static IServiceCollection AddFinPilotCommands(this IServiceCollection services)
    {
        services.AddAuthorizationCore();
        services.AddScoped<CommandPipeline>();
        services.AddScoped<IAuthorizationHandler, RegionScopedAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OrganisationAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, OrganisationScopeAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, MeetingAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, PlatformAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, RoundAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AssignmentAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ExpertAuthorizationHandler>();
        return services;
    }
}
