namespace FinPilot.Web.Features.Supervision;

public static class SupervisionSetup
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SupervisionPlans>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app) => app;
}
