using System.Net;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.IntegrityFlags;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>
/// A disposal case the escalation ladder proposes is the working group's to confirm or dismiss: an
/// obligation of its own, discharged by the dismissal (the escalation test covers the confirmation).
/// </summary>
public sealed class DisposalProposalTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task A_proposed_case_is_owed_an_answer_by_the_working_group_and_dismissing_it_discharges_the_obligation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync($"处置提议 {Guid.NewGuid():N}"[..14]);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var order = await app.OrderAsync(wg, projectId);

        Guid caseId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
            var stored = await db.CorrectionOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
            var proposed = await scope.ServiceProvider.GetRequiredService<DisposalProposals>().ProposeAsync(stored, app.Clock.GetUtcNow(), "system", CancellationToken.None);
            Assert.NotNull(proposed);
            caseId = proposed.Id;
            await db.SaveChangesAsync();
        }

        var owed = Assert.Single(await ObligationsAsync(app, projectId));
        Assert.Equal((ObligationStatus.Open, caseId.ToString("N"), ObligationDuty.WorkingGroup), (owed.Status, owed.Subject, ObligationRules.DutyOf(owed.Kind)));
        Assert.True(owed.DueAt > app.Clock.GetUtcNow());

        // Neither the institution nor another region dismisses it; the working group does, with its reason.
        var version = await app.WithDbAsync(db => db.DisposalCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
        var dismissal = new DisposalApi.StepRequest { Reason = "机构已补报，无需处置。", Version = version };
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var shanghai = await app.ApiClientAsync(DemoUsers.WorkingGroupShanghai);
        await applicant.PostAsync($"/api/v1/disposal/cases/{caseId}/dismiss", dismissal).AssertDeniedAsync();
        await shanghai.PostAsync($"/api/v1/disposal/cases/{caseId}/dismiss", dismissal).AssertDeniedAsync();
        Assert.Equal(ObligationStatus.Open, Assert.Single(await ObligationsAsync(app, projectId)).Status);

        var dismissed = await (await wg.PostAsync($"/api/v1/disposal/cases/{caseId}/dismiss", dismissal)).ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(DisposalCaseStatus.Closed, dismissed.Status);
        Assert.Equal(ObligationStatus.Fulfilled, Assert.Single(await ObligationsAsync(app, projectId)).Status);
        await (await wg.PostAsync($"/api/v1/disposal/cases/{caseId}/dismiss", dismissal with { Version = dismissed.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    private static Task<List<Obligation>> ObligationsAsync(FinPilotApp app, Guid projectId) =>
        app.WithDbAsync(db => db.Obligations.AsNoTracking().Where(o => o.ProjectId == projectId && o.Kind == ObligationKind.DisposalProposalReview).ToListAsync());
}
