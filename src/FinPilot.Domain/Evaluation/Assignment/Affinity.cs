using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Evaluation.Assignment;

/// <summary>
/// How well an expert suits a project, 0 to <see cref="Max"/>; the solver maximises its sum.
/// </summary>
/// <remarks>
/// The weights, fixed so that the same round always gives the same assignment:
/// <list type="bullet">
/// <item>each tag equal to one of the project's technologies: <see cref="PerTechnology"/>, at most <see cref="TechnologyCap"/>;</item>
/// <item>each tag equal to one of its scenarios: <see cref="PerScenario"/>, at most <see cref="ScenarioCap"/>;</item>
/// <item>the project's category among the expert's: <see cref="CategoryMatch"/>;</item>
/// <item>the expert in the project's region sub-group: <see cref="RegionMatch"/> (the region preference);</item>
/// <item>each word shared by the project's text and the expert's profile and tags — a Chinese
/// character bigram, or a Latin word of two letters or more — <see cref="PerSharedWord"/>, at most <see cref="TextCap"/>.</item>
/// </list>
/// Codes compare without regard to case or surrounding spaces.
/// </remarks>
public static class Affinity
{
    public const int PerTechnology = 15;
    public const int TechnologyCap = 30;
    public const int PerScenario = 10;
    public const int ScenarioCap = 20;
    public const int CategoryMatch = 15;
    public const int RegionMatch = 15;
    public const int PerSharedWord = 2;
    public const int TextCap = 20;
    public const int Max = TechnologyCap + ScenarioCap + CategoryMatch + RegionMatch + TextCap;

    public static int Score(AssignmentExpert expert, AssignmentProject project)
    {
        var tags = Codes(expert.Tags);
        var technologies = Codes(project.Technologies).Count(tags.Contains);
        var scenarios = Codes(project.Scenarios).Count(tags.Contains);
        var words = Words(ExpertText(expert));
        var shared = Words(project.Text).Count(words.Contains);
        return Combine(
            technologies,
            scenarios,
            expert.Categories.Contains(project.Category),
            expert.RegionIds.Contains(project.RegionId),
            shared);
    }

    internal static int Combine(int technologies, int scenarios, bool category, bool region, int sharedWords) =>
        Math.Min(TechnologyCap, PerTechnology * technologies)
        + Math.Min(ScenarioCap, PerScenario * scenarios)
        + (category ? CategoryMatch : 0)
        + (region ? RegionMatch : 0)
        + Math.Min(TextCap, PerSharedWord * sharedWords);

    internal static HashSet<string> Codes(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);

    internal static string ExpertText(AssignmentExpert expert) => expert.Profile + " " + string.Join(' ', expert.Tags);

    internal static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var latinStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? char.ToLowerInvariant(text[i]) : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                latinStart = latinStart < 0 ? i : latinStart;
                continue;
            }

            if (latinStart >= 0 && i - latinStart >= 2)
            {
                words.Add(text[latinStart..i].ToLowerInvariant());
            }

            latinStart = -1;
            if (IsHan(c) && i + 1 < text.Length && IsHan(text[i + 1]))
            {
                words.Add(text.Substring(i, 2));
            }
        }

        return words;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    internal static int CategoryBit(ProjectCategory category) => 1 << (int)category;
}
