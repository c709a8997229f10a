using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Deliberation;

public static class DeliberationSetup
{
    public static IHostApplicationBuilder AddDeliberation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliberationOptions>().Bind(builder.Configuration.GetSection(DeliberationOptions.Section))
            .Validate(o => o.Quorum.IsValid, "Deliberation:QuorumPercent must be a percentage from 1 to 99.").ValidateOnStart();
        builder.Services.AddScoped<DeliberationService>();
        builder.Services.AddAuditMap<MeetingAuditMap>();
        builder.Services.AddScoped<DeliberationIntegrity>();
        builder.Services.AddScoped<MinutesDocument>();
        builder.Services.AddScoped<PublicResolutions>();
        builder.Services.AddScoped<DeliberationNotifications>();
        builder.Services.AddScoped<IAuthorizationHandler, MeetingAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeliberation(this IEndpointRouteBuilder app) => app.MapDeliberationApi();
}
