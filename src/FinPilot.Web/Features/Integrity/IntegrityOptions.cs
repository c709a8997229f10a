namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// The integrity scan (section <c>Integrity</c>): how many dismissals by one person within the
/// window, how many extensions of one correction order, how many renewals of one tolerated deviation
/// raise a flag; a dismissal reason shorter than the minimum counts as none; how often the scan runs.
/// </summary>
public sealed record IntegrityOptions
{
    public int AlertDismissalsRepeatThreshold { get; init; } = 3;

    public int AlertDismissalsWindowDays { get; init; } = 90;

    /// <summary>A dismissal reason with fewer characters (after trimming) counts as no reason ("无", "x").</summary>
    public int MinDismissalReasonLength { get; init; } = 2;

    public int CorrectionExtensionsThreshold { get; init; } = 2;

    public int TolerancesRenewedThreshold { get; init; } = 1;

    /// <summary>The most recent coordination-group meetings the scan reads resolutions from.</summary>
    public int RecentMeetings { get; init; } = 100;

    public int DefaultExplanationWorkingDays { get; init; } = 10;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public static IntegrityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Integrity").Get<IntegrityOptions>() ?? new IntegrityOptions();
        if (options.AlertDismissalsRepeatThreshold < 1 || options.AlertDismissalsWindowDays < 1 || options.MinDismissalReasonLength < 0
            || options.CorrectionExtensionsThreshold < 1 || options.TolerancesRenewedThreshold < 1 || options.RecentMeetings < 1
            || options.DefaultExplanationWorkingDays < 1 || options.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "Integrity: the thresholds, the window, RecentMeetings, DefaultExplanationWorkingDays and Interval must be positive, MinDismissalReasonLength not negative.");
        }

        return options;
    }
}
