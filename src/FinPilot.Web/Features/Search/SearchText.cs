using System.Globalization;
using System.Text;

namespace FinPilot.Web.Features.Search;

/// <summary>One term of a search: the tokens it must match in a row, in order, the last as a prefix when <see cref="Prefix"/>.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Tokens, bool Prefix);

/// <summary>
/// The one tokeniser of full-text search, for Chinese and English alike. Neither SQLite's FTS5 nor
/// PostgreSQL's parser splits Chinese into words, so the text is tokenised here and the index holds
/// the tokens, separated by single spaces: every Latin word or number lower-cased, and every run of
/// Chinese (CJK) characters as its overlapping character bigrams followed by its last character, so
/// a word of two characters is one token, a longer one a run of consecutive bigrams, and one
/// character a prefix of a token. The database only matches tokens; nothing is matched in memory.
/// </summary>
public static class SearchText
{
    /// <summary>The most terms of a query that are used; the rest are ignored.</summary>
    public const int MaxTerms = 8;

    /// <summary>A longer word is cut to this many characters, in the index and in a query alike.</summary>
    public const int MaxTokenLength = 40;

    /// <summary>The index text of <paramref name="texts"/>: their tokens in order, separated by single spaces.</summary>
    public static string Index(params IEnumerable<string?> texts)
    {
        var tokens = new List<string>();
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                foreach (var run in Runs(text))
                {
                    tokens.AddRange(run.Cjk ? CjkTokens(run.Text, withLast: true) : [Word(run.Text)]);
                }
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The terms of a query as a person types it: words separated by spaces, every one required. A
    /// Latin word matches words starting with it; a Chinese run matches where its characters are
    /// consecutive (its bigrams), a single character any token starting with it.
    /// </summary>
    public static IReadOnlyList<SearchTerm> Query(string? query)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return terms;
        }

        foreach (var run in Runs(query))
        {
            if (terms.Count == MaxTerms)
            {
                break;
            }

            terms.Add(run.Cjk
                ? run.Text.Length == 1 ? new SearchTerm([run.Text], Prefix: true) : new SearchTerm(CjkTokens(run.Text, withLast: false), Prefix: false)
                : new SearchTerm([Word(run.Text)], Prefix: true));
        }

        return terms.DistinctBy(t => (string.Join(' ', t.Tokens), t.Prefix)).ToList();
    }

    /// <summary>Whether <paramref name="c"/> is written without spaces between words: Han ideographs, kana and Hangul.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    private static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        var run = new StringBuilder();
        var cjk = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var isCjk = IsCjk(c);
            var isWord = !isCjk && char.IsLetterOrDigit(c);
            if ((!isCjk && !isWord) || (run.Length > 0 && isCjk != cjk))
            {
                if (run.Length > 0)
                {
                    yield return (run.ToString(), cjk);
                    run.Clear();
                }

                if (!isCjk && !isWord)
                {
                    continue;
                }
            }

            cjk = isCjk;
            run.Append(c);
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), cjk);
        }
    }

    private static string Word(string text)
    {
        var word = text.ToLowerInvariant();
        return word.Length <= MaxTokenLength ? word : word[..MaxTokenLength];
    }

    private static List<string> CjkTokens(string run, bool withLast)
    {
        if (run.Length == 1)
        {
            return [run];
        }

        var tokens = new List<string>(run.Length);
        for (var i = 0; i + 1 < run.Length; i++)
        {
            tokens.Add(run.Substring(i, 2));
        }

        if (withLast)
        {
            tokens.Add(run[^1].ToString(CultureInfo.InvariantCulture));
        }

        return tokens;
    }
}
