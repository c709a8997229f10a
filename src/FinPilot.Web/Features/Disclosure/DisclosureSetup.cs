namespace FinPilot.Web.Features.Disclosure;

public static class DisclosureSetup
{
    public static IServiceCollection AddFinPilotDisclosure(this IServiceCollection services)
    {
        services.AddScoped<PublicRecordWriter>();
        services.AddScoped<NoticeService>();
        services.AddScoped<PublicResponses>();
        services.AddSingleton<ClientAddressKey>();
        return services;
    }

    /// <summary>The web host's background jobs of this module (the command line runs none).</summary>
    public static WebApplicationBuilder AddFinPilotDisclosureJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NoticeAdmissionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NoticeAdmissionJob>());
        return builder;
    }
}
