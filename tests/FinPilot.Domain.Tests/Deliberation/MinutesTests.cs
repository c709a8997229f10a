using FinPilot.Domain.Deliberation;
using static FinPilot.Domain.Tests.Deliberation.DeliberationTestData;

namespace FinPilot.Domain.Tests.Deliberation;

/// <summary>会议纪要 as data: attendance, recusals, and per item the opinions, the tally and the resolution.</summary>
public sealed class MinutesTests
{
    private const string Law = "CSRC-LAW";
    private const string Risk = "CSRC-RISK";

    private static readonly MinutesNames Names = new(
        new Dictionary<string, string> { [Chair] = "张主任", [Member2] = "李委员", [Member3] = "王委员", [Member4] = "赵委员" },
        new Dictionary<string, string> { [Law] = "法律部" },
        new Dictionary<Guid, string>());

    [Fact]
    public void The_minutes_of_a_closed_meeting_hold_every_section()
    {
        var first = InDeliberation();
        var second = InDeliberation();
        var names = Names with { Projects = new Dictionary<Guid, string> { [first.Id] = "数字人民币试点" } };
        var (meeting, itemId) = WithItem(first, second);
        Assert.True(meeting.RequestOpinion(itemId, Law, new DateOnly(2025, 10, 10), Before, Clerk).Succeeded);
        Assert.True(meeting.RequestOpinion(itemId, Risk, new DateOnly(2025, 10, 10), Before, Clerk).Succeeded);
        Assert.True(meeting.RecordOpinion(itemId, Law, "无异议。", new DateTimeOffset(2025, 10, 11, 9, 0, 0, TimeSpan.FromHours(8)), Clerk).Succeeded);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        Assert.True(Vote(meeting, itemId, Chair, VoteChoice.Approve, recused: [Member5]).Succeeded);
        Assert.True(Vote(meeting, itemId, Member2, VoteChoice.Reject).Succeeded);
        Assert.True(Vote(meeting, itemId, Member3, VoteChoice.Approve).Succeeded);
        Assert.True(meeting.RecordResolution(
            itemId, Chair,
            [
                ProjectOutcome.ApprovedWithConditions(first.Id, ["每月报送运行数据"]),
                ProjectOutcome.Rejected(second.Id, "风险防控措施不足") with { DeviationReason = "现场检查发现客户资金未隔离" },
            ],
            "同意项目一附条件入箱。", NoRecusals, Quorum.MoreThanHalf, "风险部门逾期未反馈，入箱时限不容等待", During.AddHours(1)).Succeeded);
        Assert.True(meeting.Close(During.AddHours(2), Chair).Succeeded);

        var minutes = Minutes.Compose(meeting, names);

        Assert.Equal((meeting.Id, meeting.Title, MeetingDate, new TimeOnly(9, 0), MeetingStatus.Closed), (minutes.MeetingId, minutes.Title, minutes.Date, minutes.Time, minutes.Status));
        Assert.Equal(new MinutesPerson(Chair, "张主任"), minutes.Chair);
        Assert.Equal(["张主任", "李委员", "王委员", "赵委员", Member5], minutes.Attendance.Select(p => p.Name));
        Assert.Equal([new MinutesRecusal(1, new MinutesPerson(Member5, Member5))], minutes.Recusals);

        var item = Assert.Single(minutes.Items);
        Assert.Equal((1, AgendaItemKind.Admission, "北京第二批试点项目入箱审议"), (item.Number, item.Kind, item.Title));
        Assert.Equal([new MinutesProject(first.Id, "数字人民币试点"), new MinutesProject(second.Id, second.Id.ToString())], item.Projects);
        Assert.Equal(
            [
                new MinutesOpinion(Law, "法律部", new DateOnly(2025, 10, 10), "无异议。", new DateTimeOffset(2025, 10, 11, 9, 0, 0, TimeSpan.FromHours(8)), Late: true),
                new MinutesOpinion(Risk, Risk, new DateOnly(2025, 10, 10), null, null, Late: false),
            ],
            item.Opinions);
        Assert.Null(item.Tally);
        var resolution = item.Resolution!;
        Assert.All(resolution.Outcomes, o => Assert.Equal(new VoteTally(2, 0, 1, 0, Eligible: 4, Recused: 1, Excluded: 0), o.Tally));
        Assert.Equal([false, true], resolution.Outcomes.Select(o => o.AgainstMajority));
        Assert.Equal([null, "现场检查发现客户资金未隔离"], resolution.Outcomes.Select(o => o.DeviationReason));
        Assert.Equal([Risk], resolution.WaivedOpinions.Select(w => w.DepartmentCode));
        Assert.Equal("风险部门逾期未反馈，入箱时限不容等待", resolution.ProceedReason);
        Assert.Equal(("同意项目一附条件入箱。", new MinutesPerson(Chair, "张主任"), During.AddHours(1)), (resolution.Text, resolution.RecordedBy, resolution.RecordedAt));
        Assert.Equal([OutcomeKind.ApprovedWithConditions, OutcomeKind.Rejected], resolution.Outcomes.Select(o => o.Kind));
        Assert.Equal(["每月报送运行数据"], resolution.Outcomes[0].Conditions);
        Assert.Equal("风险防控措施不足", resolution.Outcomes[1].Reason);
        Assert.Equal("数字人民币试点", resolution.Outcomes[0].Project.Title);
    }

    [Fact]
    public void Unresolved_items_have_no_tally_or_resolution_and_the_status_says_draft()
    {
        var (meeting, itemId) = Held();
        Assert.True(Vote(meeting, itemId, Chair).Succeeded);

        var minutes = Minutes.Compose(meeting, MinutesNames.None);

        Assert.Equal(MeetingStatus.Held, minutes.Status);
        var item = Assert.Single(minutes.Items);
        Assert.Null(item.Tally);
        Assert.Null(item.Resolution);
        Assert.Equal(Attendees, minutes.Attendance.Select(p => p.Name));
    }

    [Fact]
    public void Items_are_numbered_in_agenda_order_and_recusals_name_their_item()
    {
        var (meeting, firstItem) = WithItem();
        var secondItem = Guid.NewGuid();
        Assert.True(meeting.AddAgendaItem(secondItem, AgendaItemKind.Admission, "第二议题", [InDeliberation()], "建议入箱", Before, Clerk).Succeeded);
        Assert.True(meeting.Convene(During, Chair).Succeeded);
        Assert.True(Vote(meeting, secondItem, Chair, recused: [Member4, Member2]).Succeeded);
        Assert.True(Vote(meeting, firstItem, Chair, recused: [Member3]).Succeeded);

        var minutes = Minutes.Compose(meeting, Names);

        Assert.Equal([1, 2], minutes.Items.Select(i => i.Number));
        Assert.Equal(["北京第二批试点项目入箱审议", "第二议题"], minutes.Items.Select(i => i.Title));
        // Within an item, recusals follow the order of attendance, not the order they were passed in.
        Assert.Equal([(1, "王委员"), (2, "李委员"), (2, "赵委员")], minutes.Recusals.Select(r => (r.ItemNumber, r.Member.Name)));
    }

    [Fact]
    public void Composing_twice_gives_equal_minutes_whatever_the_culture()
    {
        var (meeting, itemId) = Held();
        VoteAll(meeting, itemId, Chair, Member2, Member3);
        Assert.True(Resolve(meeting, itemId).Succeeded);
        var original = System.Globalization.CultureInfo.CurrentCulture;

        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("zh-CN");
            var chinese = Minutes.Compose(meeting, Names);
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            var arabic = Minutes.Compose(meeting, Names);

            Assert.Equal(Flatten(chinese), Flatten(arabic));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    /// <summary>Records holding lists compare by reference, so compare what they print.</summary>
    private static string Flatten(MeetingMinutes minutes) =>
        string.Join("|", [minutes.ToString(), .. minutes.Attendance.Select(a => a.ToString()), .. minutes.Recusals.Select(r => r.ToString()),
            .. minutes.Items.SelectMany(i => new[] { i.ToString(), string.Join(",", i.Projects), string.Join(",", i.Opinions), i.Tally?.ToString(), i.Resolution?.ToString() })]);
}
