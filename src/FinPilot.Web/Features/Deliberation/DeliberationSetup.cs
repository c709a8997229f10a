using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Deliberation;

public static class DeliberationSetup
{
    public static IHostApplicationBuilder AddDeliberation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DeliberationService>();
        builder.Services.AddScoped<MinutesDocument>();
        builder.Services.AddScoped<IAuthorizationHandler, MeetingAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeliberation(this IEndpointRouteBuilder app) => app.MapDeliberationApi();
}
