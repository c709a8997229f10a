using System.Globalization;

namespace FinPilot.Web.Features.Obligations;

/// <summary>
/// The <c>Obligations</c> section. <c>ReminderOffsets</c> lists working days from the due date at
/// which the clock writes: negative before it (to the applicant), positive after it (to the
/// applicant and the region's working group); as "-5,-1,+1,+5" or as an array.
/// </summary>
public sealed class ObligationOptions
{
    public const string Section = "Obligations";

    public static readonly IReadOnlyList<int> DefaultReminderOffsets = [-5, -1, 1, 5];

    public IReadOnlyList<int> ReminderOffsets { get; init; } = DefaultReminderOffsets;

    /// <summary>Hours within which a severe incident is reported after its detection.</summary>
    public int IncidentReportHours { get; init; } = Domain.Obligations.ObligationRules.DefaultIncidentReportHours;

    /// <summary>How often the clock runs.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The most obligations one run reminds of or reports overdue; the rest wait for the next run.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Working days, beyond the last offset after the due date, during which a missed reminder is
    /// still sent (a clock that was down catches up); older obligations are not reminded of again.
    /// </summary>
    public int CatchUpWorkingDays { get; init; } = 10;

    public static ObligationOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new ObligationOptions();
        return new ObligationOptions
        {
            ReminderOffsets = Offsets(section.GetSection(nameof(ReminderOffsets))) ?? DefaultReminderOffsets,
            IncidentReportHours = section.GetValue(nameof(IncidentReportHours), defaults.IncidentReportHours) is var hours and >= 1 and <= 720
                ? hours
                : throw new InvalidOperationException($"{Section}:{nameof(IncidentReportHours)} must be between 1 and 720."),
            Interval = section.GetValue(nameof(Interval), defaults.Interval),
            BatchSize = Math.Clamp(section.GetValue(nameof(BatchSize), defaults.BatchSize), 1, 10_000),
            CatchUpWorkingDays = Math.Clamp(section.GetValue(nameof(CatchUpWorkingDays), defaults.CatchUpWorkingDays), 0, 250),
        };
    }

    /// <summary>"-5,-1,+1,+5" or an array section; null when not set. Zero, or more than 60 working days, is refused at start.</summary>
    public static IReadOnlyList<int>? Offsets(IConfigurationSection section)
    {
        var texts = section.Value is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        if (texts.Length == 0)
        {
            return section.Value is null ? null : [];
        }

        var offsets = new List<int>();
        foreach (var text in texts)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) || offset == 0 || Math.Abs(offset) > 60)
            {
                throw new InvalidOperationException(
                    $"{Section}:{nameof(ReminderOffsets)} has '{text}': each offset is a non-zero number of working days between -60 and +60.");
            }

            offsets.Add(offset);
        }

        return [.. offsets.Distinct().Order()];
    }
}
