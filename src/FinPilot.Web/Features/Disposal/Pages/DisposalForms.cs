using System.Globalization;

namespace FinPilot.Web.Features.Disposal.Pages;

/// <summary>Reading the disposal forms' fields: numbers and amounts with a dot, dates as yyyy-MM-dd.</summary>
internal static class DisposalForms
{
    public static int Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    /// <summary>An optional count: empty is zero.</summary>
    public static int Count(string? value) => string.IsNullOrWhiteSpace(value) ? 0 : Int(value);

    public static decimal Amount(string? value) =>
        string.IsNullOrWhiteSpace(value) ? 0m : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : -1m;

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static Guid Version(string? value) => Guid.TryParse(value, out var v) ? v : Guid.Empty;
}
