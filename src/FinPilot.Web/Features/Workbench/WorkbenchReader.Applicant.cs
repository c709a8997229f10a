using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Applications.Pages;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Workbench;

/// <summary>The applicant's queues: applications to finish or supplement, and the evaluation's questions to answer.</summary>
internal sealed partial class WorkbenchReader
{
    private async Task<WorkbenchSection?> ApplicationsAsync(int take, CancellationToken ct)
    {
        var organisations = scope.Organisations.ToList();
        var query = db.Projects.AsNoTracking()
            .Where(p => organisations.Contains(p.LeadOrganisationId) && (p.Stage == ProjectStage.Draft || p.Stage == ProjectStage.ReturnedForSupplement));
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query
            .OrderBy(p => p.Stage == ProjectStage.ReturnedForSupplement ? 0 : 1).ThenByDescending(p => p.CreatedAt).Take(take).ToListAsync(ct);
        return new WorkbenchSection("applications", WorkbenchStrings.Section_Applications, count, [.. items.Select(p =>
        {
            // A return for supplement has a deadline; a draft has none until the call closes.
            var request = p.CurrentSupplementRequest;
            return new WorkbenchItem(
                string.IsNullOrWhiteSpace(p.Title) ? WorkbenchStrings.Untitled : p.Title, ApplicationFieldNames.Of(p.Stage), $"applications/{p.Id}",
                request?.DueAt, request?.IsOverdue(now) ?? false);
        })], "applications");
    }

    private async Task<WorkbenchSection?> QuestionsAsync(int take, CancellationToken ct)
    {
        var organisations = scope.Organisations.ToList();
        var query =
            from q in db.EvaluationQuestions.AsNoTracking()
            join p in db.Projects.AsNoTracking() on q.ProjectId equals p.Id
            where q.AnsweredAt == null && organisations.Contains(p.LeadOrganisationId)
            select new { q.Id, q.ProjectId, q.Text, q.AskedAt, p.Title };
        var count = await query.CountAsync(ct);
        var items = take == 0 ? [] : await query.OrderBy(q => q.AskedAt).Take(take).ToListAsync(ct);
        return count == 0 ? null : new WorkbenchSection("applications", WorkbenchStrings.Section_Questions, count, [.. items.Select(q =>
            new WorkbenchItem(q.Title, Excerpt(q.Text), $"applications/{q.ProjectId}/questions"))], "applications");
    }

    /// <summary>The first words of a long text, for one line of a list.</summary>
    private static string Excerpt(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
