using System.Text.Json;

namespace FinPilot.Domain.Applications;

/// <summary>One field that differs between two versions of an application.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>What a supplement changed: field by field, so the working group reads only what moved.</summary>
public static class ApplicationDiff
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IReadOnlyList<FieldChange> Between(ApplicationForm before, ApplicationForm after)
    {
        var changes = new List<FieldChange>();
        foreach (var property in typeof(ApplicationForm).GetProperties())
        {
            var a = Show(property.GetValue(before));
            var b = Show(property.GetValue(after));
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(property.Name, a, b));
            }
        }

        return changes;
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable list => JsonSerializer.Serialize(list, Json),
        _ => value.ToString(),
    };
}
