using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Applications;

/// <summary>
/// The screening and application pages offer a project move exactly when <see cref="ProjectPolicy"/>
/// allows it to the signed-in user: no button for another region's working group, a wrong stage
/// or a role that does not own the trigger, and none missing where the policy allows it.
/// </summary>
public sealed class ProjectActionPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    /// <summary>How each page marks the form or link of a move.</summary>
    private static readonly Dictionary<ProjectTrigger, string> ScreeningMarks = new()
    {
        [ProjectTrigger.StartScreening] = "data-testid=\"start-screening\"",
        [ProjectTrigger.Accept] = "data-testid=\"accept\"",
        [ProjectTrigger.ReturnForSupplement] = "data-testid=\"return-for-supplement\"",
        [ProjectTrigger.Reject] = "data-testid=\"reject\"",
    };

    private static readonly string[] People =
        [DemoUsers.WorkingGroupBeijing, DemoUsers.WorkingGroupShanghai, DemoUsers.Applicant, DemoUsers.Coordination, DemoUsers.Admin];

    [Theory, AllProviders]
    public async Task The_pages_offer_the_moves_the_policy_allows_and_no_other(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "页面按策略");

        var submitted = await OfferedAsync(app, id);
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var screening = await OfferedAsync(app, id);

        // The policy's own answers, so that the comparison cannot pass by both sides offering nothing.
        Assert.Equal([ProjectTrigger.StartScreening], submitted[DemoUsers.WorkingGroupBeijing].Screening);
        Assert.Equal([ProjectTrigger.Withdraw], submitted[DemoUsers.Applicant].Application);
        Assert.Equal([ProjectTrigger.ReturnForSupplement, ProjectTrigger.Accept, ProjectTrigger.Reject], screening[DemoUsers.WorkingGroupBeijing].Screening);
        Assert.Empty(screening[DemoUsers.WorkingGroupShanghai].Screening);
        Assert.Empty(screening[DemoUsers.Coordination].Screening);
        Assert.Empty(screening[DemoUsers.Applicant].Screening);
        foreach (var (stage, offered) in new[] { (ProjectStage.Submitted, submitted), (ProjectStage.Screening, screening) })
        {
            foreach (var person in People)
            {
                Assert.True(
                    offered[person].Policy.SequenceEqual(offered[person].Screening.Concat(offered[person].Application).Order()),
                    $"{person} at {stage}: the policy allows [{string.Join(", ", offered[person].Policy)}], the pages offer "
                    + $"[{string.Join(", ", offered[person].Screening.Concat(offered[person].Application))}]");
            }
        }
    }

    /// <summary>For each person: what the policy allows them on the project now (of the moves these pages carry), and what each page offers.</summary>
    private static async Task<Dictionary<string, (ProjectTrigger[] Policy, ProjectTrigger[] Screening, ProjectTrigger[] Application)>> OfferedAsync(FinPilotApp app, Guid id)
    {
        var project = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == id));
        var carried = ScreeningMarks.Keys.Append(ProjectTrigger.Withdraw).ToHashSet();
        var offered = new Dictionary<string, (ProjectTrigger[], ProjectTrigger[], ProjectTrigger[])>();
        foreach (var person in People)
        {
            var grants = await GrantsAsync(app, person);
            using var session = await app.SignedInAsync(person);
            var screeningPage = await PageAsync(session, $"/screening/{id}");
            var applicationPage = await PageAsync(session, $"/applications/{id}");
            offered[person] = (
                [.. ProjectPolicy.AvailableTriggers(project, grants).Where(carried.Contains).Order()],
                [.. ScreeningMarks.Where(m => screeningPage.Contains(m.Value, StringComparison.Ordinal)).Select(m => m.Key).Order()],
                applicationPage.Contains($"href=\"applications/{id}/withdraw\"", StringComparison.Ordinal) ? [ProjectTrigger.Withdraw] : []);
        }

        return offered;
    }

    /// <summary>The page as rendered, also when it answers 403 (a project the person may not see).</summary>
    private static async Task<string> PageAsync(BrowserSession session, string path)
    {
        using var response = await session.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<List<RoleGrant>> GrantsAsync(FinPilotApp app, string email) =>
        app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return (await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync()).Select(a => a.Grant).ToList();
        });
}
