using FinPilot.Domain.Calendar;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>How many years a former employment with a party still counts as a conflict.</summary>
    public int ConflictLookbackYears { get; set; } = ConflictRules.DefaultLookbackYears;
}

/// <summary>
/// Gathers what the conflict rules need from the records (employers, employment history,
/// organisation memberships, declarations, projects' lead and partners) and asks them.
/// </summary>
public sealed class ConflictFinder(FinPilotDbContext db, EvaluationOptions options, TimeProvider clock)
{
    /// <summary>The conflicts that hold now: standing declarations count while current.</summary>
    public Task<IReadOnlyDictionary<ExpertPair, IReadOnlyList<Conflict>>> FindAsync(
        IReadOnlyCollection<string> expertIds, IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default) =>
        FindAsync(expertIds, projectIds, null, cancellationToken);

    /// <summary>
    /// The conflicts for a round open during <paramref name="round"/>: beyond what holds now, a
    /// standing declaration ended since still counts there (<see cref="ConflictDeclaration.CountsFor"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<ExpertPair, IReadOnlyList<Conflict>>> FindAsync(
        IReadOnlyCollection<string> expertIds, IReadOnlyCollection<Guid> projectIds, RoundPeriod? round, CancellationToken cancellationToken = default)
    {
        var experts = await FactsAsync(expertIds, round, cancellationToken);
        var projects = await PartiesAsync(projectIds, cancellationToken);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var found = new Dictionary<ExpertPair, IReadOnlyList<Conflict>>();
        foreach (var expert in experts)
        {
            foreach (var project in projects)
            {
                var conflicts = ConflictRules.Find(expert, project, today, options.ConflictLookbackYears);
                if (conflicts.Count > 0)
                {
                    found[new ExpertPair(project.ProjectId, expert.ExpertId)] = conflicts;
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<Conflict>> FindAsync(string expertId, Guid projectId, CancellationToken cancellationToken = default) =>
        await FindAsync(expertId, projectId, null, cancellationToken);

    public async Task<IReadOnlyList<Conflict>> FindAsync(string expertId, Guid projectId, RoundPeriod? round, CancellationToken cancellationToken = default) =>
        (await FindAsync([expertId], [projectId], round, cancellationToken)).GetValueOrDefault(new ExpertPair(projectId, expertId)) ?? [];

    /// <summary>
    /// The experts that may not judge any of <paramref name="organisationIds"/> (a roadshow panel), by the
    /// standing ties only: employment, membership, declarations — not by coaching or earlier panels.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Conflict>>> FindForOrganisationsAsync(
        IReadOnlyCollection<string> expertIds, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, IReadOnlyList<Conflict>>(StringComparer.Ordinal);
        if (organisationIds.Count == 0 || expertIds.Count == 0)
        {
            return found;
        }

        var parties = new ProjectParties(Guid.Empty, organisationIds.First(), [.. organisationIds.Skip(1)]);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        foreach (var expert in await FactsAsync(expertIds, null, cancellationToken))
        {
            var conflicts = ConflictRules.Find(expert with { CoachedOrganisations = [], DeclaredProjects = [] }, parties, today, options.ConflictLookbackYears);
            if (conflicts.Count > 0)
            {
                found[expert.ExpertId] = conflicts;
            }
        }

        return found;
    }

    /// <summary>
    /// Each project's lead and partners: the partners of its application as submitted and, once it
    /// runs, those its supervision plan names now (a plan change may add one) — a partner named
    /// once stays a party, so a later removal does not free a tied expert.
    /// </summary>
    public async Task<IReadOnlyList<ProjectParties>> PartiesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LeadOrganisationId, Version = p.SubmittedApplicationVersion ?? p.ApplicationVersion })
            .ToListAsync(cancellationToken);
        var versions = await db.ApplicationVersions.AsNoTracking()
            .Where(v => projectIds.Contains(v.ProjectId)
                && db.Projects.Any(p => p.Id == v.ProjectId && (p.SubmittedApplicationVersion ?? p.ApplicationVersion) == v.Number))
            .Select(v => new { v.ProjectId, v.Form })
            .ToListAsync(cancellationToken);
        var plans = await db.SupervisionPlans.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId))
            .Select(p => new { p.ProjectId, p.Terms }).ToListAsync(cancellationToken);
        return [.. projects.Select(p => new ProjectParties(
            p.Id,
            p.LeadOrganisationId,
            [.. versions.Where(v => v.ProjectId == p.Id).SelectMany(v => v.Form.PartnerOrganisationIds ?? [])
                .Concat(plans.Where(plan => plan.ProjectId == p.Id).SelectMany(plan => plan.Terms.Parameters.PartnerOrganisationIds))
                .Where(id => id != p.LeadOrganisationId)
                .Distinct()]))];
    }

    private async Task<IReadOnlyList<ExpertConflictFacts>> FactsAsync(IReadOnlyCollection<string> expertIds, RoundPeriod? round, CancellationToken cancellationToken)
    {
        var profiles = await db.ExpertProfiles.AsNoTracking().Where(p => expertIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var memberships = await db.RoleAssignments.AsNoTracking()
            .Where(a => expertIds.Contains(a.UserId) && a.Role == Role.Applicant && a.OrganisationId != null)
            .Select(a => new { a.UserId, a.OrganisationId }).ToListAsync(cancellationToken);
        var everOpen = round?.OpenedAt is not null;
        var declared = (await db.ConflictDeclarations.AsNoTracking()
                .Where(d => expertIds.Contains(d.ExpertUserId) && (d.EndedAt == null || everOpen) && d.OrganisationId != null)
                .ToListAsync(cancellationToken))
            .Where(d => d.CountsFor(round))
            .Select(d => new { d.ExpertUserId, d.OrganisationId }).ToList();
        var declaredProjects = await db.ExpertAssignments.AsNoTracking()
            .Where(a => expertIds.Contains(a.ExpertUserId) && a.ConflictDeclaredAt != null)
            .Select(a => new { a.ExpertUserId, a.ProjectId }).ToListAsync(cancellationToken);
        var coached = await CoachedAsync(expertIds, cancellationToken);
        return expertIds.Select(id =>
        {
            var profile = profiles.GetValueOrDefault(id);
            return new ExpertConflictFacts(
                id,
                profile?.EmployerOrganisationId,
                profile?.History ?? [],
                memberships.Where(m => m.UserId == id).Select(m => m.OrganisationId!.Value).ToList(),
                declared.Where(d => d.ExpertUserId == id).Select(d => d.OrganisationId!.Value).ToList(),
                declaredProjects.Where(d => d.ExpertUserId == id).Select(d => d.ProjectId).ToList(),
                [.. coached.Where(c => c.ExpertId == id).Select(c => c.OrganisationId).Distinct()]);
        }).ToList();
    }

    /// <summary>
    /// Scenario matching's ties: the organisations an expert coached (both parties of a coached match),
    /// and those that presented with a seat at a roadshow the expert sat on the panel of.
    /// </summary>
    private async Task<List<(string ExpertId, Guid OrganisationId)>> CoachedAsync(IReadOnlyCollection<string> expertIds, CancellationToken cancellationToken)
    {
        var coaching = await db.CoachingAssignments.AsNoTracking().Where(c => expertIds.Contains(c.CoachUserId))
            .Select(c => new { c.CoachUserId, c.OrganisationId, c.PartnerOrganisationId }).ToListAsync(cancellationToken);
        var panels = await (
                from r in db.Roadshows.AsNoTracking()
                from p in r.Panel
                where expertIds.Contains(p.ExpertId)
                from g in r.Registrations
                where g.Seat == Domain.Scenarios.RoadshowSeat.Confirmed
                select new { p.ExpertId, g.OrganisationId })
            .ToListAsync(cancellationToken);
        return
        [
            .. coaching.Select(c => (c.CoachUserId, c.OrganisationId)),
            .. coaching.Where(c => c.PartnerOrganisationId != null).Select(c => (c.CoachUserId, c.PartnerOrganisationId!.Value)),
            .. panels.Select(p => (p.ExpertId, p.OrganisationId)),
        ];
    }
}
