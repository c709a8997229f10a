using System.Text.Json;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Search;

/// <summary>
/// What a project's search row tells beside the project itself: the summary of its last submitted
/// application (a draft never submitted is not indexed beyond its title: staff do not read drafts), its
/// lead organisation's names, and when its application was last saved or submitted.
/// </summary>
public sealed record ProjectFacts(string? Summary, string? OrganisationZh, string? OrganisationEn, DateTimeOffset? LastSavedAt)
{
    public static readonly ProjectFacts None = new(null, null, null, null);

    /// <summary>
    /// The facts of these projects, as stored and as changed in this unit of work (the tracked
    /// application versions and organisations win over the stored ones); one query per source.
    /// </summary>
    public static async Task<Dictionary<Guid, ProjectFacts>> OfAsync(FinPilotDbContext db, IReadOnlyList<PilotProject> projects, CancellationToken ct)
    {
        if (projects.Count == 0)
        {
            return [];
        }

        var ids = projects.Select(p => p.Id).ToHashSet();
        var versions = (await db.ApplicationVersions.AsNoTracking().Where(v => ids.Contains(v.ProjectId))
                .Select(v => new Version(v.ProjectId, v.Number, v.FormJson, v.SavedAt, v.SubmittedAt)).ToListAsync(ct))
            .ToDictionary(v => (v.ProjectId, v.Number));
        foreach (var entry in db.ChangeTracker.Entries<ApplicationVersionRecord>().Where(e => ids.Contains(e.Entity.ProjectId)))
        {
            var v = entry.Entity;
            if (entry.State == EntityState.Deleted)
            {
                versions.Remove((v.ProjectId, v.Number));
            }
            else
            {
                versions[(v.ProjectId, v.Number)] = new Version(v.ProjectId, v.Number, v.FormJson, v.SavedAt, v.SubmittedAt);
            }
        }

        var organisationIds = projects.Select(p => p.LeadOrganisationId).ToHashSet();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.NameZh, o.NameEn }).ToDictionaryAsync(o => o.Id, o => ((string?)o.NameZh, (string?)o.NameEn), ct);
        foreach (var entry in db.ChangeTracker.Entries<Organisation>().Where(e => e.State != EntityState.Deleted && organisationIds.Contains(e.Entity.Id)))
        {
            names[entry.Entity.Id] = (entry.Entity.NameZh, entry.Entity.NameEn);
        }

        var byProject = versions.Values.ToLookup(v => v.ProjectId);
        return projects.ToDictionary(p => p.Id, p =>
        {
            var own = byProject[p.Id].ToList();
            var submitted = p.SubmittedApplicationVersion is { } number ? own.FirstOrDefault(v => v.Number == number) : null;
            var (zh, en) = names.GetValueOrDefault(p.LeadOrganisationId);
            DateTimeOffset? saved = own.Count == 0 ? null : own.Max(v => v.SubmittedAt is { } at && at > v.SavedAt ? at : v.SavedAt);
            return new ProjectFacts(submitted is null ? null : SummaryOf(submitted.FormJson), zh, string.IsNullOrWhiteSpace(en) ? null : en, saved);
        });
    }

    private static string? SummaryOf(string formJson)
    {
        try
        {
            using var form = JsonDocument.Parse(formJson);
            return form.RootElement.ValueKind == JsonValueKind.Object
                && form.RootElement.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String
                ? summary.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Version(Guid ProjectId, int Number, string FormJson, DateTimeOffset SavedAt, DateTimeOffset? SubmittedAt);
}
