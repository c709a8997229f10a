using System.Net;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>监管方案: drafted for an admitted pilot, confirmed by the region's working group in revisions, read by the others.</summary>
public sealed class SupervisionPlanApiTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task An_admitted_pilot_gets_a_draft_plan_from_its_category_and_application_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("方案起草测试");

        await app.DraftPlansAsync();
        await app.DraftPlansAsync();

        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var plan = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        Assert.Equal((0, false), (plan.Revision, plan.InForce));
        Assert.Equal(SupervisionTestKit.Scope, plan.Terms.Parameters.Scope);
        Assert.Equal(300, plan.Terms.Parameters.CustomerCap);
        Assert.Contains(plan.Terms.Metrics, m => m.Code == MetricCodes.TransactionAmount);
        Assert.Empty(plan.Revisions);
        var (plans, drafted) = await app.WithDbAsync(async db => (
            await db.SupervisionPlans.CountAsync(p => p.ProjectId == projectId),
            await db.AuditEntries.CountAsync(a => a.Action == SupervisionActions.PlanDrafted && a.ResourceId == plan.Id.ToString())));
        Assert.Equal((1, 1), (plans, drafted));
    }

    [Theory, AllProviders]
    public async Task Drafting_the_missing_plans_LeavesNothingTracked(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var first = await app.AdmittedPilotAsync("方案起草跟踪一");
        var second = await app.AdmittedPilotAsync("方案起草跟踪二");

        // One pass in one scope, as the job runs it: what it saved is forgotten, the tracker left empty.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var drafted = await scope.ServiceProvider.GetRequiredService<SupervisionPlanService>().DraftMissingAsync(TestContext.Current.CancellationToken);

        Assert.True(drafted >= 2, $"{drafted} drafted");
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(2, await app.WithDbAsync(d => d.SupervisionPlans.CountAsync(p => p.ProjectId == first || p.ProjectId == second)));
    }

    [Theory, AllProviders]
    public async Task Each_confirmation_is_a_revision_kept_with_who_when_why_and_audited(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("方案确认测试");
        await app.DraftPlansAsync();
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        var url = $"/api/v1/supervision/projects/{projectId}/plan";

        var first = await (await wg.PutAsync(url, new SupervisionApi.ConfirmRequest(draft.Terms, "按申报方案确认", draft.Version))).ReadAsync<SupervisionApi.PlanDto>();
        var quarterly = first.Terms with
        {
            ReportFrequency = ReportFrequency.Quarterly,
            Endpoints = [new ProbeEndpoint { Url = "https://status.example.com/health" }],
        };
        var unchanged = await wg.PutAsync(url, new SupervisionApi.ConfirmRequest(first.Terms, "再次确认", first.Version));
        var noReason = await wg.PutAsync(url, new SupervisionApi.ConfirmRequest(quarterly, " ", first.Version));
        var stale = await wg.PutAsync(url, new SupervisionApi.ConfirmRequest(quarterly, "改为按季", draft.Version));
        var second = await (await wg.PutAsync(url, new SupervisionApi.ConfirmRequest(quarterly, "改为按季报送并增加探测地址", first.Version))).ReadAsync<SupervisionApi.PlanDto>();

        await unchanged.ReadProblemAsync(HttpStatusCode.Conflict);
        await noReason.ReadProblemAsync(HttpStatusCode.BadRequest);
        await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((2, true, ReportFrequency.Quarterly), (second.Revision, second.InForce, second.Terms.ReportFrequency));
        Assert.Equal([1, 2], second.Revisions.Select(r => r.Revision));
        Assert.Equal(["按申报方案确认", "改为按季报送并增加探测地址"], second.Revisions.Select(r => r.Reason));
        Assert.Equal(ReportFrequency.Monthly, second.Revisions[0].Terms.ReportFrequency);
        Assert.Equal("https://status.example.com/health", Assert.Single(second.Revisions[1].Terms.Endpoints).Url);
        var wgId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.WorkingGroupBeijing).Select(u => u.Id).SingleAsync());
        Assert.All(second.Revisions, r => Assert.Equal(wgId, r.ConfirmedBy));
        var audited = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == SupervisionActions.PlanConfirmed && a.ResourceType == AuditResource.SupervisionPlan.Name && a.ResourceId == second.Id.ToString())
            .Select(a => a.ActorId).ToListAsync());
        Assert.Equal([wgId, wgId], audited);
    }

    [Theory, AllProviders]
    public async Task Invalid_terms_are_answered_with_every_error_in_problem_json(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var projectId = await app.AdmittedPilotAsync("方案校验测试");
        await app.DraftPlansAsync();
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var draft = await (await wg.GetAsync($"/api/v1/supervision/projects/{projectId}/plan")).ReadAsync<SupervisionApi.PlanDto>();
        var bad = draft.Terms with { Parameters = draft.Terms.Parameters with { CustomerCap = 0 }, Endpoints = [new ProbeEndpoint { Url = "ftp://x" }] };

        var problem = await (await wg.PutAsync($"/api/v1/supervision/projects/{projectId}/plan", new SupervisionApi.ConfirmRequest(bad, "改", draft.Version)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Parameters", problem.Errors.Keys);
        Assert.Contains("Endpoints[0]", problem.Errors.Keys);
    }

    [Theory, AllProviders]
    public async Task Only_the_regions_working_group_confirms_and_the_others_read_or_are_refused(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var (projectId, plan) = await app.SupervisedPilotAsync("方案权限测试");
        var url = $"/api/v1/supervision/projects/{projectId}/plan";
        var change = new SupervisionApi.ConfirmRequest(plan.Terms with { ReportFrequency = ReportFrequency.Quarterly }, "越权修改", plan.Version);

        foreach (var reader in new[] { DemoUsers.Applicant, DemoUsers.Integrity, DemoUsers.Coordination, DemoUsers.Admin })
        {
            using var client = await app.ApiClientAsync(reader);
            await (await client.GetAsync(url)).AssertStatusAsync(HttpStatusCode.OK);
        }

        foreach (var refused in new[] { DemoUsers.Applicant, DemoUsers.Integrity, DemoUsers.Coordination, DemoUsers.WorkingGroupShanghai, DemoUsers.Expert, DemoUsers.Secretariat })
        {
            using var client = await app.ApiClientAsync(refused);
            await client.PutAsync(url, change).AssertDeniedAsync();
        }

        foreach (var stranger in new[] { DemoUsers.WorkingGroupShanghai, DemoUsers.Expert, DemoUsers.Secretariat })
        {
            using var client = await app.ApiClientAsync(stranger);
            await client.GetAsync(url).AssertDeniedAsync();
        }

        using var other = await app.OtherApplicantAsync();
        await other.GetAsync(url).AssertDeniedAsync();
        await other.PutAsync(url, change).AssertDeniedAsync();
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        await (await wg.GetAsync($"/api/v1/supervision/projects/{Guid.NewGuid()}/plan")).ReadProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(1, (await (await wg.GetAsync(url)).ReadAsync<SupervisionApi.PlanDto>()).Revision);
    }
}
