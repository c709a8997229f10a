using System.Net;
using System.Text.Json;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Calls;

/// <summary>A call's publication, corrections and early close are public records, logged in the ledger and linked from the call's page.</summary>
public sealed class CallRecordsTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Publishing_and_correcting_a_call_write_public_records_that_the_ledger_logs_and_the_call_page_links(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var anonymous = app.Anonymous();
        var beijing = await app.RegionIdAsync("BJ");
        var draft = await wg.CreateAsync(CallTestKit.Input(app, beijing, "监管链记录测试公告"));
        Assert.Empty(await RecordsOfAsync(app, draft.Id));

        var published = await wg.PublishAsync(draft);
        var first = Assert.Single(await RecordsOfAsync(app, draft.Id));
        Assert.Equal((CallActions.RecordPublished, $"/calls/{draft.Id}", (int?)beijing, (Guid?)null), (first.Kind, first.Link, first.RegionId, first.ProjectId));
        Assert.Equal(await PublishedAtAsync(app, draft.Id), first.At);
        using (var payload = JsonDocument.Parse(first.Payload))
        {
            var content = payload.RootElement;
            Assert.Equal(draft.Id, content.GetProperty("id").GetGuid());
            Assert.Equal(beijing, content.GetProperty("regionId").GetInt32());
            Assert.Equal(draft.BatchNumber, content.GetProperty("batchNumber").GetInt32());
            Assert.Equal("监管链记录测试公告", content.GetProperty("title").GetString());
            Assert.Equal("<p>征集正文</p>", content.GetProperty("bodyHtml").GetString());
            Assert.Equal(["数字人民币钱包应用", "多源数据互联互通"], content.GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(["SecuritiesFirm", "TechnologyCompany"], content.GetProperty("eligibleTypes").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(published.ClosesAt, content.GetProperty("closesAt").GetDateTimeOffset());
            Assert.Equal("010-8000 0001", content.GetProperty("contact").GetString());
            Assert.False(content.TryGetProperty("note", out _));
        }

        // Until the ledger has logged it, the page says the record is on its way.
        var waiting = await anonymous.GetStringAsync($"/calls/{draft.Id}");
        Assert.Contains("data-testid=\"call-ledger\"", waiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ledger-pending\"", waiting, StringComparison.Ordinal);

        using var correct = await wg.PostAsync($"/api/v1/calls/{draft.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Contact: "010-8000 0002"), "联系电话有误", published.Version));
        var corrected = await correct.ReadAsync<CallsApi.CallDto>();
        var records = await RecordsOfAsync(app, draft.Id);
        Assert.Equal([CallActions.RecordPublished, CallActions.RecordCorrected], records.Select(r => r.Kind));
        var correction = records[1];
        Assert.Equal(($"/calls/{draft.Id}", (int?)beijing, draft.Id.ToString()), (correction.Link, correction.RegionId, correction.SubjectId));
        using (var payload = JsonDocument.Parse(correction.Payload))
        {
            var content = payload.RootElement;
            Assert.Equal("联系电话有误", content.GetProperty("note").GetString());
            Assert.Equal(["Contact"], content.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("010-8000 0002", content.GetProperty("contact").GetString());
            Assert.Equal("监管链记录测试公告", content.GetProperty("title").GetString());
        }

        Assert.Equal(Assert.Single(corrected.Corrections).At, correction.At, TimeSpan.FromMilliseconds(1));

        await app.RunLedgerAsync();

        var sequences = records.Select(r => r.Sequence).ToList();
        var indexes = await app.WithDbAsync(db => db.LedgerEntries.Where(e => sequences.Contains(e.RecordSequence))
            .OrderBy(e => e.RecordSequence).Select(e => e.Index).ToListAsync());
        Assert.Equal(2, indexes.Count);
        var page = await anonymous.GetStringAsync($"/calls/{draft.Id}");
        Assert.Contains("data-testid=\"ledger-proof\"", page, StringComparison.Ordinal);
        Assert.Contains($"api/v1/ledger/entries/{indexes[1]}/proof", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ledger-pending\"", page, StringComparison.Ordinal);

        // Each record's proof, downloaded as a visitor would, verifies offline and names the call's page.
        for (var i = 0; i < indexes.Count; i++)
        {
            var entry = await app.DownloadVerifiedEntryAsync(anonymous, indexes[i]);
            Assert.Equal((records[i].Kind, draft.Id.ToString(), "BJ", $"/calls/{draft.Id}", (Guid?)null), (entry.Kind, entry.Subject, entry.Region, entry.Link, entry.Project));
            Assert.Equal(LedgerEntry.ContentHashOf(records[i].Payload), entry.ContentSha256);
        }
    }

    [Theory, AllProviders]
    public async Task Closing_a_call_early_is_a_public_record_and_archiving_it_is_not(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var call = await app.PublishedAsync(DemoUsers.WorkingGroupBeijing, "BJ", "提前截止的公告");

        using var close = await wg.PostAsync($"/api/v1/calls/{call.Id}/close", new CallsApi.CallTransition(call.Version));
        var closed = await close.ReadAsync<CallsApi.CallDto>();
        using var archive = await wg.PostAsync($"/api/v1/calls/{call.Id}/archive", new CallsApi.CallTransition(null));
        await archive.AssertStatusAsync(HttpStatusCode.OK);

        var records = await RecordsOfAsync(app, call.Id);
        Assert.Equal([CallActions.RecordPublished, CallActions.RecordClosed], records.Select(r => r.Kind));
        Assert.Equal($"/calls/{call.Id}", records[1].Link);
        using var payload = JsonDocument.Parse(records[1].Payload);
        Assert.Equal(closed.ClosedAt!.Value, payload.RootElement.GetProperty("closedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(call.ClosesAt, payload.RootElement.GetProperty("closesAt").GetDateTimeOffset());
    }

    [Theory, AllProviders]
    public async Task The_call_api_gives_the_ledger_index_of_the_call_s_newest_record_once_it_is_logged(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var anonymous = app.Anonymous();
        var draft = await wg.CreateAsync(CallTestKit.Input(app, await app.RegionIdAsync("BJ"), "监管链序号测试公告"));
        Assert.Null(draft.LedgerIndex);
        Assert.Null((await GetAsync(wg, draft.Id)).LedgerIndex);

        var published = await wg.PublishAsync(draft);
        Assert.Null(published.LedgerIndex);
        Assert.Null((await GetAsync(anonymous, draft.Id)).LedgerIndex);

        await app.RunLedgerAsync();
        Assert.Equal(await IndexOfAsync(app, draft.Id, CallActions.RecordPublished), (await GetAsync(anonymous, draft.Id)).LedgerIndex);
        using (var list = await anonymous.GetAsync("/api/v1/calls?q=监管链序号测试公告"))
        {
            // The list carries no index: one call at a time.
            var listed = Assert.Single((await list.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray());
            Assert.False(listed.TryGetProperty("ledgerIndex", out _));
        }

        // A correction is the newest record: none until the ledger has logged it, then its own.
        using var correct = await wg.PostAsync($"/api/v1/calls/{draft.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Contact: "010-8000 0003"), "联系电话有误", published.Version));
        var corrected = await correct.ReadAsync<CallsApi.CallDto>();
        Assert.Null(corrected.LedgerIndex);
        Assert.Null((await GetAsync(anonymous, draft.Id)).LedgerIndex);

        await app.RunLedgerAsync();
        var correction = await IndexOfAsync(app, draft.Id, CallActions.RecordCorrected);
        Assert.True(correction > await IndexOfAsync(app, draft.Id, CallActions.RecordPublished));
        Assert.Equal(correction, (await GetAsync(anonymous, draft.Id)).LedgerIndex);

        // Archiving records nothing, so its answer still gives the newest record: the early close.
        using var close = await wg.PostAsync($"/api/v1/calls/{draft.Id}/close", new CallsApi.CallTransition(corrected.Version));
        Assert.Null((await close.ReadAsync<CallsApi.CallDto>()).LedgerIndex);
        await app.RunLedgerAsync();
        using var archive = await wg.PostAsync($"/api/v1/calls/{draft.Id}/archive", new CallsApi.CallTransition(null));
        Assert.Equal(await IndexOfAsync(app, draft.Id, CallActions.RecordClosed), (await archive.ReadAsync<CallsApi.CallDto>()).LedgerIndex);
    }

    [Theory, AllProviders]
    public async Task A_publication_or_correction_that_fails_writes_no_public_record(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        var beijing = await app.RegionIdAsync("BJ");

        // Incomplete: a draft may lack its contact and materials, a published call may not.
        var incomplete = await wg.CreateAsync(CallTestKit.Input(app, beijing, "材料不全的公告") with { Contact = null, Materials = [] });
        using var refused = await wg.PostAsync($"/api/v1/calls/{incomplete.Id}/publish", new CallsApi.CallTransition(incomplete.Version));
        Assert.Contains("Contact", (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors.Keys);

        // Stale version, and another region's working group (to whom the draft does not exist).
        var draft = await wg.CreateAsync(CallTestKit.Input(app, beijing, "版本过期的公告"));
        using var stale = await wg.PostAsync($"/api/v1/calls/{draft.Id}/publish", new CallsApi.CallTransition(Guid.NewGuid()));
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        using var outsider = await shanghai.PostAsync($"/api/v1/calls/{draft.Id}/publish", new CallsApi.CallTransition(draft.Version));
        await outsider.ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty(await RecordsOfAsync(app, incomplete.Id));
        Assert.Empty(await RecordsOfAsync(app, draft.Id));
        Assert.Equal(CallStatus.Draft, await app.WithDbAsync(db => db.Calls.Where(c => c.Id == draft.Id).Select(c => c.Status).SingleAsync()));

        // Published at last: one record; corrections against a stale version or changing nothing add none.
        var published = await wg.PublishAsync(draft);
        Assert.Equal(CallActions.RecordPublished, Assert.Single(await RecordsOfAsync(app, draft.Id)).Kind);
        using var staleCorrection = await wg.PostAsync($"/api/v1/calls/{draft.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Title: "过期版本的更正"), "更正", draft.Version));
        await staleCorrection.ReadProblemAsync(HttpStatusCode.Conflict);
        using var noChange = await wg.PostAsync($"/api/v1/calls/{draft.Id}/corrections",
            new CallsApi.CallCorrectionInput(new CallChanges(Contact: published.Contact), "没有改动", published.Version));
        await noChange.ReadProblemAsync(HttpStatusCode.BadRequest);
        using var staleClose = await wg.PostAsync($"/api/v1/calls/{draft.Id}/close", new CallsApi.CallTransition(draft.Version));
        await staleClose.ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Single(await RecordsOfAsync(app, draft.Id));
    }

    [Theory, AllProviders]
    public async Task The_demo_s_published_calls_have_their_public_records(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var shanghai = await app.RegionIdAsync("SH");
        var calls = await app.WithDbAsync(db => db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft).ToListAsync());
        var records = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().Where(r => CallActions.RecordKinds.Contains(r.Kind)).ToListAsync());

        // The demo seeds calls in five regions; the past ones (the first of Beijing, Shanghai, Shenzhen, Guangzhou and Nanjing) closed by themselves at their close time.
        Assert.Contains(calls, c => c.RegionId == shanghai);
        var closedByItself = calls.Where(c => c.Status == CallStatus.Closed && c.ClosedBy is null).Select(c => c.Id.ToString()).ToList();
        Assert.Equal(5, closedByItself.Count);
        Assert.All(calls, call =>
        {
            var published = Assert.Single(records, r => r.SubjectId == call.Id.ToString() && r.Kind == CallActions.RecordPublished);
            Assert.Equal((CallRecords.PageOf(call.Id), (int?)call.RegionId, call.PublishedAt), (published.Link, published.RegionId, (DateTimeOffset?)published.At));
        });
        Assert.DoesNotContain(records, r => closedByItself.Contains(r.SubjectId) && r.Kind == CallActions.RecordClosed);
    }

    private static Task<List<PublicRecordEntry>> RecordsOfAsync(FinPilotApp app, Guid callId) =>
        app.WithDbAsync(db => db.PublicRecords.AsNoTracking().Where(r => r.SubjectId == callId.ToString()).OrderBy(r => r.Sequence).ToListAsync());

    private static async Task<CallsApi.CallDto> GetAsync(HttpClient client, Guid callId)
    {
        using var response = await client.GetAsync($"/api/v1/calls/{callId}");
        return await response.ReadAsync<CallsApi.CallDto>();
    }

    private static Task<long> IndexOfAsync(FinPilotApp app, Guid callId, string kind) =>
        app.WithDbAsync(db => db.LedgerEntries
            .Join(db.PublicRecords.Where(r => r.SubjectId == callId.ToString() && r.Kind == kind), e => e.RecordSequence, r => r.Sequence, (e, r) => e.Index)
            .SingleAsync());

    private static Task<DateTimeOffset?> PublishedAtAsync(FinPilotApp app, Guid callId) =>
        app.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.PublishedAt).SingleAsync());
}
