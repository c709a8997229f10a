using System.Net;
using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>Withdrawing a published notice is public, like publishing it: a record the ledger logs, shown on the notice's page; a draft's withdrawal is not.</summary>
public sealed class NoticeWithdrawalTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Reason = "公示所列项目摘要有误，更正后重新公示";

    [Theory, AllProviders]
    public async Task Withdrawing_a_published_notice_writes_a_public_record_that_the_ledger_logs_and_the_notice_page_links(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var anonymous = app.Anonymous();
        var beijing = await app.RegionIdAsync("BJ");
        var project = await app.ApprovedAsync("撤回公示记录");
        var notice = await wg.PublishedNoticeAsync(app, project);
        var published = await PublicAsync(anonymous, notice.Id);

        app.Clock.Advance(TimeSpan.FromHours(2));
        using (var withdraw = await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/withdraw", new NoticesApi.ReasonRequest($"  {Reason} ", published.Version)))
        {
            await withdraw.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        var stored = await app.WithDbAsync(db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        Assert.Equal(NoticeStatus.Withdrawn, stored.Status);
        var records = await RecordsOfAsync(app, notice.Id);
        Assert.Equal([NoticeActions.RecordPublished, NoticeActions.RecordWithdrawn], records.Select(r => r.Kind));
        var withdrawal = records[1];
        var link = $"/notices/{notice.Id}";
        Assert.Equal((link, (int?)beijing, (Guid?)project, stored.WithdrawnAt), (withdrawal.Link, withdrawal.RegionId, withdrawal.ProjectId, (DateTimeOffset?)withdrawal.At));
        using (var payload = JsonDocument.Parse(withdrawal.Payload))
        {
            var content = payload.RootElement;
            Assert.Equal(notice.Id, content.GetProperty("id").GetGuid());
            Assert.Equal(beijing, content.GetProperty("regionId").GetInt32());
            Assert.Equal(notice.Title, content.GetProperty("title").GetString());
            Assert.Equal(Reason, content.GetProperty("reason").GetString());
            Assert.Equal(stored.WithdrawnAt!.Value, content.GetProperty("withdrawnAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        }

        // The listed project's timeline tells of the withdrawal too, tied to the record.
        var events = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking().Where(e => e.ProjectId == project).OrderBy(e => e.At).ToListAsync());
        Assert.Equal([PublicEventKind.NoticePublished, PublicEventKind.NoticeWithdrawn], events.Select(e => e.Kind));
        var told = events[1];
        Assert.Equal((link, (long?)withdrawal.Sequence, $"撤回公示：{notice.Title}", $"Public notice withdrawn: {notice.Title}"), (told.Link, told.RecordSequence, told.TitleZh, told.TitleEn));

        // The page still opens, says why it was withdrawn, and that its newest record is on its way to the ledger.
        var waiting = await anonymous.GetStringAsync(link);
        Assert.Contains("data-testid=\"notice-withdrawn\"", waiting, StringComparison.Ordinal);
        Assert.Contains(Reason, waiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice-ledger\"", waiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-pending\"", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"respond-form\"", waiting, StringComparison.Ordinal);

        await app.RunLedgerAsync();

        var index = await app.WithDbAsync(db => db.LedgerEntries.Where(e => e.RecordSequence == withdrawal.Sequence).Select(e => e.Index).SingleAsync());
        var page = await anonymous.GetStringAsync(link);
        Assert.Contains($"api/v1/ledger/entries/{index}/proof", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ledger-pending\"", page, StringComparison.Ordinal);

        // The withdrawal's proof, downloaded as a visitor would, verifies offline and names the notice's page.
        var entry = await app.DownloadVerifiedEntryAsync(anonymous, index);
        Assert.Equal((NoticeActions.RecordWithdrawn, notice.Id.ToString(), "BJ", link, (Guid?)project), (entry.Kind, entry.Subject, entry.Region, entry.Link, entry.Project));
        Assert.Equal(LedgerEntry.ContentHashOf(withdrawal.Payload), entry.ContentSha256);
    }

    [Theory, AllProviders]
    public async Task Withdrawing_a_draft_writes_no_public_record(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("撤回公示草稿");
        var draft = await wg.DraftNoticeAsync(app, project);

        using (var withdraw = await wg.PostAsync($"/api/v1/notices/manage/{draft.Id}/withdraw", new NoticesApi.ReasonRequest(Reason, draft.Version)))
        {
            await withdraw.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(NoticeStatus.Withdrawn, await app.WithDbAsync(db => db.PublicNotices.Where(n => n.Id == draft.Id).Select(n => n.Status).SingleAsync()));
        Assert.Empty(await RecordsOfAsync(app, draft.Id));
        Assert.False(await app.WithDbAsync(db => db.PublicEvents.AnyAsync(e => e.ProjectId == project)));
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/notices/{draft.Id}")).AssertStatusAsync(HttpStatusCode.NotFound);

        // Its working group still sees it, withdrawn, with no ledger line waiting for a record that will never come.
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        using var page = await session.GetAsync($"/notices/{draft.Id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"notice-withdrawn\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"notice-ledger\"", html, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task A_withdrawal_that_fails_writes_no_public_record(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var anonymous = app.Anonymous();
        var project = await app.ApprovedAsync("撤回公示失败");
        var notice = await wg.PublishedNoticeAsync(app, project);
        var version = (await PublicAsync(anonymous, notice.Id)).Version;
        var url = $"/api/v1/notices/manage/{notice.Id}/withdraw";

        // The draft's version is stale once published; a withdrawal needs a reason; another region's working group may not.
        using (var stale = await wg.PostAsync(url, new NoticesApi.ReasonRequest(Reason, notice.Version)))
        {
            await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        }

        using (var noReason = await wg.PostAsync(url, new NoticesApi.ReasonRequest("  ", version)))
        {
            Assert.Contains(nameof(PublicNotice.WithdrawalReason), (await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.Keys);
        }

        using (var outsider = await shanghai.PostAsync(url, new NoticesApi.ReasonRequest(Reason, version)))
        {
            await outsider.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(NoticeStatus.Published, (await PublicAsync(anonymous, notice.Id)).Status);
        Assert.Equal([NoticeActions.RecordPublished], (await RecordsOfAsync(app, notice.Id)).Select(r => r.Kind));
        Assert.Equal(
            [PublicEventKind.NoticePublished],
            await app.WithDbAsync(db => db.PublicEvents.Where(e => e.ProjectId == project).Select(e => e.Kind).ToListAsync()));
    }

    private static async Task<NoticesApi.NoticeDto> PublicAsync(HttpClient client, Guid noticeId)
    {
        using var response = await client.GetAsync($"/api/v1/notices/{noticeId}");
        return await response.ReadAsync<NoticesApi.NoticeDto>();
    }

    private static Task<List<PublicRecordEntry>> RecordsOfAsync(FinPilotApp app, Guid noticeId) =>
        app.WithDbAsync(db => db.PublicRecords.AsNoTracking().Where(r => r.SubjectId == noticeId.ToString()).OrderBy(r => r.Sequence).ToListAsync());
}
