using System.Net;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>
/// Shortcuts for the supervision tests: a pilot of the demo applicant's institution walked to
/// admission through the domain (as the demo seeder does), its plan drafted by the job and, when
/// asked, confirmed by Beijing's working group through the API.
/// </summary>
internal static class SupervisionTestKit
{
    public const string Actor = "supervision-test";
    public const string Scope = "北京地区，仅限专业投资者，测试用范围。";
    public const string DemoApplicantOrganisation = "京华证券股份有限公司";

    /// <summary>A pilot admitted <paramref name="monthsAgo"/> months ago (so that reporting periods have ended), for a year.</summary>
    public static async Task<Guid> AdmittedPilotAsync(
        this FinPilotApp app, string title, int monthsAgo = 3, string organisationCode = DemoApplicantOrganisation, IReadOnlyList<Guid>? partners = null,
        IReadOnlyList<string>? technologies = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.FinPilotDbContext>();
        var beijing = await db.Regions.SingleAsync(r => r.Code == "BJ");
        var call = await db.Calls.Where(c => c.RegionId == beijing.Id).OrderBy(c => c.BatchNumber).FirstAsync();
        var organisation = await db.Organisations.SingleAsync(o => o.NameZh == organisationCode);
        var applied = call.ClosesAt.AddDays(-30);
        var project = PilotProject.Create(Guid.CreateVersion7(), call.Id, call.RegionId, organisation.Id, ProjectCategory.BusinessInnovation, title, applied, Actor).ValueOrThrow();
        var version = ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm
        {
            Name = title,
            TestScope = Scope,
            CustomerLimit = 300,
            DurationMonths = 12,
            PartnerOrganisationIds = partners ?? [],
            Technologies = technologies ?? [],
        }, applied, Actor);
        Assert.True(project.Submit(applied, Actor, call.ClosesAt).Succeeded);
        version.Freeze(applied);
        project.StartScreening(applied, Actor);
        project.Accept(applied, Actor);
        project.CompleteEvaluation(applied, Actor);
        project.Approve(applied, Actor);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var starts = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
        Assert.True(project.Admit(app.Clock.GetUtcNow(), Actor, new PilotStart(starts, starts.AddYears(1).AddDays(-1), 300)).Succeeded);
        db.Projects.Add(project);
        db.ApplicationVersions.Add(version);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>One pass of the plan-drafting job, as its timer would run it.</summary>
    public static async Task DraftPlansAsync(this FinPilotApp app) =>
        Assert.True(await app.Services.GetRequiredService<PlanDraftingJob>().TryRunAsync(CancellationToken.None), "The plan-drafting job could not take its lease.");

    /// <summary>An admitted pilot whose plan Beijing's working group has confirmed as drafted.</summary>
    public static async Task<(Guid ProjectId, SupervisionApi.PlanDto Plan)> SupervisedPilotAsync(
        this FinPilotApp app, string title, int monthsAgo = 3, IReadOnlyList<Guid>? partners = null, IReadOnlyList<string>? technologies = null)
    {
        var projectId = await app.AdmittedPilotAsync(title, monthsAgo, partners: partners, technologies: technologies);
        await app.DraftPlansAsync();
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        var plan = await (await wg.PutAsync($"/api/v1/supervision/projects/{projectId}/plan", new SupervisionApi.ConfirmRequest(draft.Terms, "按申报方案确认", draft.Version)))
            .ReadAsync<SupervisionApi.PlanDto>();
        return (projectId, plan);
    }

    /// <summary>An applicant of another institution (not the project's lead).</summary>
    public static async Task<HttpClient> OtherApplicantAsync(this FinPilotApp app)
    {
        var other = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameZh != DemoApplicantOrganisation).Select(o => o.Id).FirstAsync());
        var email = $"other-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email, Role.Applicant, organisationId: other);
        return await app.ApiClientAsync(email);
    }

    public static async Task AssertDeniedAsync(this Task<HttpResponseMessage> call) =>
        await (await call).ReadProblemAsync(HttpStatusCode.Forbidden);

    public static MetricSample Machine(Guid projectId, string code, DateOnly start, DateOnly end, double value, DateTimeOffset at) =>
        MetricSample.Record(projectId, code, start, end, value, at, at, "https://bank.example/metrics", Guid.NewGuid().ToString(), Guid.NewGuid());
}
