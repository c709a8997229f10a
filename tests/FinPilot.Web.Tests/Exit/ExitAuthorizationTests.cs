using System.Net;
using FinPilot.Domain.Exit;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Alerts;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// Authorisation at the edge: the institution acts only on its own organisation's pilots, the working
/// group only in its region, experts only on their assignment, the coordination group reads all and
/// alone decides the tier; integrity officers read and never act.
/// </summary>
public sealed class ExitAuthorizationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Each_role_is_held_to_its_own_pilots_and_steps(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("退出权限");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var other = await app.OtherApplicantAsync();
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        using var integrity = await app.ApiClientAsync(DemoUsers.Integrity);
        using var expert = await app.ApiClientAsync(DemoUsers.Expert);

        // Applying: only the lead organisation's applicants.
        foreach (var denied in new[] { other, wg, shanghai, chair, integrity, expert })
        {
            await denied.PostAsync($"/api/v1/exits/projects/{projectId}", ExitTestKit.Completion()).AssertDeniedAsync();
        }

        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Completion());
        var filled = await applicant.FillAsync(exit);

        // Reading: another organisation, another region's working group and an unassigned expert see nothing; the coordination group and integrity read.
        foreach (var denied in new[] { other, shanghai, expert })
        {
            await denied.GetAsync($"/api/v1/exits/{exit.Id}").AssertDeniedAsync();
        }

        Assert.Equal(exit.Id, (await chair.GetExitAsync(exit.Id)).Id);
        Assert.False((await integrity.GetExitAsync(exit.Id)).Allowed.Submit);
        await shanghai.GetAsync($"/api/v1/exits?regionId={exit.RegionId}").AssertDeniedAsync();
        var queue = await (await wg.GetAsync($"/api/v1/exits?regionId={exit.RegionId}&status={ExitStatus.SelfAssessment}")).ReadAsync<Web.Http.Page<ExitRow>>();
        Assert.Contains(queue.Items, r => r.Id == exit.Id);
        var shanghaiQueue = await (await shanghai.GetAsync("/api/v1/exits")).ReadAsync<Web.Http.Page<ExitRow>>();
        Assert.DoesNotContain(shanghaiQueue.Items, r => r.Id == exit.Id);

        // The institution's steps: not the working group, not another organisation.
        foreach (var denied in new[] { other, wg, chair, integrity })
        {
            await denied.PostAsync($"/api/v1/exits/{exit.Id}/submit", new ExitsApi.VersionRequest(filled.Version)).AssertDeniedAsync();
        }

        var submitted = await applicant.SubmitAsync(filled);

        // The audit: only Beijing's working group.
        foreach (var denied in new[] { applicant, shanghai, chair, integrity, expert })
        {
            await denied.PostAsync($"/api/v1/exits/{exit.Id}/accept", new ExitsApi.TextRequest("通过", submitted.Version)).AssertDeniedAsync();
            await denied.PostAsync($"/api/v1/exits/{exit.Id}/questions", new ExitsApi.TextRequest("问题", submitted.Version)).AssertDeniedAsync();
        }

        var accepted = await wg.AcceptAsync(submitted);
        foreach (var denied in new[] { applicant, shanghai, chair })
        {
            await denied.PostAsync($"/api/v1/exits/{exit.Id}/review", new ExitsApi.VersionRequest(accepted.Version)).AssertDeniedAsync();
        }

        // An expert scores only an exit they are assigned to.
        var started = await (await wg.PostAsync($"/api/v1/exits/{exit.Id}/review", new ExitsApi.VersionRequest(accepted.Version))).ReadAsync<ExitsApi.ExitDto>();
        await (await expert.PostAsync($"/api/v1/exits/{exit.Id}/review/sheet", ExitTestKit.Sheet(started.Version, 8))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await wg.PostAsync($"/api/v1/exits/{exit.Id}/review/sheet", ExitTestKit.Sheet(started.Version, 8)).AssertDeniedAsync();
        var forwarded = await app.ReviewAndForwardAsync(wg, started, 8, 8, 8);

        // The tier and the agenda: the coordination group only.
        foreach (var denied in new[] { applicant, wg, integrity, expert })
        {
            await denied.PostAsync($"/api/v1/exits/{exit.Id}/tier", new ExitsApi.TierRequest { Tier = ExitTier.Good, Reason = "理由", Version = forwarded.Version }).AssertDeniedAsync();
        }

        Assert.True((await chair.GetExitAsync(exit.Id)).Allowed.DecideTier);
        Assert.False((await wg.GetExitAsync(exit.Id)).Allowed.DecideTier);

        // The institution reads the review's summary, never who scored what.
        var own = await applicant.GetExitAsync(exit.Id);
        Assert.Null(own.Review);
        Assert.Equal(3, own.ReviewSummary!.Submitted);
    }
}
