using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Applications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Exit;

/// <summary>
/// 分层分类 in use: the public register filters by the confirmed tier (in SQL), and the working group
/// screening a new application sees when the same lead institution's earlier pilot exited 不合格.
/// </summary>
public sealed class ExitLayeringTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_register_filters_exited_pilots_by_their_tier(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var visitor = app.Anonymous();
        var batch = (await (await visitor.GetAsync("/api/v1/pilots?region=BJ&status=Running&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>()).Items
            .Where(p => p.Batch.Number == 1).ToList();
        var exemplary = batch.Single(p => p.Name.Contains("区块链", StringComparison.Ordinal));
        var good = batch.Single(p => p.Name.Contains("智能投顾", StringComparison.Ordinal));
        await app.ExitedAsync(exemplary.Id, ExitTier.Exemplary);
        await app.ExitedAsync(good.Id, ExitTier.Good);

        var filtered = await (await visitor.GetAsync("/api/v1/pilots?tier=Exemplary&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>();
        Assert.Contains(filtered.Items, p => p.Id == exemplary.Id);
        Assert.DoesNotContain(filtered.Items, p => p.Id == good.Id);
        var projects = filtered.Items.Select(p => p.Id).ToList();
        var tiers = await app.WithDbAsync(db => db.ExitCases.AsNoTracking().Where(c => projects.Contains(c.ProjectId)).Select(c => c.Tier).ToListAsync());
        Assert.Equal(filtered.Items.Count, tiers.Count);
        Assert.All(tiers, t => Assert.Equal(ExitTier.Exemplary, t));
        Assert.Contains(good.Id, (await (await visitor.GetAsync("/api/v1/pilots?tier=Good&pageSize=100")).ReadAsync<Page<PilotsApi.PilotSummaryDto>>()).Items.Select(p => p.Id));

        // The page offers the filter by name and lists only the tier's pilots.
        var html = await visitor.GetStringAsync("/pilots?tier=Exemplary");
        Assert.Contains("data-testid=\"tier-filter\"", html);
        Assert.Contains("示范", html);
        Assert.Contains(exemplary.Name, html);
        Assert.DoesNotContain(good.Name, html);
    }

    [Theory, AllProviders]
    public async Task Screening_shows_the_lead_institutions_failed_exit(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        var applicationId = await app.SubmittedAsync(applicant, $"分层提示申报 {Guid.NewGuid():N}");
        using var wg = await app.SignedInAsync(DemoUsers.WorkingGroupBeijing);
        Assert.DoesNotContain("data-testid=\"failed-tier-banner\"", await (await wg.GetAsync($"/screening/{applicationId}")).Content.ReadAsStringAsync());

        var failedTitle = $"不合格退出试点 {Guid.NewGuid():N}";
        var failed = await app.RunningPilotAsync(failedTitle);
        await app.ExitedAsync(failed, ExitTier.Failed);
        var title = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == failed).Select(p => p.Title).SingleAsync());

        var html = await (await wg.GetAsync($"/screening/{applicationId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"failed-tier-banner\"", html);
        Assert.Contains(title, html);
        Assert.Contains("不合格", html);
        Assert.DoesNotContain(">Failed<", html);
    }
}

/// <summary>An exit walked through the domain to the confirmed tier, for tests that read tiers rather than the path.</summary>
internal static class ExitedCases
{
    public static Task ExitedAsync(this FinPilotApp app, Guid projectId, ExitTier tier) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            var now = app.Clock.GetUtcNow();
            const string actor = "exit-test";
            var exit = ExitCase.Open(project, ExitMode.Completed, "试点期满", null, false, now, actor).ValueOrThrow();
            exit.SaveSelfAssessment(ExitTestKit.Assessment(), [], now, actor).OrThrow();
            foreach (var kind in ChecklistItem.Kinds)
            {
                exit.RecordChecklistItem(kind, true, "已完成", null, now, actor).OrThrow();
            }

            exit.SubmitForAudit(now, actor).OrThrow();
            exit.Accept("审核通过", now, actor).OrThrow();
            exit.StartReview(1, now.AddDays(10), now, actor).OrThrow();
            exit.AssignReviewer("expert-test", [], now.AddDays(10), now, actor).OrThrow();
            var score = tier switch { ExitTier.Exemplary => 9, ExitTier.Good => 8, ExitTier.Qualified => 6, _ => 3 };
            exit.SubmitReview("expert-test", [.. ExitReview.Criteria.Select(c => new ExitCriterionScore(c, score, "意见"))], Recommendation.Recommend, "意见", now).OrThrow();
            var proposal = TierFormula.Propose(new TierInputs { Mode = ExitMode.Completed, ExpertAverage = score }, now);
            Assert.Equal(tier, proposal.Tier);
            exit.Forward("提请确认", proposal, now, actor).OrThrow();
            exit.Resolve(Guid.NewGuid(), Guid.NewGuid(), true, "确认退出", now, actor).OrThrow();
            db.ExitCases.Add(exit);
            return await db.SaveChangesAsync();
        });
}
