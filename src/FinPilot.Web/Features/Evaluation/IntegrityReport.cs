using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>A standing declaration; once ended, <paramref name="StillCountsIn"/> names the rounds it still recuses the expert in (opened before it ended).</summary>
public sealed record DeclaredConflictRow(
    string ExpertName, ConflictDeclarationKind Kind, string? OrganisationName, string Text, DateTimeOffset DeclaredAt, DateTimeOffset? EndedAt, IReadOnlyList<string> StillCountsIn)
{
    public bool Current => EndedAt is null;
}

public sealed record AssignmentConflictRow(string ExpertName, string ProjectTitle, string RoundTitle, string? Note, DateTimeOffset At);

public sealed record FoundConflictRow(string RoundTitle, string ExpertName, string ProjectTitle, IReadOnlyList<ConflictReason> Reasons);

public sealed record ReopenedRow(string RoundTitle, string ExpertName, string ProjectTitle, int Count, string? Reason);

public sealed record DeviationRow(string RoundTitle, string ExpertName, int Sheets, double Bias);

public sealed record IntegrityView(
    IReadOnlyList<DeclaredConflictRow> Declared, IReadOnlyList<AssignmentConflictRow> DeclaredOnAssignments, IReadOnlyList<FoundConflictRow> Found,
    IReadOnlyList<ReopenedRow> Reopened, IReadOnlyList<DeviationRow> Deviations);

/// <summary>
/// 廉政监督: what the integrity officer reads about evaluation — conflicts declared and found, sheets
/// reopened, and experts whose scores sit far from their peers'. Reading it is itself audited.
/// </summary>
public sealed class IntegrityReport(FinPilotDbContext db, CurrentUser current, RoundReader reader, ConflictFinder conflicts, AuditLog audit)
{
    public async Task<Result<IntegrityView>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!(await current.GrantsAsync(cancellationToken)).CanReadIntegrityReport())
        {
            return Problems.Forbidden;
        }

        var rounds = await db.EvaluationRounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(cancellationToken);
        var declarations = await db.ConflictDeclarations.AsNoTracking().OrderByDescending(d => d.DeclaredAt).Take(500).ToListAsync(cancellationToken);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var assignments = await db.ExpertAssignments.AsNoTracking().Where(a => roundIds.Contains(a.RoundId)).ToListAsync(cancellationToken);
        var experts = (await reader.ExpertsAsync(null, cancellationToken)).Keys.ToList();

        // Names of only the people and organisations the report shows, not of every account and institution.
        var userIds = declarations.Select(d => d.ExpertUserId).Concat(assignments.Select(a => a.ExpertUserId)).Concat(experts).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = declarations.Select(d => d.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => FinPilot.Web.Components.Shared.Names.Of(o.NameZh, o.NameEn), cancellationToken);
        var declared = declarations
            .Select(d => new DeclaredConflictRow(
                Name(d.ExpertUserId), d.Kind, d.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, d.Text, d.DeclaredAt, d.EndedAt,
                d.IsCurrent ? [] : [.. rounds.Where(r => d.CountsFor(RoundPeriod.Of(r))).Select(r => r.Title)]))
            .ToList();

        var roundTitles = rounds.ToDictionary(r => r.Id, r => r.Title);
        var projectIds = assignments.Select(a => a.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);

        var onAssignments = assignments.Where(a => a.ConflictDeclaredAt is not null).OrderByDescending(a => a.ConflictDeclaredAt)
            .Select(a => new AssignmentConflictRow(Name(a.ExpertUserId), titles.GetValueOrDefault(a.ProjectId) ?? string.Empty, roundTitles[a.RoundId], a.ConflictNote, a.ConflictDeclaredAt!.Value))
            .ToList();
        var reopened = assignments.Where(a => a.ReopenCount > 0)
            .Select(a => new ReopenedRow(roundTitles[a.RoundId], Name(a.ExpertUserId), titles.GetValueOrDefault(a.ProjectId) ?? string.Empty, a.ReopenCount, a.LastReopenReason))
            .ToList();

        // Conflicts the rules find between the pool and each round's projects: the pairs the solver was kept from.
        var found = new List<FoundConflictRow>();
        var deviations = new List<DeviationRow>();
        foreach (var round in rounds)
        {
            var projects = await db.RoundProjects.AsNoTracking().Where(rp => rp.RoundId == round.Id).Select(rp => rp.ProjectId).ToListAsync(cancellationToken);
            var projectTitles = await db.Projects.AsNoTracking().Where(p => projects.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
            foreach (var (pair, reasons) in await conflicts.FindAsync(experts, projects, RoundPeriod.Of(round), cancellationToken))
            {
                found.Add(new FoundConflictRow(round.Title, Name(pair.ExpertId), projectTitles.GetValueOrDefault(pair.ProjectId) ?? string.Empty, reasons.Select(r => r.Reason).ToList()));
            }

            if (round.Status != RoundStatus.Preparing)
            {
                var summary = await reader.SummaryAsync(round, cancellationToken);
                deviations.AddRange(summary.Experts.Where(e => e.Deviates).Select(e => new DeviationRow(round.Title, Name(e.ExpertId), e.SheetCount, e.Bias)));
            }
        }

        await audit.WriteAsync(AuditLines.Integrity(AuditActions.IntegrityReportRead), cancellationToken);
        return new IntegrityView(declared, onAssignments, found, reopened, deviations);

        string Name(string id) => names.GetValueOrDefault(id) ?? id;
    }
}
