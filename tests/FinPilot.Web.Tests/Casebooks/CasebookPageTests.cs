using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Casebooks;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>
/// The casebook management pages: the working group creates a casebook, selects an exited pilot
/// (with its tier), writes the editorial text and the per-field policy, previews and publishes with
/// a confirmation; the lead institution and the working group hear of it; other regions, applicants,
/// experts and anonymous readers are refused at the resource.
/// </summary>
public sealed partial class CasebookPageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_composes_previews_and_publishes_a_casebook_on_its_pages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");
        var projectId = await ExitedPilotOfAsync(app, beijing);
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        var manage = await (await wg.GetAsync("/casebooks/manage")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"casebook-new\"", manage);
        Assert.Contains("casebooks/manage", await (await wg.GetAsync("/")).Content.ReadAsStringAsync());

        // Create: the page answers with the composer.
        using (var created = await wg.SubmitAsync("/casebooks/manage", "/casebooks/manage", new Dictionary<string, string>
        {
            ["_handler"] = "create",
            ["Scope"] = $"region-{beijing}",
            ["TitleZh"] = "页面编制案例集",
            ["TitleEn"] = "Composed on the pages",
            ["Period"] = "首批",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var casebook = await app.WithDbAsync(db => db.Casebooks.AsNoTracking().SingleAsync(c => c.TitleZh == "页面编制案例集"));
        Assert.Equal((CasebookScope.Region, beijing), (casebook.Scope, casebook.RegionId));
        var path = $"/casebooks/manage/{casebook.Id}";
        var html = await (await wg.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{projectId}\"", html);
        Assert.Contains("data-testid=\"candidate-tier\"", html);
        Assert.Contains("示范", html);
        Assert.Contains("data-testid=\"publication-errors\"", html);
        Assert.Contains(casebook.Id.ToString(), (await (await wg.GetAsync("/casebooks/manage")).Content.ReadAsStringAsync()));

        // Select, then the editorial text and the policy: the expert scores are published on purpose, the metrics withheld.
        await PostAsync(wg, path, "select", [new("ProjectId", projectId.ToString())]);
        Assert.Equal([projectId], (await CasebookAsync(app, casebook.Id)).Cases.Select(c => c.ProjectId));
        List<KeyValuePair<string, string>> caseForm =
        [
            new("Action", "save"), new("PracticesZh", "页面上写的典型做法。"), new("LessonsZh", "页面上写的经验与启示。"), new("LessonsEn", "Lessons from the page."),
            .. CaseFields.PublicByDefault.Where(f => f != CaseField.SupervisionEvents).Append(CaseField.ExpertScores).Select(f => new KeyValuePair<string, string>("Field", f.ToString())),
        ];
        using (var saved = await PostAsync(wg, path, "case-" + projectId.ToString("N"), caseForm))
        {
            Assert.Contains("data-testid=\"saved\"", await saved.Content.ReadAsStringAsync());
        }

        var selected = Assert.Single((await CasebookAsync(app, casebook.Id)).Cases);
        Assert.Equal(("页面上写的典型做法。", "页面上写的经验与启示。", "Lessons from the page."), (selected.PracticesZh, selected.LessonsZh, selected.LessonsEn));
        Assert.Contains(CaseField.ExpertScores, selected.Published);
        Assert.DoesNotContain(CaseField.SupervisionEvents, selected.Published);
        Assert.DoesNotContain(CaseField.MetricValues, selected.Published);

        // The preview is the public version; publishing needs the irreversibility ticked.
        var preview = await (await wg.GetAsync($"/casebooks/{casebook.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"casebook-preview\"", preview);
        Assert.Contains("页面上写的典型做法。", preview);
        await PostAsync(wg, path, "publish", []);
        Assert.False((await CasebookAsync(app, casebook.Id)).IsPublished);
        using (var published = await PostAsync(wg, path, "publish", [new("Confirm", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var book = await CasebookAsync(app, casebook.Id);
        Assert.True(book.IsPublished);
        Assert.Contains("data-testid=\"compose-published\"", await (await wg.GetAsync(path)).Content.ReadAsStringAsync());

        // The DOCX names its font rather than carrying 10.5 MB of it.
        using var reader = app.Anonymous();
        var docx = await (await reader.GetAsync($"/casebooks/{casebook.Id}/casebook.docx")).Content.ReadAsByteArrayAsync();
        Assert.InRange(docx.Length, 1, (2 * 1024 * 1024) - 1);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(document.MainDocumentPart!.FontTablePart!.FontParts);
            Assert.Contains("页面上写的典型做法。", document.MainDocumentPart.Document.Body!.InnerText);
        }
    }

    [Theory, AllProviders]
    public async Task Publication_tells_the_lead_institution_and_the_working_group_in_their_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");

        // The demo applicant's own pilot, so that its lead institution has accounts to tell.
        var projectId = await app.ExitedPilotAsync("通知案例试点", "监管启发", "审核通过");
        using var api = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await api.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "通知案例集", TitleEn = "Notified casebook", Period = "首批" });
        var composed = await api.ComposeAsync(draft, projectId);
        var published = await (await api.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(composed.Version))).ReadAsync<CasebooksApi.CasebookDto>();
        Assert.Equal(CasebookStatus.Published, published.Status);

        var lead = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.LeadOrganisationId).SingleAsync());
        var title = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync());
        var institution = await app.WithDbAsync(db => db.UserIdsWithAsync(Role.Applicant, null, lead, CancellationToken.None));
        var group = await app.WithDbAsync(db => db.UserIdsWithAsync(Role.RegionalWorkingGroup, beijing, null, CancellationToken.None));
        var sent = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.CasebookCaseIncluded || n.Kind == NotificationKind.CasebookPublished).ToListAsync());
        sent = [.. sent.Where(n => n.Link.Contains(draft.Id.ToString(), StringComparison.Ordinal))];
        Assert.NotEmpty(institution);
        Assert.Equal(institution.Order(StringComparer.Ordinal), sent.Where(n => n.Kind == NotificationKind.CasebookCaseIncluded).Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(group.Order(StringComparer.Ordinal), sent.Where(n => n.Kind == NotificationKind.CasebookPublished).Select(n => n.UserId).Order(StringComparer.Ordinal));

        var included = sent.First(n => n.Kind == NotificationKind.CasebookCaseIncluded);
        var zh = NotificationTexts.Render(included, CultureInfo.GetCultureInfo("zh-CN"));
        var en = NotificationTexts.Render(included, CultureInfo.GetCultureInfo("en"));
        Assert.Contains("《通知案例集》", zh.Body, StringComparison.Ordinal);
        Assert.Contains(title, zh.Subject, StringComparison.Ordinal);
        Assert.Contains("\"Notified casebook\"", en.Body, StringComparison.Ordinal);
        var toGroup = NotificationTexts.Render(sent.First(n => n.Kind == NotificationKind.CasebookPublished), CultureInfo.GetCultureInfo("en"));
        Assert.Contains("Notified casebook", toGroup.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("{", zh.Body + en.Body + toGroup.Body, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task A_national_casebook_puts_a_line_on_each_pilots_timeline_in_the_pilots_region(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");
        var projectId = await ExitedPilotOfAsync(app, beijing);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var draft = await chair.CreateAsync(new CasebookDraft { Scope = CasebookScope.National, TitleZh = "全国时间线案例集", Period = "2021–2023" });
        var composed = await chair.ComposeAsync(draft, projectId);
        await (await chair.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(composed.Version))).ReadAsync<CasebooksApi.CasebookDto>();

        var line = await app.WithDbAsync(db => db.PublicEvents.AsNoTracking()
            .SingleAsync(e => e.ProjectId == projectId && e.Kind == PublicEventKind.CasebookPublished && e.Link == CasebookLinks.Casebook(draft.Id)));
        Assert.Equal(beijing, line.RegionId);
        Assert.Contains("全国时间线案例集", line.TitleZh, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().SingleAsync(r => r.Link == CasebookLinks.Casebook(draft.Id)));
        Assert.Null(entry.RegionId);
        using var reader = app.Anonymous();
        Assert.Contains("全国时间线案例集", await (await reader.GetAsync($"/pilots/{projectId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_national_composer_names_each_candidates_region_in_the_readers_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var draft = await chair.CreateAsync(new CasebookDraft { Scope = CasebookScope.National, TitleZh = "全国候选地区案例集", Period = "2021–2023" });
        var beijing = await app.WithDbAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.Code == "BJ"));
        using var session = await app.SignedInAsync(DemoUsers.Coordination);

        var zh = await session.Client.GetStringAsync($"/casebooks/manage/{draft.Id}");
        var regions = CandidateRegion().Matches(zh).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(regions);
        Assert.Equal(CandidateCount().Count(zh), regions.Count);
        Assert.Contains(beijing.NameZh, regions);
        Assert.DoesNotContain("BJ", regions);

        var en = await session.Client.GetStringAsync($"/casebooks/manage/{draft.Id}?culture=en");
        Assert.Contains(beijing.NameEn, CandidateRegion().Matches(en).Select(m => m.Groups[1].Value));

        // A regional composer does not repeat its own region on every line.
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        using var wgApi = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var regional = await wgApi.CreateAsync(new CasebookDraft { Scope = CasebookScope.Region, RegionId = beijing.Id, TitleZh = "北京候选案例集", Period = "2021–2023" });
        Assert.Empty(CandidateRegion().Matches(await wg.Client.GetStringAsync($"/casebooks/manage/{regional.Id}")));
    }

    [Theory, AllProviders]
    public async Task A_published_casebook_is_superseded_by_a_new_edition_that_names_the_old_files_and_the_old_one_stays_readable(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.ExitedPilotAsync("新版次案例试点", "监管启发", "审核通过");
        using var api = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await api.CreateAsync(new CasebookDraft { RegionId = await app.RegionIdAsync("BJ"), TitleZh = "版次案例集", TitleEn = "Editions casebook", Period = "首批" });
        var composed = await api.ComposeAsync(draft, projectId);

        // A draft is changed, not superseded.
        await (await api.PostAsync($"/api/v1/casebooks/{draft.Id}/editions", new CasebooksApi.VersionRequest(composed.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var first = await (await api.PostAsync($"/api/v1/casebooks/{draft.Id}/publish", new CasebooksApi.VersionRequest(composed.Version))).ReadAsync<CasebooksApi.CasebookDto>();

        // Other regions, applicants and a stale version are refused; nothing is created.
        using (var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai))
        {
            await (await shanghai.PostAsync($"/api/v1/casebooks/{first.Id}/editions", new CasebooksApi.VersionRequest(first.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var applicant = await app.ApiClientAsync(DemoUsers.Applicant))
        {
            await (await applicant.PostAsync($"/api/v1/casebooks/{first.Id}/editions", new CasebooksApi.VersionRequest(first.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await api.PostAsync($"/api/v1/casebooks/{first.Id}/editions", new CasebooksApi.VersionRequest(Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await app.WithDbAsync(db => db.Casebooks.AnyAsync(c => c.SupersedesId == first.Id)));

        // The page's button, with its confirmation: the new draft copies the cases, the editorial text and the policy.
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var path = $"/casebooks/manage/{first.Id}";
        Assert.Contains("data-testid=\"edition-submit\"", await (await wg.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PostAsync(wg, path, "edition", []);
        Assert.False(await app.WithDbAsync(db => db.Casebooks.AnyAsync(c => c.SupersedesId == first.Id)));
        using (var started = await PostAsync(wg, path, "edition", [new("Confirm", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var second = await app.WithDbAsync(db => db.Casebooks.AsNoTracking().SingleAsync(c => c.SupersedesId == first.Id));
        Assert.Equal((2, CasebookStatus.Draft), (second.Edition, second.Status));
        static object Copy(CasebookCase c) => new { c.ProjectId, c.Tier, c.LessonsZh, c.PracticesZh, published = string.Join(",", c.Published) };
        Assert.Equal(first.Cases.Select(Copy), second.Cases.Select(Copy));
        Assert.Contains("data-testid=\"edition-existing\"", await (await wg.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await api.PostAsync($"/api/v1/casebooks/{first.Id}/editions", new CasebooksApi.VersionRequest(first.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        // Until the new edition is published, the old one is not marked superseded.
        using var reader = app.Anonymous();
        Assert.DoesNotContain("superseded-banner", await (await reader.GetAsync($"/casebooks/{first.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var corrected = await (await api.PutAsync($"/api/v1/casebooks/{second.Id}/cases/{projectId}/editorial", new CasebooksApi.EditorialRequest
        {
            LessonsZh = "第二版更正后的经验与启示。",
            PracticesZh = second.Cases.Single().PracticesZh,
            Version = second.Version,
        })).ReadAsync<CasebooksApi.CasebookDto>();
        var republished = await (await api.PostAsync($"/api/v1/casebooks/{second.Id}/publish", new CasebooksApi.VersionRequest(corrected.Version))).ReadAsync<CasebooksApi.CasebookDto>();

        // The new public record names its edition and the old files' hashes.
        var record = await app.WithDbAsync(db => db.PublicRecords.AsNoTracking().SingleAsync(r => r.Kind == CasebookActions.RecordPublished && r.SubjectId == second.Id.ToString("N")));
        using (var content = System.Text.Json.JsonDocument.Parse(record.Payload))
        {
            var root = content.RootElement;
            Assert.Equal(2, root.GetProperty("edition").GetInt32());
            var supersedes = root.GetProperty("supersedes");
            Assert.Equal((first.Id.ToString(), 1, first.PdfSha256, first.DocxSha256),
                (supersedes.GetProperty("casebookId").GetString(), supersedes.GetProperty("edition").GetInt32(), supersedes.GetProperty("pdfSha256").GetString(), supersedes.GetProperty("docxSha256").GetString()));
        }

        // The old edition stays readable, files unchanged, with its banner; the new one links back.
        var oldPage = await (await reader.GetAsync($"/casebooks/{first.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"superseded-banner\"", oldPage, StringComparison.Ordinal);
        Assert.Contains("本案例集已被第 2 版取代", oldPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"casebooks/{second.Id}\"", oldPage, StringComparison.Ordinal);
        var oldPdf = await (await reader.GetAsync($"/casebooks/{first.Id}/casebook.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first.PdfSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(oldPdf)));
        var newPage = await (await reader.GetAsync($"/casebooks/{second.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("第二版更正后的经验与启示。", newPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"casebooks/{first.Id}\"", newPage, StringComparison.Ordinal);
        Assert.DoesNotContain("superseded-banner", newPage, StringComparison.Ordinal);
        Assert.Equal(2, republished.Edition);
        var english = await (await reader.GetAsync($"/casebooks/{first.Id}?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("superseded by edition 2", english, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"candidate-region\">([^<]*)</span>")]
    private static partial Regex CandidateRegion();

    [GeneratedRegex("data-testid=\"candidate\"")]
    private static partial Regex CandidateCount();

    [Theory, AllProviders]
    public async Task Other_regions_applicants_experts_and_anonymous_readers_are_refused_on_the_pages(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");
        var projectId = await ExitedPilotOfAsync(app, beijing);
        using var api = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await api.CreateAsync(new CasebookDraft { RegionId = beijing, TitleZh = "拒绝测试案例集", Period = "首批" });
        var path = $"/casebooks/manage/{draft.Id}";
        using var owner = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var ownerPage = await owner.Client.GetStringAsync(path);

        // The manage list: not for applicants or experts; anonymous readers are sent to log in.
        foreach (var email in new[] { DemoUsers.Applicant, DemoUsers.Expert })
        {
            using var session = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/casebooks/manage")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(path)).StatusCode);
            Assert.DoesNotContain("casebooks/manage", await (await session.GetAsync("/")).Content.ReadAsStringAsync());
        }

        using var anonymous = app.Anonymous();
        foreach (var page in new[] { "/casebooks/manage", path })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // Another region's working group does not see the draft, in its list or at its address, and cannot change it by posting.
        using var shanghai = await app.SignedInAsync(DemoUsers.WorkingGroupShanghai);
        Assert.Equal(HttpStatusCode.OK, (await shanghai.GetAsync("/casebooks/manage")).StatusCode);
        Assert.DoesNotContain(draft.Id.ToString(), await (await shanghai.GetAsync("/casebooks/manage")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await shanghai.GetAsync(path)).StatusCode);
        var token = Token().Match(ownerPage).Groups[1].Value;
        var shanghaiToken = Token().Match(await shanghai.Client.GetStringAsync("/casebooks/manage")).Groups[1].Value;
        using (var posted = await shanghai.Client.PostAsync(path, new FormUrlEncodedContent(
        [
            new("_handler", "select"), new("__RequestVerificationToken", shanghaiToken), new("Version", draft.Version.ToString()), new("ProjectId", projectId.ToString()),
        ])))
        {
            Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, posted.StatusCode.ToString());
        }

        Assert.Empty((await CasebookAsync(app, draft.Id)).Cases);
        Assert.NotEmpty(token);

        // Nor may it create a casebook for Beijing through the form.
        await PostAsync(shanghai, "/casebooks/manage", "create", [new("Scope", $"region-{beijing}"), new("TitleZh", "越权案例集"), new("Period", "首批")]);
        Assert.False(await app.WithDbAsync(db => db.Casebooks.AnyAsync(c => c.TitleZh == "越权案例集")));
    }

    /// <summary>An exited, tiered pilot of the region (the demo's Beijing exits), exemplary first.</summary>
    private static async Task<Guid> ExitedPilotOfAsync(FinPilotApp app, int region)
    {
        var exits = await app.WithDbAsync(db => db.ExitCases.AsNoTracking()
            .Where(e => e.RegionId == region && e.Status == ExitStatus.Exited && e.Tier != null).Select(e => new { e.ProjectId, e.Tier }).ToListAsync());
        return exits.OrderBy(e => e.Tier).First().ProjectId;
    }

    private static Task<Casebook> CasebookAsync(FinPilotApp app, Guid id) => app.WithDbAsync(db => db.Casebooks.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Posts a form of the page with its antiforgery token and version; repeated names (checkboxes) are kept.</summary>
    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string path, string handler, List<KeyValuePair<string, string>> fields)
    {
        var page = await session.Client.GetStringAsync(path);
        List<KeyValuePair<string, string>> form = [new("_handler", handler), new("__RequestVerificationToken", Token().Match(page).Groups[1].Value)];
        if (VersionField().Match(page) is { Success: true } version)
        {
            form.Add(new("Version", version.Groups[1].Value));
        }

        form.AddRange(fields);
        var response = await session.Client.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
