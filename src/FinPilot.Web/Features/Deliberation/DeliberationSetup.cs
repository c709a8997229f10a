namespace FinPilot.Web.Features.Deliberation;

public static class DeliberationSetup
{
    public static IServiceCollection AddFinPilotDeliberation(this IServiceCollection services)
    {
        services.AddScoped<DeliberationService>();
        services.AddScoped<MinutesDocument>();
        return services;
    }
}
