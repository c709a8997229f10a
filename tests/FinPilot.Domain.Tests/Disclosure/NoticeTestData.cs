using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;

namespace FinPilot.Domain.Tests.Disclosure;

internal static class NoticeTestData
{
    public const int RegionId = 1;
    public const string WorkingGroup = "wg-beijing";

    public static readonly WorkingDayCalendar China = OfficialHolidaySchedules.Calendar;
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Wednesday 30 September 2026, 10:00 Beijing: the last working day before 国庆 (10/1–10/7).</summary>
    public static readonly DateTimeOffset EveOfNationalDay = new(2026, 9, 30, 10, 0, 0, Beijing);

    /// <summary>
    /// The end of a 5-day notice published on <see cref="EveOfNationalDay"/>: 9/30 itself does not
    /// count, 10/1–10/7 are holidays, then Thu 10/8 = 1, Fri 10/9 = 2, Sat 10/10 (调休, worked) = 3,
    /// Sun 10/11 rests, Mon 10/12 = 4, Tue 10/13 = 5; open to its last instant, Beijing time.
    /// </summary>
    public static readonly DateTimeOffset EndsAt = new DateTimeOffset(2026, 10, 14, 0, 0, 0, Beijing).AddTicks(-1);

    public static readonly DateTimeOffset AfterEnd = EndsAt.AddTicks(1);

    public static readonly Guid ProjectA = Guid.Parse("0d9b8f4e-0000-4000-8000-00000000000a");
    public static readonly Guid ProjectB = Guid.Parse("0d9b8f4e-0000-4000-8000-00000000000b");

    public static PublicProjectSummary Summary(Guid projectId) => new(
        projectId,
        "基于区块链的私募基金份额转让平台",
        "北京股权交易中心有限公司",
        ["某科技有限公司"],
        ProjectCategory.BusinessInnovation,
        ["trading"],
        ["blockchain"],
        "私募基金份额在区块链上登记与转让",
        "合格投资者，不超过 200 户",
        12);

    public static PublicNoticeContent Content(int periodWorkingDays = PublicNotice.DefaultPeriodWorkingDays) => new(
        "北京地区第二批金融科技创新试点拟入箱项目公示",
        "经试点协调小组审议，拟同意下列项目入箱，现予公示。",
        "北京证监局 010-8888 6666",
        [Summary(ProjectA), Summary(ProjectB)],
        periodWorkingDays);

    public static PublicNotice NewDraft(PublicNoticeContent? content = null) =>
        PublicNotice.Create(Guid.NewGuid(), RegionId, content ?? Content(), EveOfNationalDay.AddDays(-1), WorkingGroup).Value!;

    public static PublicNotice NewPublished()
    {
        var notice = NewDraft();
        Assert.True(notice.Publish(EveOfNationalDay, WorkingGroup, China).Succeeded);
        return notice;
    }

    public static PublicResponseForm Comment(Guid? projectId = null) =>
        new(PublicResponseKind.Comment, projectId, "支持该项目，希望加强投资者教育。", null, null);

    public static PublicResponseForm Objection(Guid projectId) =>
        new(PublicResponseKind.Objection, projectId, "牵头机构去年曾受行政处罚，建议核实。", "张三", "zhangsan@example.com");

    public static PublicResponse Respond(PublicNotice notice, PublicResponseForm form, DateTimeOffset? at = null)
    {
        var result = notice.Respond(Guid.NewGuid(), form, at ?? EveOfNationalDay.AddHours(1));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors ?? []));
        return result.Value!;
    }
}
