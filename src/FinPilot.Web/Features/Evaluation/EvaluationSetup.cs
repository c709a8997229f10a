using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;

namespace FinPilot.Web.Features.Evaluation;

public static class EvaluationSetup
{
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(EvaluationOptions.Section).Get<EvaluationOptions>() ?? new EvaluationOptions();

        // A bad look-back would make every conflict check throw; refuse to start instead.
        if (options.ConflictLookbackYears is < 0 or > Domain.Evaluation.ConflictRules.MaxLookbackYears)
        {
            throw new InvalidOperationException(
                $"Evaluation:ConflictLookbackYears must be between 0 and {Domain.Evaluation.ConflictRules.MaxLookbackYears}; it is {options.ConflictLookbackYears}.");
        }

        services.AddSingleton(options);
        services.AddScoped<ExpertPool>();
        services.AddScoped<ConflictFinder>();
        services.AddScoped<RoundReader>();
        services.AddScoped<EvaluationQueries>();
        services.AddScoped<RoundService>();
        services.AddAuditMap<RoundAuditMap>();
        services.AddAuditMap<AssignmentAuditMap>();
        services.AddScoped<ScoringService>();
        services.AddScoped<RoundExport>();
        services.AddScoped<IntegrityReport>();
        services.AddScoped<ProjectRounds>();
        services.AddScoped<IProjectReadGrant, ExpertReadGrant>();
        services.AddScoped<IAuthorizationHandler, RoundAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AssignmentAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ExpertAuthorizationHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app) => app.MapEvaluationApi();
}
