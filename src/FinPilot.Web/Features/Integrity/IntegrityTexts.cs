using System.Globalization;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Integrity;

namespace FinPilot.Web.Features.Integrity;

/// <summary>The names of the module's rules, states and choices, and a flag's facts as a sentence, in the reader's language.</summary>
public static class IntegrityTexts
{
    public static string Of(IntegrityRule rule, CultureInfo? culture = null) => Text($"Rule_{rule}", culture);

    public static string Of(IntegrityFlagStatus status, CultureInfo? culture = null) => Text($"Status_{status}", culture);

    public static string Of(IntegrityConclusion conclusion, CultureInfo? culture = null) => Text($"Conclusion_{conclusion}", culture);

    public static string Of(IntegrityRecordKind kind, CultureInfo? culture = null) => Text($"RecordKind_{kind}", culture);

    /// <summary>The page of the record a flag concerns, where it has one of its own; null otherwise (the pilot's page is linked instead).</summary>
    public static string? RecordLink(IntegrityRecordKind kind, string recordId) => Guid.TryParse(recordId, out var id)
        ? kind switch
        {
            IntegrityRecordKind.ExitCase => $"exits/{id}",
            IntegrityRecordKind.PlanChange => $"plan-changes/{id}",
            IntegrityRecordKind.CorrectionOrder => $"corrections/{id}",
            IntegrityRecordKind.DisposalCase => $"disposal/{id}",
            _ => null,
        }
        : null;

    public static string Of(ResponsibleUnitKind unit, CultureInfo? culture = null) => Text($"Unit_{unit}", culture);

    /// <summary>
    /// The flag's facts as a sentence of its rule: {0} count, {1} threshold, {2} window days, {3} the
    /// date (Beijing), {4} votes for, {5} votes against, {6} the officer's note.
    /// </summary>
    public static string Facts(IntegrityRule rule, IntegrityFacts facts, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = culture ?? CultureInfo.CurrentUICulture;
        var day = facts.At is { } at ? ChinaTime.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        return string.Format(c, Text($"Facts_{rule}", c), facts.Count ?? 0, facts.Threshold ?? 0, facts.WindowDays ?? 0, day,
            facts.VotesFor ?? 0, facts.VotesAgainst ?? 0, facts.Note ?? string.Empty);
    }

    private static string Text(string key, CultureInfo? culture) =>
        IntegrityStrings.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
