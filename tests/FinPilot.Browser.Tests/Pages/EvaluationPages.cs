using Microsoft.Playwright;

namespace FinPilot.Browser.Tests.Pages;

/// <summary>The secretariat's page of one evaluation round.</summary>
public sealed class RoundPage(IPage page)
{
    public async Task OpenFromListAsync(string titleContains)
    {
        await page.GotoAsync("/evaluation/rounds");
        await page.Locator("[data-testid=rounds] a", new() { HasTextString = titleContains }).First.ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task PinAsync(string projectTitle, string expertLabel)
    {
        await page.Locator("#pair-project").SelectOptionAsync(new SelectOptionValue { Label = projectTitle });
        await page.Locator("#pair-expert").SelectOptionAsync(new SelectOptionValue { Label = expertLabel });
        await page.Locator("#pair-action").SelectOptionAsync("Pin");
        await page.Locator("[data-testid=pair-submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task SolveAsync() => page.Locator("[data-testid=solve]").ClickAsync();

    public Task OpenForScoringAsync() => page.Locator("[data-testid=open-round]").ClickAsync();

    public ILocator Status => page.Locator("[data-testid=round-status]");

    public ILocator SolveReport => page.Locator("[data-testid=solve-report]");

    public ILocator Rules => page.Locator("[data-testid=rules]");

    public ILocator AssignedExperts => page.Locator("[data-testid=assigned-expert]");

    public Task OpenSummaryAsync() => page.Locator("[data-testid=summary-link]").ClickAsync();

    public ILocator Ranking => page.Locator("[data-testid=ranking]");
}

/// <summary>An expert's page of one assignment: the declaration, then the score sheet.</summary>
public sealed class ScoreSheetPage(IPage page)
{
    public async Task OpenAsync(string projectTitle)
    {
        await page.GotoAsync("/evaluation/assignments");
        await page.Locator("[data-testid=my-assignments] a", new() { HasTextString = projectTitle }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task ConfirmNoConflictAsync()
    {
        await page.Locator("[data-testid=no-conflict-check]").CheckAsync();
        await page.Locator("[data-testid=confirm-no-conflict]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task ScoreAsync(int score, string comment)
    {
        foreach (var dimension in new[] { "InnovationValue", "RegulatoryInsight", "RiskControl", "InvestorProtection" })
        {
            await page.Locator($"[data-testid=score-{dimension}]").FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator($"[data-testid=comment-{dimension}]").FillAsync(comment);
        }

        await page.Locator("[data-testid=recommend-Recommend]").CheckAsync();
    }

    public Task SubmitAsync() => page.Locator("[data-testid=submit-sheet]").ClickAsync();

    public ILocator State => page.Locator("[data-testid=assignment-state]");

    public ILocator SubmittedAt => page.Locator("[data-testid=submitted-at]");

    public ILocator Materials => page.Locator("[data-testid=application-readonly]");
}
