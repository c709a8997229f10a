using System.Globalization;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Features.Disclosure;

namespace FinPilot.Web.Tests.Disclosure;

public sealed class NoticeTextTests
{
    public static TheoryData<string> Cultures => ["zh-CN", "en"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_state_of_a_notice_a_listing_and_an_objection_has_its_words(string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var words = Enum.GetValues<NoticeStatus>().Select(NoticeText.Of)
                .Concat(Enum.GetValues<ListingStatus>().Select(NoticeText.Of))
                .Concat(Enum.GetValues<ObjectionOutcome>().Select(NoticeText.Of))
                .ToList();
            Assert.All(words, w => Assert.False(string.IsNullOrWhiteSpace(w)));
            Assert.Equal(culture == "en", words.All(w => w.All(char.IsAscii)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_state_without_words_is_an_error_not_a_blank()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeText.Of((NoticeStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeText.Of((ListingStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeText.Of((ObjectionOutcome)99));
    }
}
