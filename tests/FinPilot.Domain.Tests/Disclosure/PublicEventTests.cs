using FinPilot.Domain.Disclosure;

namespace FinPilot.Domain.Tests.Disclosure;

public sealed class PublicEventTests
{
    [Fact]
    public void The_stored_numbers_of_public_event_kinds_never_change()
    {
        Assert.Equal(
            [
                (1, "NoticePublished"), (2, "Admitted"), (3, "SentBackToDeliberation"), (4, "ResolutionPublished"),
                (5, "MajorProgress"), (6, "Exit"), (7, "Termination"), (8, "NoticeWithdrawn"), (20, "Suspended"), (21, "Resumed"),
                (22, "CorrectionOrdered"), (23, "CorrectionClosed"), (24, "PlanChanged"),
                (30, "ExitRequested"), (32, "ExitStep"), (34, "TierAssigned"), (36, "CasebookPublished"),
            ],
            Enum.GetValues<PublicEventKind>().Select(k => ((int)k, k.ToString())));
    }
}
