namespace FinPilot.Web.Features.Obligations;

public static class ObligationsSetup
{
    /// <summary>The obligations module (义务与时限): the book other modules write obligations through.</summary>
    public static IHostApplicationBuilder AddObligations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ObligationBook>();
        return builder;
    }

    public static IEndpointRouteBuilder MapObligations(this IEndpointRouteBuilder app) => app;
}
