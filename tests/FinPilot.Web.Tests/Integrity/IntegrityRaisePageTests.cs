using System.Net;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>The integrity officer's raise-flag form on /integrity/flags (filled from a record's link), and its denial to anyone else.</summary>
public sealed class IntegrityRaisePageTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_officer_raises_a_flag_from_the_form_and_others_cannot(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.PilotAsync("廉政表单");
        using var wgApi = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var order = await app.OrderAsync(wgApi, projectId);
        var page = $"/integrity/flags?kind=CorrectionOrder&record={order.Id}";

        // Another role: no form, and a forged post raises nothing.
        using var coordination = await app.SignedInAsync(DemoUsers.Coordination);
        Assert.DoesNotContain("data-testid=\"raise-form\"", await (await coordination.GetAsync(page)).Content.ReadAsStringAsync());
        const string forged = "协调工作组伪造的关注。";
        await coordination.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "raise",
            ["RecordKind"] = "CorrectionOrder",
            ["RecordId"] = order.Id.ToString(),
            ["Unit"] = "WorkingGroup",
            ["Note"] = forged,
        });
        Assert.Empty(await RaisedOnAsync(app, order.Id));

        using var officer = await app.SignedInAsync(DemoUsers.Integrity);
        var html = await (await officer.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"raise-form\"", html);
        Assert.Contains($"value=\"{order.Id}\"", html);
        Assert.Contains("value=\"CorrectionOrder\" selected", html);

        // A record that does not exist is refused on the page.
        var missing = await (await officer.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "raise",
            ["RecordKind"] = "CorrectionOrder",
            ["RecordId"] = Guid.NewGuid().ToString(),
            ["Unit"] = "WorkingGroup",
            ["Note"] = "无此记录",
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", missing);

        const string note = "整改期限被多次延长，请说明。";
        var raised = await officer.SubmitAsync(page, page, new Dictionary<string, string>
        {
            ["_handler"] = "raise",
            ["RecordKind"] = "CorrectionOrder",
            ["RecordId"] = order.Id.ToString(),
            ["Unit"] = "WorkingGroup",
            ["Note"] = note,
        });
        Assert.True(raised.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, raised.StatusCode.ToString());
        var flag = Assert.Single(await RaisedOnAsync(app, order.Id));
        Assert.Equal((note, IntegrityFlagStatus.Open, (Guid?)projectId, IntegrityRecordKind.CorrectionOrder), (flag.Facts.Note, flag.Status, flag.ProjectId, flag.RecordKind));
    }

    [Fact]
    public async Task Record_pages_link_the_officer_to_the_prefilled_form_and_nobody_else_sees_the_link()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var projectId = await app.PilotAsync("廉政链接");
        using var wgApi = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var order = await app.OrderAsync(wgApi, projectId);
        var pages = new (string Path, string Link)[]
        {
            ($"/corrections/{order.Id}", $"integrity/flags?kind=CorrectionOrder&amp;record={order.Id}#raise"),
            ($"/supervision/projects/{projectId}", $"integrity/flags?kind=Project&amp;record={projectId}#raise"),
        };

        using var officer = await app.SignedInAsync(DemoUsers.Integrity);
        foreach (var (path, link) in pages)
        {
            var html = await (await officer.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"raise-flag-link\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }

        foreach (var email in new[] { DemoUsers.WorkingGroupBeijing, DemoUsers.Coordination, DemoUsers.Applicant })
        {
            using var other = await app.SignedInAsync(email);
            foreach (var (path, _) in pages)
            {
                var response = await other.GetAsync(path);
                Assert.DoesNotContain("raise-flag-link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The link opens the form filled in with the record.
        var form = await (await officer.GetAsync($"/integrity/flags?kind=Project&record={projectId}")).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{projectId}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Project\" selected", form, StringComparison.Ordinal);
    }

    private static Task<List<IntegrityFlag>> RaisedOnAsync(FinPilotApp app, Guid recordId) =>
        app.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().Where(f => f.RecordId == recordId.ToString() && f.Rule == IntegrityRule.RaisedByOfficer).ToListAsync());
}
