using System.Globalization;
using FinPilot.Domain.Calendar;

namespace FinPilot.Web.Features.Incidents.Pages;

/// <summary>Reading the incident forms' fields: times are typed in Beijing time (datetime-local), amounts with a dot.</summary>
internal static class IncidentForms
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A typed time as an instant, or null when empty or not a time (the domain then says it is missing).</summary>
    public static DateTimeOffset? Time(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, ChinaTime.Zone.GetUtcOffset(unspecified));
    }

    /// <summary>An instant as a datetime-local value in Beijing time.</summary>
    public static string Value(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, ChinaTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static int Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public static decimal Amount(string? value) =>
        string.IsNullOrWhiteSpace(value) ? 0m : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : -1m;
}
