namespace FinPilot.Domain.Disclosure;

/// <summary>Where a public notice stands; only a draft is private.</summary>
public enum NoticeStatus
{
    Draft = 1,

    /// <summary>Public; open to comments and objections until <see cref="PublicNotice.EndsAt"/>.</summary>
    Published = 2,

    /// <summary>公示期满: the period is over; decisions on the listed projects may still follow.</summary>
    Closed = 3,

    /// <summary>A draft abandoned, or a notice published by mistake and taken back, with a reason.</summary>
    Withdrawn = 4,
}

/// <summary>Where one listed project stands on its notice.</summary>
public enum ListingStatus
{
    Listed = 1,

    /// <summary>The notice passed without a standing objection; the project starts its pilot (入箱).</summary>
    Admitted = 2,

    /// <summary>Sent back to the coordination group's deliberation, usually by an upheld objection.</summary>
    SentBack = 3,
}
