using System.Net;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Tests.Evaluation;
using FinPilot.Web.Tests.Infrastructure;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>The scan's rule "sheet reopened": a submitted expert sheet the secretariat reopens is flagged once, about that expert.</summary>
public sealed class IntegritySheetReopenedTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Fact]
    public async Task A_reopened_sheet_is_flagged_once_with_the_expert_and_the_number_of_reopenings()
    {
        var app = await apps.StartAsync(DatabaseProvider.Sqlite);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, _) = await app.InEvaluationAsync("廉政退回 征集", ["廉政退回"]);
        var round = await app.OpenedRoundAsync(secretariat, callId);
        var assignment = round.Assignments[0];
        var untouched = round.Assignments[1];
        using var expert = await app.ApiClientAsync(await app.EmailOfAsync(assignment.ExpertUserId));
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/no-conflict", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var view = await (await expert.GetAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}")).ReadAsync<EvaluationApi.ScoringDto>();
        await (await expert.PostAsync($"/api/v1/evaluation/my/assignments/{assignment.Id}/submit", new EvaluationApi.SheetRequest(EvaluationTestKit.Sheet(7), view.Version)))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        await app.ScanAsync();
        Assert.Empty(await app.FlagsAsync(IntegrityRule.SheetReopened, assignment.Id.ToString()));

        await (await secretariat.PostAsync($"/api/v1/evaluation/assignments/{assignment.Id}/reopen", new EvaluationApi.ReasonRequest("请补充风险防控意见")))
            .AssertStatusAsync(HttpStatusCode.NoContent);
        await app.ScanAsync();
        await app.ScanAsync();

        var flag = Assert.Single(await app.FlagsAsync(IntegrityRule.SheetReopened, assignment.Id.ToString()));
        Assert.Equal((IntegrityRecordKind.ExpertAssignment, assignment.ExpertUserId, 1), (flag.RecordKind, flag.PersonId, flag.Facts.Count));
        Assert.Empty(await app.FlagsAsync(IntegrityRule.SheetReopened, untouched.Id.ToString()));
    }
}
