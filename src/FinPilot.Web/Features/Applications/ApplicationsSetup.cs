using FinPilot.Web.Data;
using FinPilot.Web.Features.Files;

namespace FinPilot.Web.Features.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddFinPilotApplications(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var files = configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (string.IsNullOrWhiteSpace(files.Root))
        {
            files.Root = Path.Combine(DatabaseOptions.DataDirectory(contentRoot), "files");
        }

        services.AddSingleton(files);
        services.AddSingleton<IFileStore>(new LocalFileStore(files.Root));
        services.AddScoped<ApplicationService>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<ReferenceAdministration>();
        services.AddScoped<ApplicationQueries>();
        return services;
    }

    /// <summary>The web host's background jobs of this module (the command line runs none).</summary>
    public static WebApplicationBuilder AddFinPilotApplicationJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SupplementDeadlineJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SupplementDeadlineJob>());
        builder.Services.AddSingleton<PartnerInvitationJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PartnerInvitationJob>());
        return builder;
    }
}
