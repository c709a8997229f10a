using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using FinPilot.Web.Resources;
using Xunit;

namespace FinPilot.Web.Tests.Localization;

/// <summary>Every resource file, shared or a module's own, says each of its texts in both languages.</summary>
public sealed class ResourceFilesTests
{
    // The generated classes are the resource files: one per module, plus the shared ones.
    public static TheoryData<string> ResourceClasses => [.. ClassNames()];

    private static IEnumerable<string> ClassNames() =>
        typeof(Strings).Assembly.GetTypes()
            .Where(t => t.GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.PropertyType == typeof(ResourceManager))
            .Select(t => t.FullName!)
            .Order();

    [Fact]
    public void Every_module_with_pages_has_its_own_resource_file()
    {
        var classes = ClassNames().ToHashSet();

        foreach (var module in new[] { "Calls", "Applications", "Evaluation", "Deliberation", "Disclosure", "Ledger", "Audit", "Calendar", "Notifications", "Organisations", "Regions", "Users", "ApiTokens" })
        {
            Assert.Contains($"FinPilot.Web.Features.{module}.{module}Strings", classes);
        }
    }

    [Theory]
    [MemberData(nameof(ResourceClasses))]
    public void Every_key_has_a_chinese_and_an_english_text(string resourceClass)
    {
        var manager = (ResourceManager)typeof(Strings).Assembly.GetType(resourceClass)!
            .GetProperty("ResourceManager", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        // Read each language on its own: a key missing from the English file would otherwise fall
        // back to the Chinese text without anyone noticing.
        var chinese = Entries(manager, CultureInfo.InvariantCulture);
        var english = Entries(manager, CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(chinese);
        Assert.Equal(chinese.Keys.Order(), english.Keys.Order());
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} is empty in Chinese"));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} is empty in English"));
    }

    private static Dictionary<string, string?> Entries(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string);
}

/// <summary>Values a page shows by name (a step of the progress log, a stage, a ledger record's kind) have a name in each language.</summary>
public sealed class CodeNamesTests
{
    [Fact]
    public void Every_step_and_stage_of_a_project_has_a_name_in_both_languages()
    {
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") })
        {
            foreach (var trigger in Enum.GetValues<FinPilot.Domain.Projects.ProjectTrigger>())
            {
                Assert.NotNull(FinPilot.Web.Features.Applications.ApplicationsStrings.ResourceManager.GetString("Trigger_" + trigger, culture));
            }

            foreach (var stage in Enum.GetValues<FinPilot.Domain.Projects.ProjectStage>())
            {
                Assert.NotNull(FinPilot.Web.Features.Applications.ApplicationsStrings.ResourceManager.GetString("Stage_" + stage, culture));
            }
        }
    }

    [Theory]
    [InlineData(FinPilot.Web.Features.Calls.CallActions.RecordPublished)]
    [InlineData(FinPilot.Web.Features.Calls.CallActions.RecordCorrected)]
    [InlineData(FinPilot.Web.Features.Calls.CallActions.RecordClosed)]
    [InlineData(FinPilot.Web.Features.Deliberation.DeliberationActions.RecordResolution)]
    [InlineData(FinPilot.Web.Features.Disclosure.NoticeActions.RecordPublished)]
    [InlineData(FinPilot.Web.Features.Disclosure.NoticeActions.RecordWithdrawn)]
    [InlineData(FinPilot.Web.Features.Disclosure.NoticeActions.RecordSentBack)]
    [InlineData(FinPilot.Web.Features.Disclosure.NoticeActions.RecordAdmitted)]
    [InlineData(FinPilot.Web.Features.Supervision.SupervisionActions.RecordDisclosure)]
    public void Every_public_record_kind_has_a_name_on_the_ledger_page(string kind)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.NotEqual(FinPilot.Web.Features.Ledger.LedgerStrings.Kind_Other, FinPilot.Web.Features.Ledger.LedgerNames.Kind(kind));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
