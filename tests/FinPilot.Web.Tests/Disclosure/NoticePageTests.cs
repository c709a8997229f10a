using System.Net;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Disclosure;

/// <summary>
/// The working group's notice page: a draft is edited there, and publishing and withdrawing each
/// take a confirmation step; the public notice shows the conditions each project was approved on.
/// </summary>
public sealed class NoticePageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_working_group_edits_a_draft_on_the_page_and_publishes_it_only_after_confirming(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var first = await app.ApprovedAsync("页面编辑甲");
        var second = await app.ApprovedAsync("页面编辑乙");
        var notice = await wg.DraftNoticeAsync(app, first);
        var path = $"/notices/manage/{notice.Id}";
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        var page = await session.Client.GetStringAsync(path);
        Assert.Contains("data-testid=\"edit-notice\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"notices/manage/{notice.Id}?confirm=publish\" data-testid=\"publish-notice\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-publish\"", page, StringComparison.Ordinal);

        var fields = NotificationTestData.FormFields(page, "edit-notice").ToList();
        fields.AddRange(
        [
            new("Title", "北京第三批拟入箱项目公示"), new("Body", "现将拟纳入试点的项目予以公示，公示期内可提出意见或异议。"), new("Contact", "010-66668888"), new("Period", "7"),
            new("Projects", first.ToString()), new("Projects", second.ToString()),
            new($"WhatIsTested-{first}", "测试区块链份额登记。"), new($"CustomerLimits-{first}", "合格投资者，不超过 200 户"),
            new($"WhatIsTested-{second}", "测试数字人民币结算。"), new($"CustomerLimits-{second}", "机构客户，不超过 50 户"),
        ]);
        using (var saved = await session.Client.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = await app.WithDbAsync(db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        Assert.Equal(("北京第三批拟入箱项目公示", 7, NoticeStatus.Draft), (edited.Title, edited.PeriodWorkingDays, edited.Status));
        Assert.Equal([first, second], edited.Listings.Select(l => l.ProjectId));
        Assert.Equal(("测试区块链份额登记。", "合格投资者，不超过 200 户"), (edited.Listings[0].Summary.WhatIsTested, edited.Listings[0].Summary.CustomerLimits));
        Assert.Equal("页面编辑乙", edited.Listings[1].Summary.Name);

        // Publishing is a step of its own: the confirmation says what follows, and only its form publishes.
        var confirm = await session.Client.GetStringAsync($"{path}?confirm=publish");
        Assert.Contains("确认发布本公示？", confirm, StringComparison.Ordinal);
        Assert.Contains("公示期为 7 个工作日", System.Net.WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        using (var published = await session.Client.PostAsync($"{path}?confirm=publish", new FormUrlEncodedContent(NotificationTestData.FormFields(confirm, "confirm-publish"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            Assert.EndsWith($"{path}?done=published", published.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(NoticeStatus.Published, await app.WithDbAsync(db => db.PublicNotices.Where(n => n.Id == notice.Id).Select(n => n.Status).SingleAsync()));
        var after = await session.Client.GetStringAsync(path);
        Assert.DoesNotContain("data-testid=\"edit-notice\"", after, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Another_regions_working_group_and_an_applicant_cannot_edit_or_publish_a_draft_from_the_page(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("页面越权");
        var notice = await wg.DraftNoticeAsync(app, project);
        var path = $"/notices/manage/{notice.Id}";
        using var beijing = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        var edit = NotificationTestData.FormFields(await beijing.Client.GetStringAsync(path), "edit-notice");
        edit["Title"] = "越权修改";
        edit["Projects"] = project.ToString();
        var publish = NotificationTestData.FormFields(await beijing.Client.GetStringAsync($"{path}?confirm=publish"), "confirm-publish");

        foreach (var email in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Applicant })
        {
            using var stranger = await app.SignedInAsync(email);
            // A draft is not found by anyone but its working group.
            using (var seen = await stranger.GetAsync(path))
            {
                Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
                Assert.DoesNotContain("data-testid=\"edit-notice\"", await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // The working group's form with the stranger's own antiforgery token (from the sign-out form): still refused.
            var token = System.Text.RegularExpressions.Regex.Match(await stranger.Client.GetStringAsync("/inbox"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(token);
            using var edited = await stranger.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(edit) { ["__RequestVerificationToken"] = token }));
            using var published = await stranger.Client.PostAsync($"{path}?confirm=publish", new FormUrlEncodedContent(new Dictionary<string, string>(publish) { ["__RequestVerificationToken"] = token }));
            Assert.NotEqual(HttpStatusCode.Redirect, edited.StatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, published.StatusCode);
        }

        var stored = await app.WithDbAsync(db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        Assert.Equal((notice.Title, NoticeStatus.Draft), (stored.Title, stored.Status));
    }

    [Theory, AllProviders]
    public async Task A_published_notice_is_withdrawn_from_the_page_with_a_reason_after_confirming(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var project = await app.ApprovedAsync("页面撤回");
        var notice = await wg.PublishedNoticeAsync(app, project);
        var path = $"/notices/manage/{notice.Id}";
        using var session = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);

        var page = await session.Client.GetStringAsync(path);
        Assert.Contains($"href=\"notices/manage/{notice.Id}?confirm=withdraw\" data-testid=\"withdraw-notice\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-withdraw\"", page, StringComparison.Ordinal);

        var confirm = await session.Client.GetStringAsync($"{path}?confirm=withdraw");
        Assert.Contains("确认撤回已发布的公示？", confirm, StringComparison.Ordinal);
        var fields = NotificationTestData.FormFields(confirm, "confirm-withdraw");
        using (var blank = await session.Client.PostAsync($"{path}?confirm=withdraw", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            Assert.Contains("data-testid=\"form-errors\"", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields["Reason"] = "公示项目概要有误，更正后重新公示。";
        using (var withdrawn = await session.Client.PostAsync($"{path}?confirm=withdraw", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        var stored = await app.WithDbAsync(db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id));
        Assert.Equal((NoticeStatus.Withdrawn, "公示项目概要有误，更正后重新公示。"), (stored.Status, stored.WithdrawalReason));
        var publicPage = await app.Anonymous().GetStringAsync($"/notices/{notice.Id}");
        Assert.Contains("data-testid=\"notice-withdrawn\"", publicPage, StringComparison.Ordinal);
        // The project waits for a notice again, and nothing withdrawn offers to be withdrawn twice.
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        Assert.Contains(project, (await (await wg.GetAsync($"/api/v1/notices/manage/candidates/{beijing}")).ReadAsync<List<PublicProjectSummary>>()).Select(c => c.ProjectId));
        Assert.DoesNotContain("data-testid=\"withdraw-notice\"", await session.Client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task The_public_notice_shows_the_conditions_each_project_was_approved_on_as_resolved_not_as_sent(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var conditional = await app.ApprovedAsync("附条件公示", ["客户不超过 300 户", "每季度报送风险监测数据"]);
        var plain = await app.ApprovedAsync("无条件公示");
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var candidates = await (await wg.GetAsync($"/api/v1/notices/manage/candidates/{beijing}")).ReadAsync<List<PublicProjectSummary>>();
        Assert.Equal(["客户不超过 300 户", "每季度报送风险监测数据"], candidates.Single(c => c.ProjectId == conditional).Conditions);

        // The form cannot put words in the coordination group's mouth, nor drop what it decided.
        var summaries = new[]
        {
            candidates.Single(c => c.ProjectId == conditional) with { Conditions = [] },
            candidates.Single(c => c.ProjectId == plain) with { Conditions = ["伪造的条件"] },
        };
        var notice = await (await wg.PostAsync("/api/v1/notices/manage", new NoticesApi.NoticeRequest(beijing,
                new PublicNoticeContent("附条件项目公示", "现将拟纳入试点的项目予以公示。", "010-88880000", summaries))))
            .ReadAsync<NoticesApi.NoticeDto>(HttpStatusCode.Created);
        await (await wg.PostAsync($"/api/v1/notices/manage/{notice.Id}/publish", new NoticesApi.VersionRequest(notice.Version))).AssertStatusAsync(HttpStatusCode.NoContent);

        var html = System.Net.WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/notices/{notice.Id}"));
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"notice-conditions\">(.*?)</dd>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>|\\s+", " ").Trim()).ToList();
        Assert.Equal(2, shown.Count);
        Assert.Equal("客户不超过 300 户 每季度报送风险监测数据", System.Text.RegularExpressions.Regex.Replace(shown[0], " +", " "));
        Assert.Equal("无", shown[1]);
        Assert.DoesNotContain("伪造的条件", html, StringComparison.Ordinal);
        var english = System.Net.WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/notices/{notice.Id}?culture=en"));
        Assert.Contains("Approval conditions", english, StringComparison.Ordinal);

        // The public snapshot names the lead institution in both languages: as published, and as registered in English.
        var lead = summaries[0].LeadName;
        var leadEn = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh == lead).Select(o => o.NameEn).SingleAsync());
        Assert.Contains($"data-testid=\"notice-lead\">{lead}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"notice-lead\">{leadEn}</dd>", english, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"notice-lead\">{lead}</dd>", english, StringComparison.Ordinal);
        var api = await (await app.Anonymous().GetAsync($"/api/v1/notices/{notice.Id}")).ReadAsync<NoticesApi.NoticeDto>();
        Assert.Equal([["客户不超过 300 户", "每季度报送风险监测数据"], []], api.Projects.Select(p => p.Summary.Conditions));
        Assert.All(api.Projects, p => Assert.Equal(leadEn, p.Summary.LeadNameEn));

        // …and states the lead's registered type, whatever the form said (the statistics count pilots by it).
        var leadType = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh == lead).Select(o => o.Type).SingleAsync());
        Assert.All(api.Projects, p => Assert.Equal(leadType, p.Summary.LeadType));
    }
}
