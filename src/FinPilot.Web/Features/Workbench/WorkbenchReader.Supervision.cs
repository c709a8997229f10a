using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.PlanChanges;
using FinPilot.Web.Features.Alerts;
using FinPilot.Web.Features.Corrections;
using FinPilot.Web.Features.Exit;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Features.PlanChanges;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Features.Workbench;

/// <summary>
/// Supervision's queues, read through the modules' own lists so that the workbench sees exactly what
/// their pages show the reader: the institution its own projects', the working group its region's.
/// </summary>
internal sealed partial class WorkbenchReader
{
    private async Task<WorkbenchSection?> CorrectionsAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<CorrectionQueries>().ListAsync(new CorrectionFilter(Open: true, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        return page.Total == 0 ? null : new WorkbenchSection("corrections", WorkbenchStrings.Section_Corrections, page.Total, [.. page.Items.Take(take).Select(c =>
            new WorkbenchItem(c.ProjectTitle, CorrectionTexts.Of(c.Severity), $"corrections/{c.Id}", c.DueAt, c.DueAt < now))], "corrections");
    }

    private async Task<WorkbenchSection?> ObligationsAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<ObligationQueries>().ListAsync(
            new ObligationFilter(Status: ObligationStatus.Open, Order: ObligationOrder.DueDate, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        var all = scope.Regions.Count > 0 ? "obligations/region" : "obligations";
        return new WorkbenchSection("obligations", WorkbenchStrings.Section_Obligations, page.Total, [.. page.Items.Take(take).Select(o =>
            new WorkbenchItem(ObligationTexts.Duty(o.Kind, o.Subject), o.ProjectTitle, all, o.DueAt, o.Overdue))], all);
    }

    private async Task<WorkbenchSection?> AlertsAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<AlertQueries>().ListAsync(new AlertFilter(OpenOnly: true, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        return page.Total == 0 ? null : new WorkbenchSection("alerts", WorkbenchStrings.Section_Alerts, page.Total, [.. page.Items.Take(take).Select(a =>
            new WorkbenchItem(AlertTexts.Of(a.Kind), $"{a.ProjectTitle} · {AlertTexts.Of(a.Severity)}", $"alerts/{a.Id}"))], "alerts");
    }

    /// <summary>Exits the working group audits: the institution has submitted its self-assessment and checklist.</summary>
    private async Task<WorkbenchSection?> ExitsToAuditAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<ExitQueries>().ListAsync(new ExitFilter(Status: ExitStatus.Audit, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        return page.Total == 0 ? null : new WorkbenchSection("exits", WorkbenchStrings.Section_ExitAudits, page.Total, [.. page.Items.Take(take).Select(e =>
            new WorkbenchItem(e.ProjectTitle, ExitTexts.Of(e.Mode), $"exits/{e.Id}"))], "exits");
    }

    /// <summary>Plan changes waiting for the working group's decision (minor ones) or its forwarding (major ones).</summary>
    private async Task<WorkbenchSection?> PlanChangesToDecideAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<PlanChangeQueries>().ListAsync(
            new PlanChangeFilter(Status: PlanChangeStatus.AwaitingWorkingGroup, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        return page.Total == 0 ? null : new WorkbenchSection("plan-changes", WorkbenchStrings.Section_PlanChanges, page.Total, [.. page.Items.Take(take).Select(c =>
            new WorkbenchItem(c.ProjectTitle, PlanChangeTexts.Of(c.Route), $"plan-changes/{c.Id}"))], "plan-changes");
    }
}
