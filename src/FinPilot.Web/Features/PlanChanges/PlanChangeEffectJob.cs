using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>Applies approved plan changes on their effective date, under the job lease, every few minutes.</summary>
public sealed class PlanChangeEffectJob(IServiceScopeFactory scopes, TimeProvider clock, PlanChangeOptions options, ILogger<PlanChangeEffectJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "plan-changes.effect";

    protected override TimeSpan Interval => options.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<PlanChangeApplier>().ApplyDueAsync(Clock.GetUtcNow(), cancellationToken);
        if (applied > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Plan changes: {Applied} applied on their effective date.", applied);
        }
    }
}
