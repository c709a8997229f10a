namespace FinPilot.Web.Features.Search;

/// <summary>The text shown for a thing found: the part of its text around the first word of the query it contains.</summary>
public static class SearchExcerpt
{
    /// <summary>How many characters an excerpt keeps.</summary>
    public const int Length = 160;

    /// <summary>The words of a query as typed (split on spaces), the longest first.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length)];

    /// <summary>An excerpt of <paramref name="text"/> of <see cref="Length"/> characters, starting a little before the first word of <paramref name="query"/> found in it.</summary>
    public static string Around(string text, string? query)
    {
        if (text.Length <= Length)
        {
            return text;
        }

        var at = Words(query).Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Clamp(at - 40, 0, text.Length - Length);
        return string.Concat(start > 0 ? "…" : string.Empty, text.AsSpan(start, Length), start + Length < text.Length ? "…" : string.Empty);
    }

    /// <summary><paramref name="text"/> cut where the words of <paramref name="query"/> occur, each part marked as a match or not.</summary>
    public static IReadOnlyList<(string Text, bool Match)> Marks(string text, string? query)
    {
        var words = Words(query);
        var parts = new List<(string, bool)>();
        var from = 0;
        while (from < text.Length)
        {
            var next = words.Select(w => (Word: w, At: text.IndexOf(w, from, StringComparison.OrdinalIgnoreCase))).Where(m => m.At >= 0)
                .OrderBy(m => m.At).ThenByDescending(m => m.Word.Length).FirstOrDefault();
            if (next.Word is null)
            {
                parts.Add((text[from..], false));
                break;
            }

            if (next.At > from)
            {
                parts.Add((text[from..next.At], false));
            }

            parts.Add((text.Substring(next.At, next.Word.Length), true));
            from = next.At + next.Word.Length;
        }

        return parts;
    }
}
