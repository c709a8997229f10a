using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Deliberation;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Deliberation;

public sealed class ResolutionConfirmationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Fact]
    public async Task The_chairs_page_records_a_resolution_only_once_it_is_confirmed()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        var member = await app.CreateUserAsync("member.confirm@deliberation.test", Role.CoordinationGroup);
        var (_, projects) = await app.InEvaluationAsync("决议确认 征集", ["决议确认甲"]);
        await app.CompleteEvaluationAsync(projects);

        using var chair = await app.ApiClientAsync(DemoUsers.Coordination);
        var chairId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Coordination).Select(u => u.Id).SingleAsync());
        var meeting = await (await chair.PostAsync("/api/v1/meetings", new MeetingDetails("决议确认会议", ChinaTime.DateOf(app.Clock.GetUtcNow()), new TimeOnly(14, 0), chairId, [chairId, member.User.Id])))
            .ReadAsync<DeliberationApi.MeetingDto>(HttpStatusCode.Created);
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/items", new DeliberationApi.ItemRequest(AgendaItemKind.Admission, "入箱审议", projects, "工作组建议纳入试点。")))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        var item = (await chair.GetMeetingAsync(meeting.Id)).Items.Single().Id;
        await (await chair.PostAsync($"/api/v1/meetings/{meeting.Id}/convene", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var votes = $"/api/v1/meetings/{meeting.Id}/items/{item}/votes";
        await (await chair.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null))).AssertStatusAsync(HttpStatusCode.NoContent);
        using var memberApi = await app.ApiClientAsync(member.User.Email!);
        await (await memberApi.PostAsync(votes, new DeliberationApi.VoteRequest(VoteChoice.Approve, "同意", null))).AssertStatusAsync(HttpStatusCode.NoContent);

        using var page = await app.SignedInAsync(DemoUsers.Coordination);
        var path = $"/deliberation/{meeting.Id}";
        Assert.Contains("data-testid=\"confirm-resolution\"", await page.Client.GetStringAsync(path), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = $"resolve-{item}",
            [$"Outcome_{projects[0]}"] = nameof(OutcomeKind.Approved),
            ["ResolutionText"] = "经表决，同意纳入试点。",
        };

        // Without the confirmation nothing is recorded and the chair is told why.
        using (var unconfirmed = await page.SubmitAsync(path, path, fields))
        {
            Assert.Contains("记录前请勾选确认", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Null((await chair.GetMeetingAsync(meeting.Id)).Items.Single().Resolution);
        Assert.Equal(ProjectStage.Deliberation, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projects[0]).Select(p => p.Stage).SingleAsync()));

        fields["Confirm"] = "true";
        using (await page.SubmitAsync(path, path, fields))
        {
        }

        Assert.NotNull((await chair.GetMeetingAsync(meeting.Id)).Items.Single().Resolution);
        Assert.Equal(ProjectStage.PublicNotice, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projects[0]).Select(p => p.Stage).SingleAsync()));
    }
}
