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
        NoticeStatus.Draft => DeliberationStrings.NoticeStatus_Draft,
        NoticeStatus.Published => DeliberationStrings.NoticeStatus_Published,
        NoticeStatus.Closed => DeliberationStrings.NoticeStatus_Closed,
        NoticeStatus.Withdrawn => DeliberationStrings.NoticeStatus_Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A notice status without words."),
    };

    public static string Of(ListingStatus status) => status switch
    {
        ListingStatus.Listed => DeliberationStrings.ListingStatus_Listed,
        ListingStatus.Admitted => DeliberationStrings.ListingStatus_Admitted,
        ListingStatus.SentBack => DeliberationStrings.ListingStatus_SentBack,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A listing status without words."),
    };

    public static string Of(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Dismissed => DeliberationStrings.Objection_Dismissed,
        ObjectionOutcome.Upheld => DeliberationStrings.Objection_Upheld,
        ObjectionOutcome.Withdrawn => DeliberationStrings.Objection_Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An objection outcome without words."),
    };
}
