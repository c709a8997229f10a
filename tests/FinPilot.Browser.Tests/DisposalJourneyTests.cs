using FinPilot.Browser.Tests.Infrastructure;
using FinPilot.Browser.Tests.Pages;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinPilot.Browser.Tests;

/// <summary>
/// Issue 17's disposal journey: the working group opens a level-III case on a running pilot, suspends
/// it and resumes it; both steps are on the pilot's public timeline and in the ledger.
/// </summary>
public sealed class DisposalJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_level_III_case_suspends_and_resumes_a_pilot_and_both_reach_the_public_timeline_and_the_ledger()
    {
        var projectId = await RunningListedBeijingPilotAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var suspendReason = $"暂停原因 {marker}：系统故障影响客户资金划转。";
        var resumeReason = $"恢复原因 {marker}：故障已修复并经核验。";

        var workingGroup = await app.NewPageAsync();
        await new LoginPage(workingGroup).SignInAsync("wg.beijing@demo.finpilot.cn");
        await workingGroup.GotoAsync($"disposal/new?project={projectId}");
        await workingGroup.Locator("#level").SelectOptionAsync(((int)DisposalLevel.III).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await workingGroup.Locator("#affected").FillAsync("120");
        await workingGroup.Locator("#summary").FillAsync("交易系统连续两日故障，影响 120 户客户。");
        await workingGroup.Locator("[data-testid=submit-case]").ClickAsync();
        await workingGroup.WaitForURLAsync(url => url.Contains("/disposal/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal));
        await Assertions.Expect(workingGroup.Locator("[data-testid=case-level]")).ToBeVisibleAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=case-suspended]")).ToHaveCountAsync(0);

        await workingGroup.Locator("#suspend-reason").FillAsync(suspendReason);
        await workingGroup.Locator("[data-testid=suspend-form] input[name=Confirm]").CheckAsync();
        await workingGroup.Locator("[data-testid=suspend]").ClickAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=case-suspended]")).ToBeVisibleAsync();
        Assert.Equal(ProjectStage.Suspended, await StageAsync(projectId));

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"pilots/{projectId}");
        var events = visitor.Locator("[data-testid=pilot-timeline] [data-testid=pilot-event]");
        await Assertions.Expect(events.Filter(new() { HasText = "试点暂停" })).ToHaveCountAsync(1);
        await Assertions.Expect(events.Filter(new() { HasText = "试点恢复运行" })).ToHaveCountAsync(0);

        await workingGroup.Locator("#resume-reason").FillAsync(resumeReason);
        await workingGroup.Locator("[data-testid=resume-form] input[name=Confirm]").CheckAsync();
        await workingGroup.Locator("[data-testid=resume]").ClickAsync();
        await Assertions.Expect(workingGroup.Locator("[data-testid=case-suspended]")).ToHaveCountAsync(0);
        await Assertions.Expect(workingGroup.Locator("[data-testid=resume-form]")).ToHaveCountAsync(0);
        Assert.Equal(ProjectStage.Running, await StageAsync(projectId));

        await app.RunLedgerAsync();
        await visitor.ReloadAsync();
        var suspended = events.Filter(new() { HasText = "试点暂停" });
        var resumed = events.Filter(new() { HasText = "试点恢复运行" });
        await Assertions.Expect(suspended).ToHaveCountAsync(1);
        await Assertions.Expect(resumed).ToHaveCountAsync(1);

        // Each step's timeline entry links to its own ledger entry, whose logged record holds the pilot and the step's reason.
        var suspendedEntry = await suspended.Locator("[data-testid=ledger-entry-link]").GetAttributeAsync("href");
        var resumedEntry = await resumed.Locator("[data-testid=ledger-entry-link]").GetAttributeAsync("href");
        Assert.NotNull(suspendedEntry);
        Assert.NotNull(resumedEntry);
        Assert.NotEqual(suspendedEntry, resumedEntry);

        await visitor.GotoAsync(suspendedEntry);
        await Assertions.Expect(visitor.Locator("[data-testid=ledger-entry-content]")).ToContainTextAsync(suspendReason);
        await Assertions.Expect(visitor.Locator("[data-testid=ledger-entry-content]")).ToContainTextAsync(projectId.ToString());
        await visitor.GotoAsync(resumedEntry);
        await Assertions.Expect(visitor.Locator("[data-testid=ledger-entry-content]")).ToContainTextAsync(resumeReason);
        await Assertions.Expect(visitor.Locator("[data-testid=ledger-entry-content]")).ToContainTextAsync(projectId.ToString());
    }

    private async Task<ProjectStage> StageAsync(Guid projectId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().Projects.AsNoTracking()
            .Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync();
    }

    /// <summary>A running Beijing pilot of the demo that is in the public register and has never been under a disposal case (so its timeline has no suspension yet).</summary>
    private async Task<Guid> RunningListedBeijingPilotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var beijing = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "BJ");
        var listed = await db.RegisterPilots.AsNoTracking().Where(p => p.RegionId == beijing.Id).Select(p => p.ProjectId).ToListAsync();
        var running = await db.Projects.AsNoTracking().Where(p => listed.Contains(p.Id) && p.Stage == ProjectStage.Running).Select(p => p.Id).ToListAsync();
        var inDisposal = await db.DisposalCases.AsNoTracking().Select(c => c.ProjectId).ToListAsync();
        var candidates = running.Except(inDisposal).ToList();
        Assert.NotEmpty(candidates);
        return candidates[^1];
    }
}
