using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Statistics;
using FinPilot.Web.Features.Statistics;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Statistics;

/// <summary>
/// A small public world of its own for the statistics tests: in Beijing two projects admitted (one
/// since exited, the other under a public correction order), in Shanghai one admitted and suspended and one still on notice, and one Beijing
/// project on a draft notice only (not public). Names carry a tag, so a test finds what it made.
/// </summary>
internal sealed record StatisticsWorld(string Tag, Guid BeijingCall, Guid ShanghaiCall, Guid[] Beijing, Guid[] Shanghai, Guid Unpublished, Guid DraftNotice)
{
    public static async Task<StatisticsWorld> CreateAsync(FinPilotApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (bjCall, bj) = await app.ScreenedAsync("BJ", DemoUsers.WorkingGroupBeijing, $"统计征集 {tag}", [$"统计甲 {tag}", $"统计乙 {tag}", $"统计未公开 {tag}"]);
        var (shCall, sh) = await app.ScreenedAsync("SH", DemoUsers.WorkingGroupShanghai, $"统计征集沪 {tag}", [$"统计丙 {tag}", $"统计丁 {tag}"]);
        var now = app.Clock.GetUtcNow();
        await app.NoticeAsync("BJ", now, [
            RegisterTestKit.Summary(bj[0], $"统计甲 {tag}", ProjectCategory.TechnologyInnovation, "trading", "blockchain", "甲") with { LeadType = OrganisationType.SecuritiesFirm },
            RegisterTestKit.Summary(bj[1], $"统计乙 {tag}", ProjectCategory.BusinessInnovation, "trading", "cloud", "乙")]);
        await app.NoticeAsync("SH", now, [
            RegisterTestKit.Summary(sh[0], $"统计丙 {tag}", ProjectCategory.PublicService, "operations", "blockchain", "丙") with { LeadType = OrganisationType.FundManager },
            RegisterTestKit.Summary(sh[1], $"统计丁 {tag}", ProjectCategory.PublicService, "operations", "ai", "丁")]);
        var draft = await app.NoticeAsync("BJ", now, [RegisterTestKit.Summary(bj[2], $"统计未公开 {tag}", ProjectCategory.PublicService, "trading", "cloud", "未公开")], publish: false);

        await app.EventAsync(bj[0], PublicEventKind.Admitted, now.AddDays(10), $"统计甲 {tag} 入箱", null);
        await app.EventAsync(bj[1], PublicEventKind.Admitted, now.AddDays(12), $"统计乙 {tag} 入箱", null);
        await app.EventAsync(bj[0], PublicEventKind.CorrectionOrdered, now.AddDays(20), $"统计甲 {tag} 责令整改", null);
        await app.EventAsync(bj[1], PublicEventKind.Exit, now.AddDays(200), $"统计乙 {tag} 退出", null);
        await app.EventAsync(sh[0], PublicEventKind.Admitted, now.AddDays(11), $"统计丙 {tag} 入箱", null);
        await app.EventAsync(sh[0], PublicEventKind.Suspended, now.AddDays(30), $"统计丙 {tag} 暂停", null);
        return new StatisticsWorld(tag, bjCall, shCall, [bj[0], bj[1]], [.. sh], bj[2], draft);
    }

    public static async Task<IReadOnlyList<Figure>> FiguresAsync(FinPilotApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsQueries>().ComputeAsync();
    }

    public static async Task<IReadOnlyList<Figure>> RecomputedAsync(FinPilotApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (pilots, calls) = await scope.ServiceProvider.GetRequiredService<StatisticsQueries>().FactsAsync();
        return StatisticsFormulas.Compute(pilots, calls, app.Clock.GetUtcNow());
    }

    public static decimal Value(IEnumerable<Figure> figures, string indicator, string key) =>
        figures.FirstOrDefault(f => f.Indicator == indicator && f.Key == key)?.Value ?? 0;
}
