using System.Net;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Scenarios;

/// <summary>
/// The signed-in pages of scenario matching: publishing a scenario and offering a solution through
/// forms, expressing interest and consenting on the pages, the private thread, the subscriptions page —
/// and each refusal: a stranger organisation, another region's working group, an anonymous reader.
/// </summary>
public sealed class ScenarioPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_institution_publishes_a_scenario_a_company_answers_and_both_consent_on_the_pages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var publisher = await app.DemoApplicantOrganisationAsync();
        var company = await app.NewOrganisationAsync("页面科技");
        using var institution = await app.SignedInAsync(DemoUsers.Applicant);
        using var offerer = await app.SignedInAsync(company.Email);
        var marker = $"页面场景{Guid.NewGuid():N}"[..16];

        // Draft through the form, then publish from the edit page.
        using var drafted = await institution.SubmitAsync("/scenarios/new", "/scenarios/new", new Dictionary<string, string>
        {
            ["_handler"] = "scenario",
            ["Party"] = $"o:{publisher}",
            ["Title"] = marker,
            ["PainPoint"] = "数字人民币钱包反洗钱监测需要实时识别可疑交易",
            ["ExpectedOutcome"] = "可疑交易当日识别",
            ["Area"] = ((int)BusinessArea.Payments).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Technologies"] = ((int)Technology.DigitalRmb).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Visibility"] = ((int)ScenarioVisibility.Public).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var scenario = await app.WithDbAsync(db => db.Scenarios.AsNoTracking().SingleAsync(s => s.Title == marker));
        Assert.Equal(ScenarioStatus.Draft, scenario.Status);
        Assert.Equal(publisher, scenario.PublisherOrganisationId);
        var edit = $"/scenarios/{scenario.Id}/edit";

        // A draft is not found for a stranger; once published, its edit page is forbidden to strangers and other regions.
        using (var hidden = await offerer.GetAsync(edit))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using var published = await institution.SubmitAsync(edit, edit, new Dictionary<string, string> { ["_handler"] = "publish" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(ScenarioStatus.Published, await app.WithDbAsync(db => db.Scenarios.Where(s => s.Id == scenario.Id).Select(s => s.Status).SingleAsync()));
        Assert.Contains("scenarios/mine", await institution.Client.GetStringAsync("/scenarios"), StringComparison.Ordinal);
        Assert.Contains(marker, await institution.Client.GetStringAsync("/scenarios/mine"), StringComparison.Ordinal);

        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        foreach (var refused in new[] { offerer, shanghai })
        {
            using var page = await refused.GetAsync(edit);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain("scenario-form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var strangerPost = await offerer.SubmitAsync($"/scenarios/{scenario.Id}", edit, new Dictionary<string, string> { ["_handler"] = "close" });
        Assert.Equal(ScenarioStatus.Published, await app.WithDbAsync(db => db.Scenarios.Where(s => s.Id == scenario.Id).Select(s => s.Status).SingleAsync()));
        using var anonymous = app.Anonymous();
        foreach (var path in new[] { edit, "/scenarios/new", "/scenarios/mine", "/scenarios/subscriptions", "/scenarios/solutions/new" })
        {
            using var page = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/Account/Login", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        // The company answers it from the scenario's page, publishes, and expresses interest there.
        Assert.Contains($"scenarios/solutions/new?scenario={scenario.Id}", await offerer.Client.GetStringAsync($"/scenarios/{scenario.Id}"), StringComparison.Ordinal);
        var answer = $"/scenarios/solutions/new?scenario={scenario.Id}";
        using var offered = await offerer.SubmitAsync(answer, answer, new Dictionary<string, string>
        {
            ["_handler"] = "solution",
            ["OrganisationId"] = company.Id.ToString(),
            ["Title"] = marker + "方案",
            ["Capability"] = "基于知识图谱的数字人民币钱包可疑交易实时识别",
            ["Technologies"] = ((int)Technology.DigitalRmb).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var solution = await app.WithDbAsync(db => db.Solutions.AsNoTracking().SingleAsync(s => s.Title == marker + "方案"));
        Assert.Equal(scenario.Id, solution.ScenarioId);
        using (var wgOnly = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing))
        {
            using var page = await wgOnly.GetAsync("/scenarios/solutions/new");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        var solutionEdit = $"/scenarios/solutions/{solution.Id}/edit";
        using (var page = await institution.GetAsync(solutionEdit))
        {
            // Another organisation's draft does not exist for the institution.
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        using var solutionPublished = await offerer.SubmitAsync(solutionEdit, solutionEdit, new Dictionary<string, string> { ["_handler"] = "publish" });
        Assert.Equal(SolutionStatus.Published, await app.WithDbAsync(db => db.Solutions.Where(s => s.Id == solution.Id).Select(s => s.Status).SingleAsync()));
        using (var page = await institution.GetAsync(solutionEdit))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain("solution-form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var detail = $"/scenarios/{scenario.Id}";
        Assert.Contains("interest-form", await offerer.Client.GetStringAsync(detail), StringComparison.Ordinal);
        Assert.DoesNotContain("interest-form", await anonymous.GetStringAsync(detail), StringComparison.Ordinal);
        using var interested = await offerer.SubmitAsync(detail, detail, new Dictionary<string, string> { ["_handler"] = "interest", ["Counterpart"] = solution.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, interested.StatusCode);
        var match = await app.WithDbAsync(db => db.ScenarioMatches.AsNoTracking().SingleAsync(m => m.ScenarioId == scenario.Id && m.SolutionId == solution.Id));
        Assert.Equal(MatchStatus.Proposed, match.Status);
        var matchPage = $"/scenarios/matches/{match.Id}";
        Assert.EndsWith(matchPage, interested.Headers.Location?.ToString(), StringComparison.Ordinal);

        // The institution consents on the match page; the thread opens to the two sides and Beijing's working group only.
        Assert.DoesNotContain("consent-form", await offerer.Client.GetStringAsync(matchPage), StringComparison.Ordinal);
        using var consented = await institution.SubmitAsync(matchPage, matchPage, new Dictionary<string, string> { ["_handler"] = "consent" });
        Assert.Equal(MatchStatus.Matched, await app.WithDbAsync(db => db.ScenarioMatches.Where(m => m.Id == match.Id).Select(m => m.Status).SingleAsync()));
        var text = $"周三路演前请提供接口文档{Guid.NewGuid():N}"[..20];
        using var posted = await offerer.SubmitAsync(matchPage, matchPage, new Dictionary<string, string> { ["_handler"] = "message", ["Text"] = text });
        Assert.Contains(text, await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var beijing = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.Contains(text, await beijing.Client.GetStringAsync(matchPage), StringComparison.Ordinal);
        Assert.Contains(text, await institution.Client.GetStringAsync(matchPage), StringComparison.Ordinal);
        Assert.Contains($"scenarios/matches/{match.Id}", await offerer.Client.GetStringAsync("/scenarios/mine"), StringComparison.Ordinal);

        var stranger = await app.NewOrganisationAsync("旁观科技");
        using var strangerBrowser = await app.SignedInAsync(stranger.Email);
        foreach (var refused in new[] { strangerBrowser, shanghai })
        {
            using var page = await refused.GetAsync(matchPage);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(text, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var post = await refused.SubmitAsync("/scenarios", matchPage, new Dictionary<string, string> { ["_handler"] = "message", ["Text"] = "越权留言" });
        }

        using (var page = await anonymous.GetAsync(matchPage))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var messages = await app.WithDbAsync(db => db.ScenarioMatches.AsNoTracking().Where(m => m.Id == match.Id).Select(m => m.Messages).SingleAsync());
        Assert.Single(messages);
    }

    [Theory, AllProviders]
    public async Task Organisation_members_subscribe_on_the_page_and_a_working_group_alone_has_nothing_to_subscribe(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var company = await app.NewOrganisationAsync("订阅科技");
        using var member = await app.SignedInAsync(company.Email);
        const string page = "/scenarios/subscriptions";
        Assert.Contains("subscribe-form", await member.Client.GetStringAsync(page), StringComparison.Ordinal);

        using var subscribed = await member.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "subscribe",
            ["OrganisationId"] = company.Id.ToString(),
            ["Topic"] = $"t:{(int)Technology.Blockchain}",
        });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        var subscription = await app.WithDbAsync(db => db.ScenarioSubscriptions.AsNoTracking().SingleAsync(s => s.OrganisationId == company.Id));
        Assert.Equal(Technology.Blockchain, subscription.Technology);

        // Another organisation's member cannot end it (the page lists only its own, a forged post changes nothing).
        var other = await app.NewOrganisationAsync("他人科技");
        using var stranger = await app.SignedInAsync(other.Email);
        Assert.DoesNotContain(subscription.Id.ToString(), await stranger.Client.GetStringAsync(page), StringComparison.Ordinal);
        using var forged = await stranger.SubmitAsync(page, page, new Dictionary<string, string> { ["_handler"] = "unsubscribe", ["SubscriptionId"] = subscription.Id.ToString() });
        Assert.Equal(1, await app.WithDbAsync(db => db.ScenarioSubscriptions.CountAsync(s => s.OrganisationId == company.Id)));
        using var forgedSubscribe = await stranger.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "subscribe",
            ["OrganisationId"] = company.Id.ToString(),
            ["Topic"] = $"a:{(int)BusinessArea.Payments}",
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.ScenarioSubscriptions.CountAsync(s => s.OrganisationId == company.Id)));

        using var ended = await member.SubmitAsync(page, page, new Dictionary<string, string> { ["_handler"] = "unsubscribe", ["SubscriptionId"] = subscription.Id.ToString() });
        Assert.Equal(0, await app.WithDbAsync(db => db.ScenarioSubscriptions.CountAsync(s => s.OrganisationId == company.Id)));

        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var html = await wg.Client.GetStringAsync(page);
        Assert.Contains("subscriptions-nobody", html, StringComparison.Ordinal);
        Assert.DoesNotContain("subscribe-form", html, StringComparison.Ordinal);
    }
}
