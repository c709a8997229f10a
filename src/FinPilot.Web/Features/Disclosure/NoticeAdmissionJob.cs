using FinPilot.Web.Features.Jobs;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>Admits the projects of notices whose period has ended with no objection open, as the system, every few minutes.</summary>
public sealed class NoticeAdmissionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NoticeAdmissionJob> logger)
    : LeasedJob(scopes, clock, logger)
{
    protected override string Name => "notices.admit";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admitted = await services.GetRequiredService<NoticeService>().AdmitDueAsync(cancellationToken);
        if (admitted > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Admitted {Count} project(s) at the end of their public notice.", admitted);
        }
    }
}
