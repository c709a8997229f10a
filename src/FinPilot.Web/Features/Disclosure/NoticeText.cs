using FinPilot.Domain.Disclosure;
using FinPilot.Web.Resources;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The words for a notice's, a listing's and an objection's states, in the reader's language.
/// Written out value by value, so that a renamed resource fails the build instead of showing
/// nothing; a new enum value throws until it is given its words (a test walks every value).
/// </summary>
public static class NoticeText
{
    public static string Of(NoticeStatus status) => status switch
    {
        NoticeStatus.Draft => DisclosureStrings.NoticeStatus_Draft,
        NoticeStatus.Published => DisclosureStrings.NoticeStatus_Published,
        NoticeStatus.Closed => DisclosureStrings.NoticeStatus_Closed,
        NoticeStatus.Withdrawn => DisclosureStrings.NoticeStatus_Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A notice status without words."),
    };

    public static string Of(ListingStatus status) => status switch
    {
        ListingStatus.Listed => DisclosureStrings.ListingStatus_Listed,
        ListingStatus.Admitted => DisclosureStrings.ListingStatus_Admitted,
        ListingStatus.SentBack => DisclosureStrings.ListingStatus_SentBack,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A listing status without words."),
    };

    public static string Of(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Dismissed => DisclosureStrings.Objection_Dismissed,
        ObjectionOutcome.Upheld => DisclosureStrings.Objection_Upheld,
        ObjectionOutcome.Withdrawn => DisclosureStrings.Objection_Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An objection outcome without words."),
    };
}
