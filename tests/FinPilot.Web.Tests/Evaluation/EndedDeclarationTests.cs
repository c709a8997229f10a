using System.Net;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Evaluation;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Evaluation;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Evaluation;

/// <summary>An expert's standing declaration, once ended, still recuses them in rounds opened before its end (issue 14).</summary>
public sealed class EndedDeclarationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-60, null, null, true)] // current: counts for every round, and with no round at all
    [InlineData(-60, 30, null, true)] // declared before the round opened, ended while it was open
    [InlineData(10, 30, null, true)] // declared and ended while it was open
    [InlineData(-60, 30, 20, true)] // ended after the round completed
    [InlineData(-60, -10, null, false)] // ended before the round opened
    [InlineData(60, 90, 30, false)] // declared after the round completed
    public void An_ended_declaration_counts_for_the_rounds_open_while_it_stood(int declaredMinutes, int? endedMinutes, int? completedMinutes, bool counts)
    {
        var declaration = new ConflictDeclaration
        {
            DeclaredAt = Opened.AddMinutes(declaredMinutes),
            EndedAt = endedMinutes is { } ended ? Opened.AddMinutes(ended) : null,
        };

        Assert.Equal(counts, declaration.CountsFor(new RoundPeriod(Opened, completedMinutes is { } c ? Opened.AddMinutes(c) : null)));
        Assert.Equal(endedMinutes is null, declaration.CountsFor(null));
        Assert.Equal(endedMinutes is null, declaration.CountsFor(new RoundPeriod(null, null)));
    }

    [Theory, AllProviders]
    public async Task An_ended_declaration_keeps_the_expert_out_of_a_round_opened_before_its_end_and_shows_on_the_integrity_page(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var secretariat = await app.ApiClientAsync(DemoUsers.Secretariat);
        var (callId, projects) = await app.InEvaluationAsync("回避声明结束 征集", ["回避声明结束"]);
        var opened = await app.OpenedRoundAsync(secretariat, callId);
        var lead = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projects[0]).Select(p => p.LeadOrganisationId).SingleAsync());

        // An expert joins the pool after the round opened, declares a conflict with the lead and later ends it.
        var email = $"ended.{Guid.NewGuid():N}@evaluation.test";
        var expertId = (await app.CreateUserAsync(email, Domain.Identity.Role.Expert)).User.Id;
        await (await secretariat.PutAsync($"/api/v1/evaluation/experts/{expertId}",
            new EvaluationApi.ExpertRequest(null, "某大学", [ExpertDomain.LegalCompliance], [], [], [], null, true, 4, [], null))).AssertStatusAsync(HttpStatusCode.OK);
        using var expert = await app.ApiClientAsync(email);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var declared = await (await expert.PostAsync("/api/v1/evaluation/declarations", new EvaluationApi.DeclarationRequest(ConflictDeclarationKind.Organisation, lead, "持有牵头机构股份")))
            .ReadAsync<EvaluationApi.DeclarationDto>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await expert.PostAsync($"/api/v1/evaluation/declarations/{declared.Id}/end", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        var endedAt = await app.WithDbAsync(db => db.ConflictDeclarations.Where(d => d.Id == declared.Id).Select(d => d.EndedAt).SingleAsync());
        Assert.NotNull(endedAt);

        // The round opened before the end: the expert stays recused there.
        var refused = await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{opened.Id}/assignments", new EvaluationApi.PairRequest(projects[0], expertId)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ExpertId", refused.Errors.Keys);

        // A round opened after the end does not count it: the expert may be assigned to the same lead's project.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (laterCall, laterProjects) = await app.InEvaluationAsync("回避声明结束后 征集", ["回避声明结束后"]);
        var later = await secretariat.CreateRoundAsync(laterCall, 3, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20));
        await (await secretariat.PostAsync($"/api/v1/evaluation/rounds/{later.Id}/assignments", new EvaluationApi.PairRequest(laterProjects[0], expertId)))
            .AssertStatusAsync(HttpStatusCode.NoContent);

        // The integrity officer sees when it ended, and where it still counts.
        using var integrity = await app.SignedInAsync(DemoUsers.Integrity);
        var page = await integrity.Client.GetStringAsync("/integrity", TestContext.Current.CancellationToken);
        var row = page[page.IndexOf("持有牵头机构股份", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains($"已于 {ChinaTime.Format(endedAt.Value)} 结束", row, StringComparison.Ordinal);
        Assert.Contains(opened.Title, row, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Title, row, StringComparison.Ordinal);
    }
}
