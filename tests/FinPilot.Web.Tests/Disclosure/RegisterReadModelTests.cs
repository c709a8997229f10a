using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Search;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>
/// The register's read model (<see cref="RegisterPilot"/>): kept with every public record, equal to
/// a rebuild from the public records, searched through its index in Chinese and English, paged
/// stably while pilots are added.
/// </summary>
public sealed class RegisterReadModelTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_read_model_equals_a_rebuild_after_every_kind_of_public_record(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = "M" + Guid.NewGuid().ToString("N")[..8];
        var (_, p) = await app.ScreenedAsync("BJ", DemoUsers.WorkingGroupBeijing, $"读模型测试征集 {tag}", [$"甲 {tag}", $"乙 {tag}", $"丙 {tag}"]);
        var t0 = app.Clock.GetUtcNow().AddDays(-30);
        var steps = new List<(string Step, Func<Task> Act)>
        {
            ("resolution", () => app.EventAsync(p[0], PublicEventKind.ResolutionPublished, t0, $"审议通过 {tag}", null)),
            ("notice", () => app.NoticeAsync("BJ", t0.AddDays(1), [Summary(p[0], $"联邦学习信用评估 {tag}"), Summary(p[1], $"区块链存证 {tag}")])),
            ("withdrawn notice", () => WithdrawnNoticeAsync(app, t0.AddDays(2), Summary(p[2], $"撤回的项目 {tag}"))),
            ("admitted", () => app.EventAsync(p[0], PublicEventKind.Admitted, t0.AddDays(10), $"入箱 {tag}", "admitted")),
            ("sent back", () => app.EventAsync(p[1], PublicEventKind.SentBackToDeliberation, t0.AddDays(11), $"退回 {tag}", "sent back")),
            ("second notice", () => app.NoticeAsync("BJ", t0.AddDays(12), [Summary(p[1], $"区块链存证（修订） {tag}")])),
            ("progress", () => app.EventAsync(p[0], PublicEventKind.MajorProgress, t0.AddDays(13), $"重大进展 {tag}", "progress")),
            ("suspended", () => app.EventAsync(p[0], PublicEventKind.Suspended, t0.AddDays(13).AddHours(1), $"暂停 {tag}", "suspended")),
            ("resumed", () => app.EventAsync(p[0], PublicEventKind.Resumed, t0.AddDays(13).AddHours(2), $"恢复 {tag}", "resumed")),
            ("correction ordered", () => app.EventAsync(p[0], PublicEventKind.CorrectionOrdered, t0.AddDays(13).AddHours(3), $"整改 {tag}", "correction")),
            ("readmitted", () => app.EventAsync(p[0], PublicEventKind.Admitted, t0.AddDays(13).AddHours(4), $"再入箱 {tag}", "admitted again")),
            ("exit", () => app.EventAsync(p[0], PublicEventKind.Exit, t0.AddDays(14), $"退出 {tag}", "exit")),
            ("tier", () => app.EventAsync(p[0], PublicEventKind.TierAssigned, t0.AddDays(14).AddHours(1), $"分层 {tag}", "tier")),
            ("termination", () => app.EventAsync(p[1], PublicEventKind.Termination, t0.AddDays(15), $"终止 {tag}", "terminated")),
        };

        foreach (var (step, act) in steps)
        {
            await act();
            var incremental = await SnapshotAsync(app);
            var rebuilt = await app.WithDbAsync(db => RegisterProjection.RebuildAsync(db));
            var afterRebuild = await SnapshotAsync(app);
            Assert.True(incremental.SequenceEqual(afterRebuild), $"after the {step}: the read model differs from its rebuild");
            Assert.Equal(incremental.Count, rebuilt);
        }

        var rows = (await SnapshotAsync(app)).Where(r => r.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("区块链存证（修订）", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(p[2].ToString(), StringComparison.Ordinal));

        // The facts the statistics group on, as the events above give them.
        var (first, second) = await app.WithDbAsync(async db => (
            await db.RegisterPilots.AsNoTracking().SingleAsync(r => r.ProjectId == p[0]),
            await db.RegisterPilots.AsNoTracking().SingleAsync(r => r.ProjectId == p[1])));
        Assert.Equal(Ms(t0.AddDays(10)), Ms(first.AdmittedAt));
        Assert.Equal(ChinaTime.DateOf(t0.AddDays(10)), first.AdmittedOn);
        Assert.Equal(Ms(t0.AddDays(13).AddHours(4)), Ms(first.LastAdmittedAt));
        Assert.Equal(Ms(t0.AddDays(14)), Ms(first.ExitedAt));
        Assert.Equal(PublicEventKind.Exit, first.Lifecycle);
        Assert.True(first.Noticed);
        Assert.True(first.Troubled);
        Assert.True(first.TierPublished);
        Assert.Null(second.AdmittedAt);
        Assert.Equal(Ms(t0.AddDays(15)), Ms(second.ExitedAt));
        Assert.Equal(PublicEventKind.Termination, second.Lifecycle);
        Assert.True(second.Troubled);
        Assert.False(second.TierPublished);
    }

    [Theory, AllProviders]
    public async Task Rows_written_before_the_statistics_facts_are_rebuilt_after_migrating(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var current = await SnapshotAsync(app);
        Assert.False(await app.WithDbAsync(db => RegisterProjection.EnsureFactsAsync(db)));

        // As the migration that adds the facts leaves the rows: version 0, no facts.
        await app.WithDbAsync(db => db.RegisterPilots.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FactsVersion, 0).SetProperty(r => r.AdmittedAt, (DateTimeOffset?)null).SetProperty(r => r.AdmittedOn, (DateOnly?)null)
            .SetProperty(r => r.LastAdmittedAt, (DateTimeOffset?)null).SetProperty(r => r.ExitedAt, (DateTimeOffset?)null).SetProperty(r => r.Noticed, false)
            .SetProperty(r => r.Lifecycle, (PublicEventKind?)null).SetProperty(r => r.Troubled, false).SetProperty(r => r.TierPublished, false)));
        await app.WithDbAsync(db => db.RegisterPilotTags.ExecuteUpdateAsync(s => s.SetProperty(t => t.RegionId, 0).SetProperty(t => t.Admitted, false)));
        Assert.False(current.SequenceEqual(await SnapshotAsync(app)));

        await DatabaseMigrator.MigrateAsync(app.Services);
        Assert.True(current.SequenceEqual(await SnapshotAsync(app)), "the migrator rebuilds the rows' facts");
        Assert.False(await app.WithDbAsync(db => RegisterProjection.EnsureFactsAsync(db)));
    }

    [Theory, AllProviders]
    public async Task A_search_finds_Chinese_words_of_two_and_more_characters_and_English_words_and_nothing_unpublished(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = "S" + Guid.NewGuid().ToString("N")[..8];
        var (_, p) = await app.ScreenedAsync("BJ", DemoUsers.WorkingGroupBeijing, $"检索测试征集 {tag}", [$"甲 {tag}", $"乙 {tag}", $"丙 {tag}", $"丁 {tag}"]);
        var t0 = app.Clock.GetUtcNow().AddDays(-20);
        await app.NoticeAsync("BJ", t0, [
            Summary(p[0], $"联邦学习信用评估 {tag}", "以 Federated Learning 评估小微企业信用风险"),
            Summary(p[1], $"量子加密通信 {tag}", "Quantum-safe messaging between brokers")]);
        await app.NoticeAsync("BJ", t0.AddDays(1), [Summary(p[2], $"联邦学习草稿 {tag}", "Federated drafts")], publish: false);
        await app.NoticeAsync("BJ", t0.AddDays(2), [Summary(p[3], $"联邦学习撤回 {tag}", "Federated withdrawn")], withdraw: true);
        using var anonymous = app.Anonymous();

        async Task<IReadOnlyList<Guid>> FoundAsync(string q)
        {
            var page = await (await anonymous.GetAsync($"/api/v1/pilots?q={Uri.EscapeDataString(q + " " + tag)}&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
            return [.. page.Items.Select(i => i.Id)];
        }

        Assert.Equal([p[0]], await FoundAsync("联邦"));
        Assert.Equal([p[0]], await FoundAsync("联邦学习"));
        Assert.Equal([p[0]], await FoundAsync("小微企业信用"));
        Assert.Equal([p[1]], await FoundAsync("加密"));
        Assert.Equal([p[1]], await FoundAsync("量子加密通信"));
        Assert.Equal([p[0]], await FoundAsync("federated"));
        Assert.Equal([p[0]], await FoundAsync("FEDERATED learn"));
        Assert.Equal([p[1]], await FoundAsync("quantum brokers"));
        Assert.Equal([p[0]], await FoundAsync("邦"));
        Assert.Empty(await FoundAsync("学联"));
        Assert.Empty(await FoundAsync("联邦 quantum"));
        Assert.Empty(await FoundAsync("草稿"));
        Assert.Empty(await FoundAsync("撤回"));
        Assert.Empty(await FoundAsync("drafts"));
        Assert.Empty(await FoundAsync("withdrawn"));
        Assert.Equal(new[] { p[0], p[1] }.Order(), (await FoundAsync(string.Empty)).Order());
    }

    [Theory, AllProviders]
    public async Task Pages_read_as_of_the_first_do_not_shift_when_pilots_are_added(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = "P" + Guid.NewGuid().ToString("N")[..8];
        var (_, p) = await app.ScreenedAsync("SH", DemoUsers.WorkingGroupShanghai, $"分页测试征集 {tag}", [.. Enumerable.Range(1, 7).Select(i => $"项目{i} {tag}")]);
        var t0 = app.Clock.GetUtcNow().AddDays(-10);
        // Five at the same instant: the order among them is by name, then id, never by chance.
        await app.NoticeAsync("SH", t0, [.. p.Take(5).Select((id, i) => Summary(id, $"分页{i} {tag}"))]);
        using var anonymous = app.Anonymous();
        var address = $"/api/v1/pilots?q={tag}&pageSize=2";

        using var first = await anonymous.GetAsync(address);
        var asOf = Assert.Single(first.Headers.GetValues(PilotsApi.AsOfHeader));
        var page1 = await first.ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        // Two more, newer: without asOf they would come first and push every page down.
        await app.NoticeAsync("SH", t0.AddDays(1), [Summary(p[5], $"新增甲 {tag}"), Summary(p[6], $"新增乙 {tag}")]);
        var page2 = await (await anonymous.GetAsync($"{address}&page=2&asOf={asOf}")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var page3 = await (await anonymous.GetAsync($"{address}&page=3&asOf={asOf}")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        var now = await (await anonymous.GetAsync($"{address}&page=1&fresh=1")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();

        var read = page1.Items.Concat(page2.Items).Concat(page3.Items).Select(i => i.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"分页{i} {tag}"), page1.Items.Concat(page2.Items).Concat(page3.Items).Select(i => i.Name));
        Assert.Equal(p.Take(5).Order(), read.Order());
        Assert.Equal((5, 5, 5), (page1.Total, page2.Total, page3.Total));
        Assert.Equal(7, now.Total);
        Assert.Equal(new[] { p[5], p[6] }.Order(), now.Items.Select(i => i.Id).Order());

        // A search of many matches is ordered from the order's index on SQLite: the same pages, the same count.
        foreach (var (page, bound) in new[] { (1, (long?)long.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)), (2, null), (3, null) })
        {
            var query = new RegisterQuery(Q: tag, Page: page, PageSize: 2, AsOf: bound);
            var (usual, byIndex) = await app.WithScopeAsync(async services =>
            {
                var register = services.GetRequiredService<PilotRegister>();
                return (await register.SearchAsync(query), await register.SearchAsync(query, manyMatches: 0));
            });
            Assert.Equal(usual.Items.Select(i => i.Id), byIndex.Items.Select(i => i.Id));
            Assert.Equal(usual.Total, byIndex.Total);
            Assert.Equal(bound is null ? 7 : 5, byIndex.Total);
        }
    }

    [Theory, AllProviders]
    public async Task The_whole_register_read_as_of_a_row_is_the_same_after_pilots_are_added(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = "W" + Guid.NewGuid().ToString("N")[..8];
        var (_, p) = await app.ScreenedAsync("SH", DemoUsers.WorkingGroupShanghai, $"全册分页征集 {tag}", [$"甲 {tag}", $"乙 {tag}"]);
        Task<(Page<PilotEntry> Page, long AsOf)> ReadAsync(int page, long? asOf) => app.WithScopeAsync(services =>
            services.GetRequiredService<PilotRegister>().SearchPinnedAsync(new RegisterQuery(Page: page, PageSize: 3, AsOf: asOf)));
        var (first, asOf) = await ReadAsync(1, null);
        var (second, _) = await ReadAsync(2, asOf);

        // Two more, the newest: read as of the first read, the pages and the count are those of before.
        await app.NoticeAsync("SH", app.Clock.GetUtcNow().AddDays(30), [Summary(p[0], $"全册甲 {tag}"), Summary(p[1], $"全册乙 {tag}")]);
        var (firstAgain, pinned) = await ReadAsync(1, asOf);
        var (secondAgain, _) = await ReadAsync(2, asOf);
        var (now, newest) = await ReadAsync(1, null);

        Assert.Equal(asOf, pinned);
        Assert.Equal(first.Items.Select(i => i.Id), firstAgain.Items.Select(i => i.Id));
        Assert.Equal(second.Items.Select(i => i.Id), secondAgain.Items.Select(i => i.Id));
        Assert.Equal((first.Total, first.Total), (firstAgain.Total, secondAgain.Total));
        Assert.Equal(first.Total + 2, now.Total);
        Assert.True(newest > asOf);
        Assert.Equal(new[] { p[0], p[1] }.Order(), now.Items.Take(2).Select(i => i.Id).Order());
        // Past the last page: no rows, the same count.
        var (past, _) = await ReadAsync(first.PageCount + 5, asOf);
        Assert.Empty(past.Items);
        Assert.Equal(first.Total, past.Total);
    }

    [Fact]
    public void Chinese_is_indexed_as_bigrams_and_Latin_as_words()
    {
        Assert.Equal("区块 块链 链 blockchain 2024", SearchText.Index("区块链Blockchain", "2024"));
        Assert.Equal("京华 华证 证券 券 jinghua securities co ltd", SearchText.Index("京华证券 Jinghua Securities Co., Ltd."));
        Assert.Equal("\"区块 块链\" AND \"pay\"*", FullTextIndex.SqliteQuery(SearchText.Query("区块链 pay")));
        Assert.Equal("'区块' & '块链' & 'pay':* & '链':*", FullTextIndex.PostgresQuery(SearchText.Query("区块链 pay' 链")));
        Assert.Empty(SearchText.Query(" ,。 "));
    }

    [Theory, AllProviders]
    public async Task The_lookups_every_page_shares_are_read_once_and_dropped_by_a_save_on_the_node(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        Task<string> BeijingInEnglishAsync() => app.WithScopeAsync(async services =>
            (await services.GetRequiredService<PilotRegister>().SearchAsync(new RegisterQuery(Region: "BJ", PageSize: 1))).Items[0].Region.NameEn);
        Task RenameAsync(string nameEn) => app.WithDbAsync(async db =>
        {
            var region = await db.Regions.SingleAsync(r => r.Code == "BJ");
            Assert.True(region.Update(region.Code, region.NameZh, nameEn, region.ApprovedOn, region.Active).Succeeded);
            return await db.SaveChangesAsync();
        });
        var original = await BeijingInEnglishAsync();
        try
        {
            // Written past this node's saves (as another node would): the shared copy still answers, so pages did not read it.
            var elsewhere = "Beijing " + Guid.NewGuid().ToString("N")[..6];
            await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").ExecuteUpdateAsync(s => s.SetProperty(r => r.NameEn, elsewhere)));
            Assert.Equal(original, await BeijingInEnglishAsync());

            // A save on this node drops the copy: the next page reads the tables again.
            var here = "Beijing " + Guid.NewGuid().ToString("N")[..6];
            await RenameAsync(here);
            Assert.Equal(here, await BeijingInEnglishAsync());
        }
        finally
        {
            await RenameAsync(original);
        }

        Assert.Equal(original, await BeijingInEnglishAsync());
    }

    private static PublicProjectSummary Summary(Guid projectId, string name, string tested = "测试内容") =>
        new(projectId, name, RegisterTestKit.LeadNameZh, ["某科技有限公司"], ProjectCategory.TechnologyInnovation, ["trading"], ["blockchain"], tested, "不超过 100 户", 12);

    /// <summary>A notice published and withdrawn, each in public, as the notice service does.</summary>
    private static async Task WithdrawnNoticeAsync(FinPilotApp app, DateTimeOffset at, PublicProjectSummary summary)
    {
        var noticeId = await app.NoticeAsync("BJ", at, [summary]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var notice = await db.PublicNotices.SingleAsync(n => n.Id == noticeId);
        Assert.True(notice.Withdraw("误发", at.AddHours(1), RegisterTestKit.Actor).Succeeded);
        scope.ServiceProvider.GetRequiredService<PublicRecordWriter>().Write(
            PublicRecord.Create("notice.withdrawn", notice.Id.ToString(), at.AddHours(1), new { notice.Id }),
            notice.RegionId,
            [new PublicEvent(summary.ProjectId, PublicEventKind.NoticeWithdrawn, at.AddHours(1), "撤回公示", "Withdrawn", $"/notices/{notice.Id}")]);
        await db.SaveChangesAsync();
    }

    /// <summary>Every row of the read model, its key left out (a rebuild numbers the rows afresh), in project order.</summary>
    private static Task<List<string>> SnapshotAsync(FinPilotApp app) => app.WithDbAsync(async db =>
        (await db.RegisterPilots.AsNoTracking().Include(r => r.Tags).ToListAsync())
            .OrderBy(r => r.ProjectId)
            .Select(r => string.Join('|',
                r.ProjectId, r.RegionId, r.CallId, r.LeadOrganisationId, r.Category, r.Name, JsonOf(r.Statement), r.ListedAt.ToUnixTimeMilliseconds(),
                r.UpdatedAt.ToUnixTimeMilliseconds(), r.SearchText, string.Join(',', r.Tags.Select(t => $"{t.Kind}:{t.Code}:{t.RegionId}:{t.Admitted}").Order()),
                r.AdmittedAt?.ToUnixTimeMilliseconds(), r.AdmittedOn, r.LastAdmittedAt?.ToUnixTimeMilliseconds(), r.ExitedAt?.ToUnixTimeMilliseconds(),
                r.Noticed, r.Lifecycle, r.Troubled, r.TierPublished, r.FactsVersion))
            .ToList());

    /// <summary>An instant to the millisecond, as both providers store it.</summary>
    private static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static string JsonOf(PublicProjectSummary summary) => System.Text.Json.JsonSerializer.Serialize(summary);
}
