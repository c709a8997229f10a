using FinPilot.Domain.Calendar;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Integrity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Integrity;
using FinPilot.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Features.Workbench;

/// <summary>The queues of the panels: an expert's sheets and reviews, the secretariat's rounds, the coordination group's agenda, the integrity officer's flags.</summary>
internal sealed partial class WorkbenchReader
{
    private async Task<WorkbenchSection?> SheetsAsync(int take, CancellationToken ct)
    {
        var me = scope.UserId;
        var query =
            from a in db.ExpertAssignments.AsNoTracking()
            join r in db.EvaluationRounds.AsNoTracking() on a.RoundId equals r.Id
            join p in db.Projects.AsNoTracking() on a.ProjectId equals p.Id
            where a.ExpertUserId == me && a.SubmittedAt == null && a.ClearedAt == null && a.ConflictDeclaredAt == null && r.Status == RoundStatus.Scoring
            select new { a.Id, p.Title, RoundTitle = r.Title, r.Deadline };
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(a => a.Deadline).ThenBy(a => a.Id).Take(take).ToListAsync(ct);
        return new WorkbenchSection("my-evaluations", WorkbenchStrings.Section_Sheets, count, [.. items.Select(a =>
        {
            var due = ChinaTime.EndOfDay(a.Deadline);
            return new WorkbenchItem(a.Title, a.RoundTitle, $"evaluation/assignments/{a.Id}", due, due < now);
        })], "evaluation/assignments");
    }

    /// <summary>Exit and plan-change reviews: each seat is an open obligation named after the case and the expert.</summary>
    private Task<WorkbenchSection?> ExitReviewsAsync(int take, CancellationToken ct) =>
        ReviewSeatsAsync(ObligationKind.ExitExpertReview, "exit-reviews", WorkbenchStrings.Section_ExitReviews, id => $"exits/{id}/review/sheet", "exits/reviews", take, ct);

    private Task<WorkbenchSection?> PlanChangeReviewsAsync(int take, CancellationToken ct) =>
        ReviewSeatsAsync(ObligationKind.PlanChangeReview, "plan-change-reviews", WorkbenchStrings.Section_PlanChangeReviews, id => $"plan-changes/{id}/review/sheet", "plan-changes/reviews", take, ct);

    private async Task<WorkbenchSection?> ReviewSeatsAsync(
        ObligationKind kind, string key, string title, Func<string, string> sheet, string all, int take, CancellationToken ct)
    {
        var suffix = ":expert:" + scope.UserId;
        var query =
            from o in db.Obligations.AsNoTracking()
            join p in db.Projects.AsNoTracking() on o.ProjectId equals p.Id
            where o.Kind == kind && o.Status == ObligationStatus.Open && o.Subject.EndsWith(suffix)
            select new { o.Subject, o.DueAt, p.Title };
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(o => o.DueAt).Take(take).ToListAsync(ct);
        return count == 0 ? null : new WorkbenchSection(key, title, count, [.. items.Select(o =>
            new WorkbenchItem(o.Title, null, sheet(o.Subject.Split(':')[0]), o.DueAt, o.DueAt < now))], all);
    }

    private async Task<WorkbenchSection?> RoundsAsync(int take, CancellationToken ct)
    {
        // A secretariat member named for regions sees those regions' rounds; one named for none, every round.
        var national = scope.Grants.Any(g => (g.Role == Role.EvaluationSecretariat || g.Role == Role.PlatformAdmin) && g.RegionId is null);
        var regions = scope.Grants.Where(g => g.Role == Role.EvaluationSecretariat && g.RegionId is not null).Select(g => g.RegionId!.Value).ToList();
        var query = db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Scoring && (national || regions.Contains(r.RegionId)))
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Deadline,
                Missing = db.ExpertAssignments.Count(a => a.RoundId == r.Id && a.SubmittedAt == null && a.ClearedAt == null && a.ConflictDeclaredAt == null),
            });
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(take).ToListAsync(ct);
        return new WorkbenchSection("rounds", WorkbenchStrings.Section_Rounds, count, [.. items.Select(r =>
        {
            var due = ChinaTime.EndOfDay(r.Deadline);
            return new WorkbenchItem(r.Title, Format(WorkbenchStrings.Rounds_Missing, r.Missing), $"evaluation/rounds/{r.Id}", due, due < now && r.Missing > 0);
        })], "evaluation/rounds");
    }

    private async Task<WorkbenchSection?> DeliberationAsync(int take, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Where(p => p.Stage == ProjectStage.Deliberation);
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(p => p.Title).Take(take).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        return new WorkbenchSection("deliberation", WorkbenchStrings.Section_Deliberation, count, [.. items.Select(p =>
            new WorkbenchItem(p.Title, WorkbenchStrings.Deliberation_Awaiting, "deliberation"))], "deliberation");
    }

    private async Task<WorkbenchSection?> FlagsAsync(int take, CancellationToken ct)
    {
        var found = await services.GetRequiredService<IntegrityQueries>().ListAsync(new FlagFilter(Status: IntegrityFlagStatus.Open, PageSize: Math.Max(take, 1)), ct);
        if (!found.Succeeded)
        {
            return null;
        }

        var page = found.ValueOrThrow();
        return new WorkbenchSection("integrity-flags", WorkbenchStrings.Section_Flags, page.Total, [.. page.Items.Take(take).Select(f =>
            new WorkbenchItem(IntegrityTexts.Of(f.Rule), f.ProjectTitle ?? f.PersonName, $"integrity/flags/{f.Id}"))], "integrity/flags");
    }
}
