using System.Net;
using System.Text.Json;
using FinPilot.Domain.Applications;
using FinPilot.Domain.Disposal;
using FinPilot.Web.Features.Disposal;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Disposal;

/// <summary>Shortcuts for the disposal tests: opening a case as Beijing's working group, and the case's addresses.</summary>
internal static class DisposalTestKit
{
    public static string CasesOf(Guid projectId) => $"/api/v1/disposal/projects/{projectId}/cases";

    public static string At(Guid caseId) => $"/api/v1/disposal/cases/{caseId}";

    public static DisposalApi.OpenRequest Open(DisposalLevel level = DisposalLevel.III, int affected = 50) => new()
    {
        Level = level,
        Source = DisposalSource.Direct,
        Summary = "客户资金划转异常，部分客户无法赎回。",
        AffectedCustomers = affected,
    };

    public static async Task<DisposalApi.CaseDto> OpenCaseAsync(this FinPilotApp app, Guid projectId, DisposalLevel level = DisposalLevel.III, int affected = 50)
    {
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        return await (await wg.PostAsync(CasesOf(projectId), Open(level, affected))).ReadAsync<DisposalApi.CaseDto>(HttpStatusCode.Created);
    }

    /// <summary>Rewrites the pilot's (frozen) application form in the database, as if the institution had written it so when it applied.</summary>
    public static Task WriteApplicationAsync(this FinPilotApp app, Guid projectId, Func<ApplicationForm, ApplicationForm> change) => app.WithDbAsync(async db =>
    {
        var version = await db.ApplicationVersions.AsNoTracking().Where(v => v.ProjectId == projectId).OrderByDescending(v => v.Number).FirstAsync();
        var json = JsonSerializer.Serialize(change(version.Form), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return await db.ApplicationVersions.Where(v => v.ProjectId == projectId && v.Number == version.Number).ExecuteUpdateAsync(s => s.SetProperty(v => v.FormJson, json));
    });
}
