namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// The escalation ladder of overdue correction orders (section <c>Corrections</c>): working days
/// past the due day after which the order is escalated (the coordination group is told), and after
/// which a risk disposal is proposed; how often the clock looks.
/// </summary>
public sealed record CorrectionOptions
{
    public int EscalateAfterWorkingDays { get; init; } = 5;

    public int ProposeDisposalAfterWorkingDays { get; init; } = 10;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; init; } = 200;

    /// <summary>Working days the working group has to verify the institution's evidence (an obligation, discharged on close or reject).</summary>
    public int VerificationWorkingDays { get; init; } = Domain.Obligations.ObligationRules.CorrectionVerificationWorkingDays;

    public static CorrectionOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Corrections").Get<CorrectionOptions>() ?? new CorrectionOptions();
        if (options.EscalateAfterWorkingDays < 1 || options.ProposeDisposalAfterWorkingDays <= options.EscalateAfterWorkingDays
            || options.Interval <= TimeSpan.Zero || options.BatchSize < 1 || options.VerificationWorkingDays < 1)
        {
            throw new InvalidOperationException(
                "Corrections: EscalateAfterWorkingDays must be at least 1, ProposeDisposalAfterWorkingDays greater than it, Interval, BatchSize and VerificationWorkingDays positive.");
        }

        return options;
    }
}
