using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Files;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Applications;

public static class ApplicationsSetup
{
    /// <summary>Applications, their files, screening and reference lists; the supplement-deadline and partner-invitation jobs.</summary>
    public static IHostApplicationBuilder AddApplications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var files = builder.Configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (string.IsNullOrWhiteSpace(files.Root))
        {
            files.Root = Path.Combine(DatabaseOptions.DataDirectory(builder.Environment.ContentRootPath), "files");
        }

        services.AddSingleton(files);
        services.AddSingleton<IFileStore>(new LocalFileStore(files.Root));
        services.AddScoped<ApplicationService>();
        services.AddScoped<TimelineActors>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<ReferenceAdministration>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddAuditMap<ProjectAuditMap>();

        // Jobs run only where the host runs (the web host); the command line builds the host and never starts it.
        services.AddSingleton<SupplementDeadlineJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SupplementDeadlineJob>());
        services.AddSingleton<PartnerInvitationJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PartnerInvitationJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app) =>
        app.MapApplicationsApi().MapScreeningApi().MapApplicationPageEndpoints().MapReferenceApi();
}
