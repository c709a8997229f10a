using System.Net;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Workbench;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Exit;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Workbench;

/// <summary>Each role's workbench lists its own queues, scoped like the modules' lists: a Shanghai working group sees none of Beijing's.</summary>
public sealed class WorkbenchTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static async Task<IReadOnlyList<WorkbenchSection>> WorkbenchAsync(HttpClient client, int take = 50) =>
        await (await client.GetAsync($"/api/v1/workbench?take={take}")).ReadAsync<List<WorkbenchSection>>();

    private static IEnumerable<string> Titles(IEnumerable<WorkbenchSection> sections, string key) =>
        sections.Where(s => s.Key == key).SelectMany(s => s.Items).Select(i => i.Title);

    [Theory, AllProviders]
    public async Task The_screening_queue_is_the_working_groups_of_the_region_and_nobody_elses(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var title = $"工作台审查 {Guid.NewGuid():N}"[..20];
        var project = await app.SubmittedAsync(await app.ApiClientAsync(DemoUsers.Applicant), title);

        var beijing = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing));
        var screening = Assert.Single(beijing, s => s.Key == "screening");
        var item = Assert.Single(screening.Items, i => i.Title == title);
        Assert.Equal($"screening/{project}", item.Href);
        Assert.True(screening.Count >= 1);

        var shanghai = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai));
        Assert.DoesNotContain(title, Titles(shanghai, "screening"));
        var applicant = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.Applicant));
        Assert.DoesNotContain(applicant, s => s.Key == "screening");

        // A fresh Beijing working-group member's home lists it, and the menu counts the queue.
        var email = $"wg.{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email, Role.RegionalWorkingGroup, regionId: await app.RegionIdAsync("BJ"));
        using var session = await app.SignedInAsync(email);
        var html = WebUtility.HtmlDecode(await (await session.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"workbench-screening\"", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        var nav = html[html.IndexOf("data-testid=\"nav-screening\"", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</a>", StringComparison.Ordinal)];
        Assert.Matches("data-testid=\"nav-count\">[1-9]", nav);
    }

    [Theory, AllProviders]
    public async Task An_applicant_sees_its_own_drafts_and_another_organisation_sees_none_of_them(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var title = $"工作台草稿 {Guid.NewGuid():N}"[..20];
        var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var draft = await applicant.StartAsync(await app.OpenBeijingCallAsync(title + " 征集"), title);

        var mine = await WorkbenchAsync(applicant);
        var item = Assert.Single(mine.Where(s => s.Key == "applications").SelectMany(s => s.Items), i => i.Title == title);
        Assert.Equal($"applications/{draft.Id}", item.Href);

        var other = await WorkbenchAsync(await app.OtherApplicantAsync());
        Assert.DoesNotContain(title, Titles(other, "applications"));
        var beijing = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing));
        Assert.DoesNotContain(title, Titles(beijing, "screening"));
    }

    [Theory, AllProviders]
    public async Task Each_panel_role_gets_its_own_queues_and_no_one_elses(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var keys = new Dictionary<string, string[]>
        {
            [DemoUsers.Expert] = ["my-evaluations"],
            [DemoUsers.Secretariat] = ["rounds"],
            [DemoUsers.Coordination] = ["deliberation"],
            [DemoUsers.Integrity] = ["integrity-flags"],
        };
        string[] staffOnly = ["screening", "rounds", "deliberation", "integrity-flags"];
        foreach (var (email, expected) in keys)
        {
            var sections = await WorkbenchAsync(await app.ApiClientAsync(email), take: 0);
            Assert.All(expected, key => Assert.Contains(sections, s => s.Key == key));
            Assert.All(staffOnly.Except(expected), key => Assert.DoesNotContain(sections, s => s.Key == key));
            Assert.All(sections, s => Assert.Empty(s.Items));
        }

        var applicant = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.Applicant));
        Assert.All(staffOnly, key => Assert.DoesNotContain(applicant, s => s.Key == key));
    }

    [Theory, AllProviders]
    public async Task The_api_refuses_a_take_out_of_range_and_anonymous_callers(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var response = await (await app.ApiClientAsync(DemoUsers.Applicant)).GetAsync("/api/v1/workbench?take=51");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.Errors["take"]);
        Assert.Contains("50", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Workbench.", message, StringComparison.Ordinal);
        await (await app.Anonymous().GetAsync("/api/v1/workbench")).AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllProviders]
    public async Task A_submitted_exit_waits_in_the_working_groups_audit_queue_of_its_region_only(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("工作台退出");
        var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var exit = await applicant.SubmitAsync(await applicant.FillAsync(await applicant.ApplyAsync(projectId, ExitTestKit.Completion())));
        var title = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync());

        var beijing = await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing));
        Assert.Single(Titles(beijing, "exits"), t => t == title);
        Assert.Contains(beijing.Single(s => s.Key == "exits").Items, i => i.Href == $"exits/{exit.Id}");
        Assert.DoesNotContain(title, Titles(await WorkbenchAsync(await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai)), "exits"));
        Assert.DoesNotContain(title, Titles(await WorkbenchAsync(applicant), "exits"));
    }
}
