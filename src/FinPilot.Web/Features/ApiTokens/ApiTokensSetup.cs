namespace FinPilot.Web.Features.ApiTokens;

public static class ApiTokensSetup
{
    /// <summary>Personal API tokens (the bearer scheme itself is set up with sign-in).</summary>
    public static IHostApplicationBuilder AddApiTokens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiTokenService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiTokens(this IEndpointRouteBuilder app) => app.MapApiTokensApi();
}
