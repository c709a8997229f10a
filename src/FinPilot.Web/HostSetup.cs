using System.Data.Common;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Jobs;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FinPilot.Web;

/// <summary>What every host of the platform needs, the web host and the command line alike.</summary>
public static class HostSetup
{
    /// <summary>
    /// What every module stands on, in the web host and the command line alike: the clock, the
    /// database, the data-protection keys, the command pipeline and the jobs' leases. The modules
    /// themselves are added one by one (Program.cs, CliHost).
    /// </summary>
    public static IHostApplicationBuilder AddFinPilotCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();

        // Chinese text goes out as characters, not as &#x…; escapes: pages are half the size and readable.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddFinPilotData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddFinPilotCommands();
        builder.Services.AddScoped<JobLeases>();
        builder.Services.AddScoped<Components.Shared.SectionLoader>();
        builder.AddFinPilotDataProtection();
        return builder;
    }

    public static WebApplication UseFinPilotErrorHandling(this WebApplication app)
    {
        // The API answers with problem+json; pages with friendly pages that show no internals.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
            pages.UseBadQueryValuesAsBadRequest();

            // The error pages are pages: a failed form post must show them as a GET, not post to them.
            pages.Use((context, next) =>
            {
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                    || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
                {
                    context.Request.Method = HttpMethods.Get;
                }

                return next(context);
            });
        });
        return app;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // /health: the database answers (as always). /health/live: the process is up and serving,
        // nothing else asked, so a slow database never gets a node restarted. /health/ready: take
        // traffic — the database answers and has every migration of this build, none being applied.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Name == HealthChecks.Database }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthChecks.Ready) }).AllowAnonymous();
        return app;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }
        else
        {
            try
            {
                await DatabaseMigrator.SeedReferenceDataAsync(app.Services);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                // Migrations are someone else's job here and may not have run yet; the host still
                // starts (the health check tells), and the next start or `finpilot db migrate` seeds.
                app.Logger.LogWarning(exception, "Reference data could not be seeded; is the database migrated?");
            }
        }

        var demo = app.Services.GetRequiredService<DemoOptions>();
        if (demo.Enabled)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
