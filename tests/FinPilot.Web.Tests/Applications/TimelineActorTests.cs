using System.Net;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Applications;

public sealed class TimelineActorTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_applicant_sees_who_acted_by_role_never_by_user_id(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "时间线角色");
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["数据安全评估报告"], 5))).AssertStatusAsync(HttpStatusCode.NoContent);
        var staffIds = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Email == DemoUsers.WorkingGroupBeijing || u.Email == DemoUsers.Applicant).Select(u => u.Id).ToListAsync());

        using var response = await applicant.GetAsync($"/api/v1/applications/{id}", TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var returned = await applicant.GetApplicationAsync(id);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.All(staffIds, userId => Assert.DoesNotContain(userId, raw, StringComparison.Ordinal));
        Assert.Equal("申报机构", returned.Timeline.Single(e => e.Trigger == ProjectTrigger.Submit).Actor);
        Assert.Equal("地区工作组", returned.Timeline.Single(e => e.Trigger == ProjectTrigger.ReturnForSupplement).Actor);
        Assert.Equal("地区工作组", returned.SupplementRequest!.RequestedBy);
    }
}
