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
        services.AddSingleton<SupplementDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SupplementDeadlineJob>());
        return services;
    }
}
