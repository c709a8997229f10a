using System.Globalization;
using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 19's matching journey through the pages, between two organisations of its own (set up through the
/// services): a licensed institution publishes a scenario; a technology company publishes a solution, finds the
/// scenario among its solution's recommendations and expresses interest; the institution consents, which makes
/// the match, and both write in its thread; the company registers at the working group's roadshow; the
/// institution, the lead, turns the match into a draft application of its own for the open call.
/// </summary>
public sealed class MatchingJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_scenario_and_a_solution_meet_through_a_recommendation_present_at_a_roadshow_and_become_the_leads_draft()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var (institutionId, institutionEmail, companyEmail) = await PartiesAsync(marker);

        // A rare term in both texts, with the same area and technologies, puts the scenario first among the solution's recommendations.
        const string term = "鲸链清分对账";
        var scenarioTitle = $"旅程场景{marker}：{term}";
        var institution = await app.NewPageAsync();
        await new LoginPage(institution).SignInAsync(institutionEmail);
        await institution.GotoAsync("scenarios/new");
        await institution.Locator("#party").SelectOptionAsync($"o:{institutionId}");
        await institution.Locator("#title").FillAsync(scenarioTitle);
        await institution.Locator("#pain").FillAsync($"数字人民币钱包与资金账户之间的{term}依赖人工，差错发现滞后，需要实时{term}与可疑交易识别。");
        await institution.Locator("#area").SelectOptionAsync(((int)BusinessArea.Payments).ToString(CultureInfo.InvariantCulture));
        await CheckTechnologiesAsync(institution, "scenario-form", Technology.DigitalRmb, Technology.Blockchain);
        await institution.Locator("#outcome").FillAsync($"{term}由 T+1 提升到实时。");
        await institution.Locator("[data-testid=save-scenario]").ClickAsync();
        await institution.Locator("[data-testid=publish-scenario]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=scenario-status]")).ToHaveTextAsync("已发布");

        // The company offers a standing solution and finds the scenario through its recommendations.
        var solutionTitle = $"旅程方案{marker}";
        var company = await app.NewPageAsync();
        await new LoginPage(company).SignInAsync(companyEmail);
        await company.GotoAsync("scenarios/solutions/new");
        await company.Locator("#title").FillAsync(solutionTitle);
        await company.Locator("#capability").FillAsync($"基于区块链与数字人民币智能合约的实时{term}平台，钱包流水与资金账户流水逐笔{term}。");
        await company.Locator("#area").SelectOptionAsync(((int)BusinessArea.Payments).ToString(CultureInfo.InvariantCulture));
        await CheckTechnologiesAsync(company, "solution-form", Technology.DigitalRmb, Technology.Blockchain);
        await company.Locator("[data-testid=save-solution]").ClickAsync();
        await company.Locator("[data-testid=publish-solution]").ClickAsync();
        await Assertions.Expect(company.Locator("[data-testid=solution-status]")).ToHaveTextAsync("已发布");
        var solutionPath = await MySolutionPathAsync(solutionTitle);
        await company.GotoAsync(solutionPath);
        var recommended = company.Locator("[data-testid=recommendation]").First;
        await Assertions.Expect(recommended.Locator("h3")).ToHaveTextAsync(scenarioTitle);
        await Assertions.Expect(recommended.Locator("[data-testid=recommendation-highlight] mark").First).ToBeVisibleAsync();
        await recommended.Locator("h3 a").ClickAsync();
        await Assertions.Expect(company.Locator("main h1")).ToHaveTextAsync(scenarioTitle);

        // Interest from the company's side; the scenario's page offers its solutions to pick from.
        await company.Locator("#counterpart").SelectOptionAsync(new SelectOptionValue { Label = solutionTitle });
        await company.Locator("[data-testid=express-interest]").ClickAsync();
        await company.WaitForURLAsync(url => url.Contains("/scenarios/matches/", StringComparison.Ordinal));
        var matchPath = new Uri(company.Url).AbsolutePath.TrimStart('/');
        await Assertions.Expect(company.Locator("[data-testid=match-status]")).ToHaveTextAsync("待对方确认");

        // The institution consents: a match, with a private thread both write in.
        await institution.GotoAsync(matchPath);
        await institution.Locator("[data-testid=consent]").ClickAsync();
        await Assertions.Expect(institution.Locator("[data-testid=match-status]")).ToHaveTextAsync("对接成功");
        await institution.Locator("[data-testid=message-form] textarea").FillAsync("欢迎下周三来我司演示。");
        await institution.Locator("[data-testid=post-message]").ClickAsync();
        await company.GotoAsync(matchPath);
        await Assertions.Expect(company.Locator("[data-testid=match-thread]")).ToContainTextAsync("欢迎下周三来我司演示。");
        await company.Locator("[data-testid=message-form] textarea").FillAsync("好的，届时演示实时对账。");
        await company.Locator("[data-testid=post-message]").ClickAsync();
        await Assertions.Expect(company.Locator("[data-testid=match-thread] li")).ToHaveCountAsync(2);

        // The working group holds a roadshow; the company registers the matched solution and gets a seat.
        var roadshowTitle = $"旅程路演{marker}";
        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        await workingGroup.GotoAsync("scenarios/roadshows");
        await workingGroup.Locator("[data-testid=roadshow-form] #title").FillAsync(roadshowTitle);
        var startsAt = ChinaTime.DateOf(app.Clock.GetUtcNow()).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T14:00";
        await workingGroup.Locator("[data-testid=roadshow-form] #starts").FillAsync(startsAt);
        await workingGroup.Locator("[data-testid=roadshow-form] #place").FillAsync("北京金融街 · 线上同步");
        await workingGroup.Locator("[data-testid=create-roadshow]").ClickAsync();
        await workingGroup.WaitForURLAsync(url => url.Contains("/scenarios/roadshows/", StringComparison.Ordinal));
        var roadshowPath = new Uri(workingGroup.Url).AbsolutePath.TrimStart('/');

        await company.GotoAsync(roadshowPath);
        await company.Locator("#solution").SelectOptionAsync(new SelectOptionValue { Label = solutionTitle });
        await company.Locator("#match").SelectOptionAsync(new SelectOptionValue { Label = $"{scenarioTitle} · {solutionTitle}" });
        await company.Locator("[data-testid=register]").ClickAsync();
        await Assertions.Expect(company.Locator("[data-testid=roadshow-entry]")).ToHaveCountAsync(1);
        await Assertions.Expect(company.Locator("[data-testid=roadshow-entry]")).ToContainTextAsync(solutionTitle);
        await Assertions.Expect(company.Locator("[data-testid=roadshow-entry] [data-testid=entry-match]")).ToHaveAttributeAsync("href", matchPath);
        await workingGroup.ReloadAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=roadshow-entry]", new() { HasText = solutionTitle })).ToHaveCountAsync(1);

        // The lead turns the match into its draft application for the open call, pre-filled from both sides.
        await institution.GotoAsync(matchPath);
        var call = await app.OpenBeijingCallAsync();
        await institution.Locator("#call").SelectOptionAsync(call.ToString());
        await institution.Locator("#category").SelectOptionAsync(((int)ProjectCategory.TechnologyInnovation).ToString(CultureInfo.InvariantCulture));
        await institution.Locator("[data-testid=start-joint]").ClickAsync();
        await institution.WaitForURLAsync(url => url.Contains("/applications/", StringComparison.Ordinal));
        var projectId = Guid.Parse(new Uri(institution.Url).AbsolutePath.Split('/').Last());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, TestContext.Current.CancellationToken);
            Assert.Equal((institutionId, ProjectStage.Draft, call), (project.LeadOrganisationId, project.Stage, project.CallId));
            var form = (await db.ApplicationVersions.AsNoTracking().SingleAsync(v => v.ProjectId == projectId, TestContext.Current.CancellationToken)).Form;
            Assert.Contains(term, form.Problem, StringComparison.Ordinal);
            Assert.Single(form.PartnerOrganisationIds);
        }

        // Both parties see on the match page that it became an application; only the lead could start it.
        await company.GotoAsync(matchPath);
        await Assertions.Expect(company.Locator("[data-testid=joint-application]")).ToBeVisibleAsync();
        await Assertions.Expect(company.Locator("[data-testid=joint-form]")).ToHaveCountAsync(0);
    }

    private static async Task CheckTechnologiesAsync(IPage page, string form, params Technology[] technologies)
    {
        foreach (var technology in technologies)
        {
            await page.Locator($"[data-testid={form}] input[name=Technologies][value='{(int)technology}']").CheckAsync();
        }
    }

    private async Task<string> MySolutionPathAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Solutions.AsNoTracking()
            .Where(s => s.Title == title).Select(s => s.Id).SingleAsync();
        return $"scenarios/solutions/{id}";
    }

    /// <summary>A licensed securities firm and a technology company of Beijing, each with an applicant account of its own.</summary>
    private async Task<(Guid InstitutionId, string InstitutionEmail, string CompanyEmail)> PartiesAsync(string marker)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<FinPilotDbContext>();
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ");
        var institution = Organisation.Create(
            new OrganisationDetails($"旅程证券股份有限公司{marker}", $"Journey Securities {marker}", OrganisationType.SecuritiesFirm, true, CreditCode(), beijing.Id),
            Guid.CreateVersion7()).ValueOrThrow();
        var company = Organisation.Create(
            new OrganisationDetails($"旅程科技有限公司{marker}", $"Journey Tech {marker}", OrganisationType.TechnologyCompany, false, CreditCode(), beijing.Id),
            Guid.CreateVersion7()).ValueOrThrow();
        db.Organisations.AddRange(institution, company);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserAdministration>().AsSystem();
        async Task<string> ApplicantAsync(Organisation organisation, string who)
        {
            var email = $"match.{who}.{marker}@example.cn";
            var created = await users.CreateAsync(new NewUser(email, $"对接旅程{who} {marker}", LoginPage.DemoPassword));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            var granted = await users.GrantAsync(created.Value!.User.Id, Role.Applicant, null, organisation.Id);
            Assert.True(granted.Succeeded, string.Join("; ", granted.Errors));
            return email;
        }

        return (institution.Id, await ApplicantAsync(institution, "institution"), await ApplicantAsync(company, "company"));
    }

    /// <summary>A valid unified social credit code (91 + Beijing's division + a random body + its check character).</summary>
    private static string CreditCode()
    {
        var first17 = "91110000" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
