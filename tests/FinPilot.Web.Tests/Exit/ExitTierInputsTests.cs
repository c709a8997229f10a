using FinPilot.Domain.Disposal;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.IntegrityFlags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// The tier inputs count confirmed disposal cases only: a proposal the escalation ladder made is not counted while it
/// waits, nor after the working group dismissed it; the one it confirmed counts, and still counts once closed.
/// </summary>
public sealed class ExitTierInputsTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task Proposed_and_dismissed_disposal_cases_are_not_in_the_tier_inputs_confirmed_ones_are(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.RunningPilotAsync("处置计数");
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);

        // While the pilot runs (orders and cases need a pilot under supervision): one proposal dismissed, one confirmed, one left waiting.
        var dismissedId = await ProposeAsync(app, await app.OrderAsync(wg, projectId));
        var confirmedId = await ProposeAsync(app, await app.OrderAsync(wg, projectId));
        await ProposeAsync(app, await app.OrderAsync(wg, projectId));
        await (await wg.PostAsync($"/api/v1/disposal/cases/{dismissedId}/dismiss",
            new DisposalApi.StepRequest { Reason = "机构已补报，无需处置。", Version = await VersionAsync(app, dismissedId) })).ReadAsync<DisposalApi.CaseDto>();
        var confirmed = await (await wg.PostAsync($"/api/v1/disposal/cases/{confirmedId}/confirm",
            new DisposalApi.ConfirmRequest { AffectedCustomers = 3, Version = await VersionAsync(app, confirmedId) })).ReadAsync<DisposalApi.CaseDto>();
        Assert.Equal(DisposalCaseStatus.Open, confirmed.Status);

        // Only the confirmed case is an input of the tier.
        var exit = await applicant.ApplyAsync(projectId, ExitTestKit.Completion());
        Assert.Equal((1, 0), await DisposalInputsAsync(app, exit.Id));
    }

    private static async Task<Guid> ProposeAsync(FinPilotApp app, CorrectionDto order)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var stored = await db.CorrectionOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        var proposed = await scope.ServiceProvider.GetRequiredService<DisposalProposals>().ProposeAsync(stored, app.Clock.GetUtcNow(), "system", CancellationToken.None);
        Assert.NotNull(proposed);
        await db.SaveChangesAsync();
        return proposed.Id;
    }

    private static Task<Guid> VersionAsync(FinPilotApp app, Guid caseId) =>
        app.WithDbAsync(db => db.DisposalCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    private static async Task<(int Cases, int Severe)> DisposalInputsAsync(FinPilotApp app, Guid exitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var exit = await db.ExitCases.AsNoTracking().SingleAsync(c => c.Id == exitId);
        var inputs = await scope.ServiceProvider.GetRequiredService<ExitRecord>().TierInputsAsync(exit, CancellationToken.None);
        return (inputs.DisposalCases, inputs.SevereDisposalCases);
    }
}
