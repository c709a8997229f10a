using System.Collections;
using System.Globalization;
using System.Resources;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Resources;
using Xunit;

namespace FinPilot.Web.Tests.Notifications;

/// <summary>Every kind of notification reads properly in both languages, with its values in place.</summary>
public sealed class NotificationTextsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static TheoryData<NotificationKind> Kinds => [.. Enum.GetValues<NotificationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_subject_and_a_body_in_both_resource_files(NotificationKind kind)
    {
        // Read each file on its own: a key missing from the English file would otherwise fall
        // back to the Chinese text without anyone noticing.
        var chinese = Entries(CultureInfo.InvariantCulture);
        var english = Entries(English);

        foreach (var key in new[] { NotificationTexts.SubjectKey(kind), NotificationTexts.BodyKey(kind) })
        {
            Assert.False(string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(key)), $"{key} is missing from NotificationsStrings.resx");
            Assert.False(string.IsNullOrWhiteSpace(english.GetValueOrDefault(key)), $"{key} is missing from NotificationsStrings.en.resx");
            Assert.Equal(
                NotificationTexts.Placeholders(chinese[key]).Order(),
                NotificationTexts.Placeholders(english[key]).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_placeholder_is_a_documented_value(NotificationKind kind)
    {
        var documented = typeof(NotificationValues).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var template = NotificationsStrings.ResourceManager.GetString(NotificationTexts.BodyKey(kind), Chinese)!
            + NotificationsStrings.ResourceManager.GetString(NotificationTexts.SubjectKey(kind), Chinese);

        Assert.All(NotificationTexts.Placeholders(template), name => Assert.Contains(name, documented));
    }

    [Fact]
    public void A_returned_application_reads_in_chinese_with_its_values()
    {
        var text = NotificationTexts.Render(NotificationKind.ReturnedForSupplement, Values(), Chinese);

        Assert.Equal("申报需补正：基于区块链的私募基金份额转让平台", text.Subject);
        Assert.Equal("您的申报项目“基于区块链的私募基金份额转让平台”需要补正，请于 2025-10-15 前补正并重新提交。需补正的事项见申报页面。", text.Body);
    }

    [Fact]
    public void The_same_notification_reads_in_english()
    {
        var text = NotificationTexts.Render(NotificationKind.ReturnedForSupplement, Values(), English);

        Assert.Equal("Supplement required: 基于区块链的私募基金份额转让平台", text.Subject);
        Assert.StartsWith("Your application “基于区块链的私募基金份额转让平台” has been returned for supplement.", text.Body);
        Assert.Contains("by 2025-10-15", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_stays_visible_as_its_placeholder()
    {
        var text = NotificationTexts.Render(NotificationKind.ApplicationRejected, new Dictionary<string, string> { ["call"] = "数字人民币" }, Chinese);

        Assert.Equal("您的申报项目“{title}”未通过形式审查，原因见申报页面。", text.Body);
    }

    [Fact]
    public void Values_are_inserted_once_and_not_read_as_templates()
    {
        var text = NotificationTexts.Render(NotificationKind.ApplicationAccepted, new Dictionary<string, string> { ["title"] = "{due}" }, Chinese);

        Assert.Equal("申报已通过形式审查：{due}", text.Subject);
    }

    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", "zh-CN")]
    public void Mail_goes_out_in_the_preferred_language_or_chinese(string? preferred, string expected) =>
        Assert.Equal(expected, NotificationTexts.CultureFor(preferred).Name);

    private static Dictionary<string, string> Values() => new()
    {
        [NotificationValues.Title] = "基于区块链的私募基金份额转让平台",
        [NotificationValues.Due] = "2025-10-15",
    };

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = NotificationsStrings.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException($"No NotificationsStrings for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
