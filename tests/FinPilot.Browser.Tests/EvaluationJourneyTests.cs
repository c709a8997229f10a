using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

public sealed class EvaluationJourneyTests(BrowserApp app)
{
    private const string Project = "区域性股权市场区块链登记托管试点";

    [Fact]
    public async Task The_secretariat_assigns_the_demo_round_an_expert_scores_and_the_summary_shows_the_project()
    {
        var secretariat = await app.NewPageAsync();
        await new LoginPage(secretariat).SignInAsync("secretariat@demo.finpilot.cn");
        var round = new RoundPage(secretariat);
        await round.OpenFromListAsync("专业评估");
        await Assertions.Expect(round.Status).ToHaveTextAsync("筹备中");

        // Pin the demo expert to the project, so the solver must keep them there.
        await round.PinAsync(Project, "评估专家 Expert (信息科技)");
        await Assertions.Expect(round.Rules).ToContainTextAsync("评估专家 Expert");
        await round.SolveAsync();
        await Assertions.Expect(round.SolveReport).ToContainTextAsync("分配完成");
        await Assertions.Expect(round.AssignedExperts).ToHaveCountAsync(15);
        await round.OpenForScoringAsync();
        await Assertions.Expect(round.Status).ToHaveTextAsync("评分中");

        var expertPage = await app.NewPageAsync();
        await new LoginPage(expertPage).SignInAsync("expert@demo.finpilot.cn");
        var sheet = new ScoreSheetPage(expertPage);
        await sheet.OpenAsync(Project);
        await Assertions.Expect(sheet.Materials).ToHaveCountAsync(0);
        await sheet.ConfirmNoConflictAsync();
        await Assertions.Expect(sheet.Materials).ToBeVisibleAsync();
        await sheet.ScoreAsync(8, "链上登记与托管流程清晰，风险控制措施可行。");
        await sheet.SubmitAsync();
        await Assertions.Expect(sheet.SubmittedAt).ToBeVisibleAsync();
        await Assertions.Expect(sheet.State).ToHaveTextAsync("已提交");

        await round.OpenFromListAsync("专业评估");
        await round.OpenSummaryAsync();
        await Assertions.Expect(round.Ranking).ToContainTextAsync(Project);
    }
}
