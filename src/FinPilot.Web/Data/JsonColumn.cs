using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FinPilot.Web.Data;

/// <summary>
/// A small value kept as JSON text in one column: the same on SQLite and PostgreSQL, read with its
/// row and never queried inside. Compared by its JSON, so a change made in place is noticed.
/// </summary>
internal static class JsonColumn<T>
    where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<T, string> Converter = new(v => Write(v), s => Read(s)!);

    public static readonly ValueComparer<T> Comparer = new((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read(Write(v))!);

    public static readonly ValueConverter<T?, string?> NullableConverter = new(v => v == null ? null : Write(v), s => s == null ? null : Read(s));

    public static readonly ValueComparer<T?> NullableComparer = new(
        (a, b) => WriteNullable(a) == WriteNullable(b), v => WriteNullable(v).GetHashCode(StringComparison.Ordinal), v => v == null ? null : Read(Write(v)));

    internal static string Write(T? value) => JsonSerializer.Serialize(value, Options);

    internal static T? Read(string json) => JsonSerializer.Deserialize<T>(json, Options);

    private static string WriteNullable(T? value) => value is null ? string.Empty : Write(value);
}

/// <summary>
/// A list of enum values kept as a JSON array of their names, so the column reads on its own and
/// does not depend on the numbers; a name no longer known is skipped when read.
/// </summary>
internal static class JsonEnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly ValueConverter<IReadOnlyList<TEnum>, string> Converter = new(v => Write(v), s => Read(s));

    public static readonly ValueComparer<IReadOnlyList<TEnum>> Comparer = JsonColumn<IReadOnlyList<TEnum>>.Comparer;

    private static string Write(IReadOnlyList<TEnum> values) => JsonColumn<IReadOnlyList<string>>.Write(values.Select(v => v.ToString()).ToArray());

    private static IReadOnlyList<TEnum> Read(string json) =>
        (JsonColumn<IReadOnlyList<string>>.Read(json) ?? [])
            .Select(n => Enum.TryParse<TEnum>(n, out var t) ? t : (TEnum?)null)
            .OfType<TEnum>()
            .ToArray();
}
