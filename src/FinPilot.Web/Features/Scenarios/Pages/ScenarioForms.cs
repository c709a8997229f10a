using System.Globalization;
using FinPilot.Domain.Scenarios;
using Microsoft.Extensions.Primitives;

namespace FinPilot.Web.Features.Scenarios.Pages;

/// <summary>Reading the module's posted forms: enums by number, flags and lists from repeated fields.</summary>
internal static class ScenarioForms
{
    public static string Text(StringValues value) => value.ToString();

    public static TEnum EnumOf<TEnum>(StringValues value)
        where TEnum : struct, Enum =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (TEnum)Enum.ToObject(typeof(TEnum), n) : default;

    public static TEnum? OptionalEnumOf<TEnum>(StringValues value)
        where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : EnumOf<TEnum>(value);

    public static IReadOnlyList<Technology> Technologies(StringValues values) =>
        [.. values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (Technology)n : default).Distinct()];

    public static ScenarioConstraints Constraints(StringValues values) =>
        values.Aggregate(ScenarioConstraints.None, (all, v) =>
            all | (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (ScenarioConstraints)n : ScenarioConstraints.None));

    public static IReadOnlyList<Guid> Guids(StringValues values) =>
        [.. values.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];

    public static Guid? GuidOf(StringValues value) => Guid.TryParse(value.ToString(), out var g) ? g : null;

    public static int Number<TEnum>(TEnum value)
        where TEnum : struct, Enum => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
