using System.Net;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FinPilot.Web.Features.Corrections.CorrectionsApi;

namespace FinPilot.Web.Tests.IntegrityFlags;

/// <summary>Helpers of the integrity tests: one scan as the job runs it, the flags stored for a record, records to flag.</summary>
public static class IntegrityTestKit
{
    /// <summary>One pass of the scan in its own scope, as the job's timer would run it; the flags it raised.</summary>
    public static async Task<int> ScanAsync(this FinPilotApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrityScan>().RunAsync(CancellationToken.None);
    }

    public static Task<List<IntegrityFlag>> FlagsAsync(this FinPilotApp app, IntegrityRule rule, string recordId) =>
        app.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().Where(f => f.Rule == rule && f.RecordId == recordId).ToListAsync());

    /// <summary>An alert of the pilot, raised now and dismissed by <paramref name="by"/> with <paramref name="reason"/>.</summary>
    public static Task<Guid> DismissedAlertAsync(this FinPilotApp app, Guid projectId, string by, string reason) =>
        app.WithDbAsync(async db =>
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
            var alert = Alert.Raise(project.Id, project.RegionId, project.LeadOrganisationId, RiskRuleKind.CustomerCapBreach, $"customers-{Guid.NewGuid():N}", null,
                AlertSeverity.Risk, new AlertEvidence(), app.Clock.GetUtcNow()).ValueOrThrow();
            alert.Dismiss(app.Clock.GetUtcNow(), by, reason).OrThrow();
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        });

    /// <summary>A correction order of the pilot issued by Beijing's working group.</summary>
    public static async Task<CorrectionDto> OrderAsync(this FinPilotApp app, HttpClient wg, Guid projectId) =>
        await (await wg.PostAsync($"/api/v1/supervision/projects/{projectId}/corrections", new IssueRequest
        {
            Findings = "客户数量超过批准上限。",
            Breach = "试点方案：客户数量上限 300 户。",
            RequiredActions = "压降至上限以内。",
            Severity = Domain.Corrections.CorrectionSeverity.Moderate,
            WorkingDays = 10,
            MustRectify = false,
        })).ReadAsync<CorrectionDto>(HttpStatusCode.Created);

    public static Task<Guid> PilotAsync(this FinPilotApp app, string title) => app.AdmittedPilotAsync($"{title} {Guid.NewGuid():N}"[..(title.Length + 9)]);
}
