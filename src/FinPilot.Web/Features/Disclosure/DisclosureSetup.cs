using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Disclosure;

public static class DisclosureSetup
{
    /// <summary>Public records, public notices and their responses, the register; the job that admits after a notice.</summary>
    public static IHostApplicationBuilder AddDisclosure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuditMap<NoticeAuditMap>();
        services.AddAuditMap<AdmissionAuditMap>();
        services.AddScoped<PublicRecordWriter>();
        services.AddScoped<NoticeService>();
        services.AddScoped<PublicResponses>();
        services.AddScoped<NoticeNotifications>();
        services.AddSingleton<ClientAddressKey>();
        builder.AddRegister();

        // Jobs run only where the host runs (the web host); the command line builds the host and never starts it.
        services.AddSingleton<NoticeAdmissionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeAdmissionJob>());
        return builder;
    }

    /// <summary>The register (API and Atom feed) and the notices' API.</summary>
    public static IEndpointRouteBuilder MapDisclosure(this IEndpointRouteBuilder app) => app.MapPilotsApi().MapPilotFeed().MapNoticesApi();
}
