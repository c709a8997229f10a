using System.Net;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>
/// 监管方案确认: admitting a pilot makes its region's working group owe the confirmation of its
/// supervision plan, due by the rule table in working days; it shows in the working group's lists,
/// not the applicant's, and the confirmation fulfils it.
/// </summary>
public sealed class PlanConfirmationObligationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private const string Api = "/api/v1/obligations";

    [Theory, AllProviders]
    public async Task Admission_makes_the_working_group_owe_the_plans_confirmation_until_it_confirms(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"方案确认义务 {Guid.NewGuid():N}");
        await app.DraftPlansAsync();

        var plan = await app.WithDbAsync(db => db.SupervisionPlans.AsNoTracking().SingleAsync(p => p.ProjectId == projectId));
        var owed = await app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.ProjectId == projectId && o.Kind == ObligationKind.PlanConfirmation));
        Assert.Equal((plan.Id.ToString(), ObligationStatus.Open), (owed.Subject, owed.Status));
        Assert.Equal(ObligationRules.PlanConfirmationDue(plan.DraftedAt, await app.CalendarAsync()), owed.DueAt);
        Assert.Equal(ObligationDuty.WorkingGroup, ObligationRules.DutyOf(owed.Kind));

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var wgList = await (await wg.GetAsync($"{Api}?projectId={projectId}")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.Contains(wgList.Items, o => o.Id == owed.Id);
        (await wg.GetAsync($"{Api}/{owed.Id}")).EnsureSuccessStatusCode();

        // Not the applicant's duty: not in its to-do list, and not its to read.
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var todo = await (await applicant.GetAsync($"{Api}?projectId={projectId}&pageSize=100")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        Assert.DoesNotContain(todo.Items, o => o.Id == owed.Id);
        await (await applicant.GetAsync($"{Api}/{owed.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // Nor another region's working group's.
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await (await shanghai.GetAsync($"{Api}/{owed.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // The working group confirms the plan: the obligation is fulfilled.
        var draft = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        (await wg.PutAsync($"/api/v1/supervision/projects/{projectId}/plan", new SupervisionApi.ConfirmRequest(draft.Terms, "按申报方案确认", draft.Version)))
            .EnsureSuccessStatusCode();
        var fulfilled = await app.ObligationAsync(owed.Id);
        Assert.Equal(ObligationStatus.Fulfilled, fulfilled.Status);
        Assert.NotNull(fulfilled.ClosedBy);
    }
}
