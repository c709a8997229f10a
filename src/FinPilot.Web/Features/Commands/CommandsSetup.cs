namespace FinPilot.Web.Features.Commands;

public static class CommandsSetup
{
    /// <summary>
    /// The command pipeline and the authorisation service it asks; scoped, as they read the
    /// request's grants. Both hosts need them: the command line runs the same use cases. Each
    /// module registers the resource handlers of its own records.
    /// </summary>
    public static IServiceCollection AddFinPilotCommands(this IServiceCollection services)
    {
        services.AddAuthorizationCore();
        services.AddScoped<CommandPipeline>();
        return services;
    }
}
