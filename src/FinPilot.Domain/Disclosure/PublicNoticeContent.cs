namespace FinPilot.Domain.Disclosure;

/// <summary>
/// The content of a public notice as the working group writes it: the text, whom to contact, how
/// many working days it runs and the projects it lists. A draft may be incomplete; publication
/// checks that it is not.
/// </summary>
/// <param name="BodyText">Plain text (the edge renders paragraphs), at most 20,000 characters.</param>
/// <param name="PeriodWorkingDays">公示期: how many working days the public may comment and object.</param>
public sealed record PublicNoticeContent(
    string Title,
    string? BodyText,
    string? Contact,
    IReadOnlyList<PublicProjectSummary>? Projects,
    int PeriodWorkingDays = PublicNotice.DefaultPeriodWorkingDays);
