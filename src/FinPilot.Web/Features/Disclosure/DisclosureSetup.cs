namespace FinPilot.Web.Features.Disclosure;

public static class DisclosureSetup
{
    public static IServiceCollection AddFinPilotDisclosure(this IServiceCollection services)
    {
        services.AddScoped<PublicRecordWriter>();
        return services;
    }
}
