using System.Net;
using FinPilot.Domain.Casebooks;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>Who may compose which casebook, and that a draft does not exist for anyone else.</summary>
public sealed class CasebookAuthorizationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_draft_is_its_region_working_groups_alone(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var anonymous = app.Anonymous();
        var draft = await wg.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "北京草稿案例集", Period = "首批" });

        // Another region's working group, an applicant and anonymous readers do not see the draft at all.
        foreach (var client in new[] { shanghai, applicant, anonymous })
        {
            await (await client.GetAsync($"/api/v1/casebooks/{draft.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        await (await shanghai.GetAsync($"/api/v1/casebooks/{draft.Id}/preview")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await shanghai.GetAsync($"/api/v1/casebooks/{draft.Id}/draft")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await shanghai.PutAsync($"/api/v1/casebooks/{draft.Id}", new CasebooksApi.RenameRequest("改名", null, "首批", draft.Version))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await applicant.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(draft.Version))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/casebooks/{draft.Id}/casebook.pdf")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/casebooks/{draft.Id}")).StatusCode);
        Assert.DoesNotContain((await (await anonymous.GetAsync("/api/v1/casebooks?pageSize=100")).ReadAsync<Web.Http.Page<CasebookRow>>()).Items, r => r.Id == draft.Id);
        Assert.DoesNotContain((await (await shanghai.GetAsync("/api/v1/casebooks/manage?pageSize=100")).ReadAsync<Web.Http.Page<CasebookRow>>()).Items, r => r.Id == draft.Id);
        Assert.Contains((await (await wg.GetAsync("/api/v1/casebooks/manage?pageSize=100")).ReadAsync<Web.Http.Page<CasebookRow>>()).Items, r => r.Id == draft.Id);

        // Nor may they start one for Beijing, or a national one; an empty draft is not published.
        await (await shanghai.PostAsync("/api/v1/casebooks", new CasebookDraft { RegionId = beijing, TitleZh = "越权", Period = "首批" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await applicant.PostAsync("/api/v1/casebooks", new CasebookDraft { Scope = CasebookScope.National, TitleZh = "越权", Period = "首批" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wg.PostAsync("/api/v1/casebooks", new CasebookDraft { Scope = CasebookScope.National, TitleZh = "越权", Period = "首批" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(draft.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, AllProviders]
    public async Task Only_exited_tiered_pilots_of_the_region_are_selected_and_the_national_level_composes_across_regions(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var running = await app.RunningPilotAsync("运行中试点");
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var draft = await wg.CreateAsync(new CasebookDraft { RegionId = await app.RegionIdAsync("BJ"), TitleZh = "北京案例集", Period = "首批" });

        await (await wg.PostAsync($"/api/v1/casebooks/{draft.Id}/cases", new CasebooksApi.SelectRequest(running, draft.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        var national = await chair.CreateAsync(new CasebookDraft { Scope = CasebookScope.National, TitleZh = "全国金融科技创新监管试点案例集", Period = "2021–2023" });
        Assert.Null(national.RegionId);
        await (await secretariat.GetAsync($"/api/v1/casebooks/{national.Id}/draft")).ReadAsync<CasebooksApi.CasebookDto>();
        await (await wg.GetAsync($"/api/v1/casebooks/{national.Id}/draft")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
