using FinPilot.Web.Features.Applications;

namespace FinPilot.Web.Features.Evaluation;

public static class EvaluationSetup
{
    public static IServiceCollection AddFinPilotEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(EvaluationOptions.Section).Get<EvaluationOptions>() ?? new EvaluationOptions());
        services.AddScoped<ExpertPool>();
        services.AddScoped<ConflictFinder>();
        services.AddScoped<RoundReader>();
        services.AddScoped<RoundService>();
        services.AddScoped<ScoringService>();
        services.AddScoped<RoundExport>();
        services.AddScoped<IntegrityReport>();
        services.AddScoped<IProjectReadGrant, ExpertReadGrant>();
        return services;
    }
}
