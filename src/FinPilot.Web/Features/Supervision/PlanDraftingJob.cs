using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// Drafts the supervision plan of every pilot admitted since the last run (入箱 happens in the
/// notice admission job and the demo seeder; this keeps the supervision module out of both).
/// </summary>
public sealed class PlanDraftingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlanDraftingJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "supervision.draft-plans";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var drafted = await services.GetRequiredService<SupervisionPlanService>().DraftMissingAsync(cancellationToken);
        if (drafted > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Drafted {Count} supervision plan(s) for admitted pilots.", drafted);
        }
    }
}
