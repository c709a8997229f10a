using FinPilot.Web.Features.Identity;
using Scalar.AspNetCore;

namespace FinPilot.Web.Http;

public static class ApiSetup
{
    public static WebApplicationBuilder AddFinPilotApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FinPilot API";
                document.Info.Description = "资本市场金融科技创新试点平台 · Capital-market fintech innovation pilots. " +
                    "Authenticate with the sign-in cookie or `Authorization: Bearer fpt_…` (a personal API token).";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// The root group every module's API hangs from: authenticated, cookie or bearer token; a change
    /// made with the cookie must prove it came from the site (<see cref="CookieApiCsrf"/>).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix)
            .RequireAuthorization(IdentitySetup.ApiPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter<CookieApiCsrf>()
            .WithTags(tag);

    public static IEndpointRouteBuilder MapFinPilotApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("FinPilot API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }
}
