using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Tests.Projects;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>A meeting of five members on Wednesday 15 October 2025, its clerk and its times, shared by the deliberation tests.</summary>
internal static class DeliberationTestData
{
    public const string Chair = "member-chair";
    public const string Member2 = "member-2";
    public const string Member3 = "member-3";
    public const string Member4 = "member-4";
    public const string Member5 = "member-5";
    public const string Outsider = "member-absent";
    public const string Clerk = "user-clerk";

    public static readonly string[] Attendees = [Chair, Member2, Member3, Member4, Member5];

    public static readonly DateOnly MeetingDate = new(2025, 10, 15);

    /// <summary>A week before the meeting, 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Before = new(2025, 10, 8, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The meeting's morning, 09:30 in Beijing.</summary>
    public static readonly DateTimeOffset During = new(2025, 10, 15, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly string[] NoRecusals = [];

    public static MeetingDetails Details => new("2025年第3次试点协调小组会议", MeetingDate, new TimeOnly(9, 0), Chair, Attendees);

    public static Meeting Scheduled() => Meeting.Schedule(Guid.NewGuid(), Details, Before, Clerk).Value!;

    public static PilotProject InDeliberation() => ProjectTestData.InStage(ProjectStage.Deliberation);

    /// <summary>A scheduled meeting with one admission item on the given projects (one fresh project when none given).</summary>
    public static (Meeting Meeting, Guid ItemId) WithItem(params PilotProject[] projects)
    {
        var meeting = Scheduled();
        var itemId = Guid.NewGuid();
        var result = meeting.AddAgendaItem(
            itemId, AgendaItemKind.Admission, "北京第二批试点项目入箱审议", projects.Length == 0 ? [InDeliberation()] : projects,
            "地区工作组认为项目创新性突出，风险可控，建议入箱。", Before, Clerk);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return (meeting, itemId);
    }

    /// <summary>A meeting in session with one admission item on the given projects.</summary>
    public static (Meeting Meeting, Guid ItemId) Held(params PilotProject[] projects)
    {
        var (meeting, itemId) = WithItem(projects);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        return (meeting, itemId);
    }

    /// <summary>The count of the item's first project (the only one, in most tests).</summary>
    public static Common.Result<VoteTally> TallyOfFirst(Meeting meeting, Guid itemId, IReadOnlyCollection<string> recused) =>
        meeting.TallyOf(itemId, meeting.Find(itemId)?.ProjectIds[0] ?? Guid.NewGuid(), recused);

    public static Common.Result Vote(Meeting meeting, Guid itemId, string memberId, VoteChoice choice = VoteChoice.Approve, IReadOnlyCollection<string>? recused = null) =>
        meeting.Vote(itemId, memberId, choice, null, choice == VoteChoice.ApproveWithConditions ? ["每月报送运行数据"] : null, recused ?? NoRecusals, During);

    public static void VoteAll(Meeting meeting, Guid itemId, params string[] memberIds)
    {
        foreach (var member in memberIds)
        {
            var result = Vote(meeting, itemId, member);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        }
    }

    /// <summary>Approves every project of the item.</summary>
    public static Common.Result Resolve(Meeting meeting, Guid itemId, IReadOnlyCollection<string>? recused = null, string chairId = Chair)
    {
        var outcomes = meeting.Find(itemId)!.ProjectIds.Select(ProjectOutcome.Approved).ToArray();
        return meeting.RecordResolution(itemId, chairId, outcomes, "同意入箱。", recused ?? NoRecusals, During.AddHours(1));
    }
}
