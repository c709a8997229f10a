using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Notifications.Mail;

namespace FinPilot.Web.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The inbox, and the e-mail side of notifications: options, the transport they choose, and the sending job.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationInbox>();

        var options = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (string.IsNullOrWhiteSpace(options.PickupDirectory) && (builder.Environment.IsDevelopment() || demo.Enabled))
        {
            options.PickupDirectory = MailOptions.DevelopmentPickupDirectory;
        }

        if (!string.IsNullOrWhiteSpace(options.PickupDirectory) && !Path.IsPathRooted(options.PickupDirectory))
        {
            // Relative to the checkout root, next to the development database, whichever project started the host.
            var root = DatabaseOptions.CheckoutRoot(builder.Environment.ContentRootPath) ?? builder.Environment.ContentRootPath;
            options.PickupDirectory = Path.GetFullPath(Path.Combine(root, options.PickupDirectory));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IMailTransport>(_ => string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? new SmtpMailTransport(options)
            : new PickupDirectoryMailTransport(options.PickupDirectory));
        builder.Services.AddSingleton<NotificationEmailJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationEmailJob>());
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi();
}
