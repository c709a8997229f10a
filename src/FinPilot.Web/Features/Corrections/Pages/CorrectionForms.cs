using System.Globalization;

namespace FinPilot.Web.Features.Corrections.Pages;

/// <summary>Reading the correction forms' fields; a value that is not a number or a date comes back as one the domain refuses with a clear message.</summary>
internal static class CorrectionForms
{
    public static int Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static Guid Version(string? value) => Guid.TryParse(value, out var v) ? v : Guid.Empty;

    public static bool Confirmed(string? value) => value == "true";

    public static string Day(DateTimeOffset at) => ChinaTimeDay(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ChinaTimeDay(DateTimeOffset at) => Domain.Calendar.ChinaTime.DateOf(at);
}
