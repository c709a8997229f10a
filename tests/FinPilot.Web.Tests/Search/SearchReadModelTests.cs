using System.Net;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Search;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Organisations;

namespace FinPilot.Web.Tests.Search;

/// <summary>
/// The platform search's read model (<see cref="SearchDocument"/>): written with every change to
/// its sources, equal to a rebuild from them, searched through its index in Chinese and English.
/// </summary>
public sealed class SearchReadModelTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_read_model_equals_a_rebuild_after_every_kind_of_change(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = SearchTestKit.NewTag("m");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var beijing = await CallTestKit.RegionIdAsync(app, "BJ");
        var t0 = app.Clock.GetUtcNow().AddDays(-5);
        CallsApi.CallDto? call = null;
        Guid project = Guid.Empty;
        var steps = new List<(string Step, Func<Task> Act)>
        {
            ("draft call", async () => call = (await wg.CreateAsync(CallTestKit.Input(app, beijing, $"区块链征集 {tag}")))),
            ("published call", async () => call = await wg.PublishAsync(call!)),
            ("application", async () => project = (await applicant.StartAsync(call!.Id, $"区块链存证申报 {tag}")).Id),
            ("submitted application", async () =>
            {
                await applicant.SaveAsync(project, ApplicationTestKit.CompleteForm($"区块链存证申报 {tag}"));
                await applicant.UploadMaterialsAsync(project);
                await (await applicant.PostAsync($"/api/v1/applications/{project}/submit", new { })).AssertStatusAsync(HttpStatusCode.OK);
            }),
            ("organisation", async () => await (await wg.PostAsync(OrganisationRequests.Path, OrganisationRequests.New(beijing, nameZh: $"区块链科技有限公司 {tag}"))).AssertStatusAsync(HttpStatusCode.Created)),
            ("draft notice", () => app.NoticeAsync("BJ", t0, [Listing(project, tag)], publish: false)),
            ("published notice and its public records", () => app.NoticeAsync("BJ", t0.AddDays(1), [Listing(project, tag)])),
            ("withdrawn notice", () => app.NoticeAsync("BJ", t0.AddDays(2), [Listing(project, tag)], withdraw: true)),
        };

        // Whatever was there before (the demo data) is the rebuild's to start with.
        await app.WithDbAsync(db => SearchProjection.RebuildAsync(db));
        foreach (var (step, act) in steps)
        {
            await act();
            var incremental = await app.SnapshotAsync();
            var rebuilt = await app.WithDbAsync(db => SearchProjection.RebuildAsync(db));
            var afterRebuild = await app.SnapshotAsync();
            Assert.True(incremental.SequenceEqual(afterRebuild), $"after the {step}: the read model differs from its rebuild:\n{string.Join('\n', incremental.Except(afterRebuild).Concat(["--"]).Concat(afterRebuild.Except(incremental)))}");
            Assert.Equal(incremental.Count, rebuilt);
        }

        var rows = (await app.SnapshotAsync()).Where(r => r.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, r => r.StartsWith("Call|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Application|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Organisation|", StringComparison.Ordinal));
        Assert.Equal(3, rows.Count(r => r.StartsWith("Notice|", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("PublicRecord|", StringComparison.Ordinal));
    }

    [Theory, AllProviders]
    public async Task A_search_finds_Chinese_words_of_two_and_more_characters_and_English_words(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = SearchTestKit.NewTag("c");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var beijing = await CallTestKit.RegionIdAsync(app, "BJ");
        var input = CallTestKit.Input(app, beijing, $"区块链供应链金融征集 {tag}") with { BodyHtml = "<p>Blockchain settlement for <b>small</b> banks</p>" };
        var call = await wg.PublishAsync(await wg.CreateAsync(input));

        async Task<IReadOnlyList<Guid>> FoundAsync(string q) => [.. (await wg.FindAsync(q + " " + tag)).Items.Select(i => i.Id)];

        Assert.Equal([call.Id], await FoundAsync("区块链"));
        Assert.Equal([call.Id], await FoundAsync("供应链金融"));
        Assert.Equal([call.Id], await FoundAsync("金融"));
        Assert.Equal([call.Id], await FoundAsync("blockchain"));
        Assert.Equal([call.Id], await FoundAsync("BLOCKCHAIN settle"));
        Assert.Equal([call.Id], await FoundAsync("small banks"));
        Assert.Empty(await FoundAsync("链区"));
        Assert.Empty(await FoundAsync("quantum"));
        Assert.Empty(await FoundAsync("区块链 quantum"));

        var found = await wg.FindAsync("区块链 " + tag);
        var hit = Assert.Single(found.Items);
        Assert.Equal((SearchKind.Call, $"/calls/{call.Id}"), (hit.Kind, hit.Link));
        Assert.Equal(1, found.Counts[nameof(SearchKind.Call)]);
        Assert.Empty((await wg.FindAsync(tag, kind: "Organisation")).Items);
    }

    private static Domain.Disclosure.PublicProjectSummary Listing(Guid project, string tag) =>
        RegisterTestKit.Summary(project, $"区块链存证 {tag}", ProjectCategory.TechnologyInnovation, "supply-chain", "blockchain", $"以区块链存证 {tag}");
}
