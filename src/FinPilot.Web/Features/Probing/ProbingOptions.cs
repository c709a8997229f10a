namespace FinPilot.Web.Features.Probing;

/// <summary>
/// The <c>Probing</c> section. <c>AllowPrivateAddresses</c> (default false) lets probes reach
/// private, loopback and link-local addresses: for tests and closed networks only, an
/// administrator's decision. <c>Interval</c> is how often the job looks for due endpoints;
/// <c>RetentionDays</c> how long single results are kept for the availability history.
/// </summary>
public sealed class ProbingOptions
{
    public const string Section = "Probing";

    public bool AllowPrivateAddresses { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The most endpoints one run probes; the rest wait for the next run.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>How many endpoints are probed at once.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Redirects to the same host followed before the probe counts as down.</summary>
    public int MaxRedirects { get; init; } = 3;

    public int RetentionDays { get; init; } = 35;

    public static ProbingOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new ProbingOptions();
        var interval = section.GetValue(nameof(Interval), defaults.Interval);
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"{Section}:{nameof(Interval)} must be at least one second.");
        }

        return new ProbingOptions
        {
            AllowPrivateAddresses = section.GetValue(nameof(AllowPrivateAddresses), false),
            Interval = interval,
            BatchSize = Math.Clamp(section.GetValue(nameof(BatchSize), defaults.BatchSize), 1, 5_000),
            Parallelism = Math.Clamp(section.GetValue(nameof(Parallelism), defaults.Parallelism), 1, 64),
            MaxRedirects = Math.Clamp(section.GetValue(nameof(MaxRedirects), defaults.MaxRedirects), 0, 10),
            RetentionDays = Math.Clamp(section.GetValue(nameof(RetentionDays), defaults.RetentionDays), 8, 3650),
        };
    }
}
