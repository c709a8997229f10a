using FinPilot.Domain.Applications;
using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

public sealed record RoundProjectRow(PilotProject Project, string LeadName, ApplicationForm Form);

public sealed record ExpertInfo(string UserId, string Name, ExpertProfile? Profile)
{
    public IReadOnlyList<ExpertDomain> Domains => Profile?.Domains ?? [];
}

public sealed record RoundView(
    EvaluationRound Round, string CallTitle, IReadOnlyList<RoundProjectRow> Projects, IReadOnlyList<ExpertAssignment> Assignments,
    IReadOnlyDictionary<string, ExpertInfo> Experts, IReadOnlyList<PairRule> Rules, IReadOnlyDictionary<ExpertPair, IReadOnlyList<Conflict>> Conflicts,
    RoundDeadline Deadline);

/// <summary>The deadline as it stands: the set day moved by pauses, or paused while a pausing question waits.</summary>
public sealed record RoundDeadline(DateOnly Effective, bool Paused);

public sealed record ProjectSummary(Guid ProjectId, string Title, ProjectCategory Category, ProjectAggregate Aggregate, int Rank, ConsensusRecord? Consensus);

public sealed record RoundSummary(EvaluationRound Round, IReadOnlyList<ProjectSummary> Projects, IReadOnlyList<ExpertLeniency> Experts, IReadOnlyDictionary<string, string> ExpertNames);

public sealed record SheetRow(ExpertAssignment Assignment, string ExpertName, IReadOnlyList<ExpertDomain> Domains);

public sealed record ProjectReport(
    EvaluationRound Round, RoundProjectRow Project, ProjectSummary? Summary, IReadOnlyList<SheetRow> Sheets, IReadOnlyList<string> Dissenters,
    IReadOnlyList<EvaluationQuestion> Questions);

public sealed record RoundRow(EvaluationRound Round, string CallTitle, int Projects, int Assignments, int Submitted);

/// <summary>Reads rounds for the pages, the API, the solver and the reports.</summary>
public sealed class RoundReader(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ConflictFinder conflicts, WorkingCalendarProvider calendars)
{
    /// <summary>One page of the rounds the user may read, newest first: filtered by region and paged in SQL, counted per page.</summary>
    public async Task<Page<RoundRow>> ListAsync(int? pageNumber = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        var readable = regions.Where(r => grants.CanReadEvaluationResultsIn(r)).ToList();
        var query = db.EvaluationRounds.AsNoTracking().Where(r => readable.Contains(r.RegionId));
        var (number, size) = Page<RoundRow>.Normalise(pageNumber, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rounds = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var callIds = rounds.Select(r => r.CallId).ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var projects = await db.RoundProjects.AsNoTracking().Where(rp => ids.Contains(rp.RoundId)).GroupBy(rp => rp.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking().Where(a => ids.Contains(a.RoundId) && a.ConflictDeclaredAt == null)
            .GroupBy(a => a.RoundId).Select(g => new { g.Key, Count = g.Count(), Submitted = g.Count(a => a.SubmittedAt != null) })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var rows = rounds.Select(r => new RoundRow(
            r, calls.GetValueOrDefault(r.CallId) ?? string.Empty, projects.GetValueOrDefault(r.Id),
            assignments.GetValueOrDefault(r.Id)?.Count ?? 0, assignments.GetValueOrDefault(r.Id)?.Submitted ?? 0)).ToList();
        return new Page<RoundRow>(rows, number, size, total);
    }

    public async Task<Result<RoundView>> ViewAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!await commands.AllowsAsync(round, RoundOperations.Read))
        {
            return Problems.Forbidden;
        }

        var projects = await ProjectsAsync(roundId, cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking().Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        var experts = await ExpertsAsync(null, cancellationToken);
        var rules = await db.PairRules.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync(cancellationToken);
        var found = await conflicts.FindAsync(experts.Keys.ToList(), projects.Select(p => p.Project.Id).ToList(), RoundPeriod.Of(round), cancellationToken);
        var callTitle = await db.Calls.AsNoTracking().Where(c => c.Id == round.CallId).Select(c => c.Title).SingleAsync(cancellationToken);
        return new RoundView(round, callTitle, projects, assignments, experts, rules, found, await DeadlineAsync(round, cancellationToken));
    }

    public async Task<RoundDeadline> DeadlineAsync(EvaluationRound round, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var effective = round.PausedWorkingDays > 0 ? calendar.AddWorkingDays(round.Deadline, round.PausedWorkingDays) : round.Deadline;
        var paused = await db.EvaluationQuestions.AnyAsync(q => q.RoundId == round.Id && q.PausesDeadline && q.AnsweredAt == null, cancellationToken);
        return new RoundDeadline(effective, paused);
    }

    /// <summary>The round as the solver sees it: projects, the pool, conflicts, pins and forbidden pairs.</summary>
    public async Task<AssignmentProblem> ProblemAsync(EvaluationRound round, CancellationToken cancellationToken = default)
    {
        var projects = await ProjectsAsync(round.Id, cancellationToken);
        var experts = (await ExpertsAsync(null, cancellationToken)).Values.Where(e => e.Profile is not null).ToList();
        var found = await conflicts.FindAsync(experts.Select(e => e.UserId).ToList(), projects.Select(p => p.Project.Id).ToList(), RoundPeriod.Of(round), cancellationToken);
        var rules = await db.PairRules.AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync(cancellationToken);

        // Experts who declared a conflict on an assignment in this round are conflicted for that project too (the finder counts every round).
        return new AssignmentProblem(
            projects.Select(p => new AssignmentProject(
                p.Project.Id, p.Project.Title, p.Project.RegionId, p.Project.Category, p.Form.Scenarios, p.Form.Technologies,
                string.Join('\n', p.Project.Title, p.Form.Summary, p.Form.Innovation, p.Form.Problem))).ToList(),
            experts.Select(e => new AssignmentExpert(
                e.UserId, e.Name, e.Profile!.Domains, e.Profile.RegionIds, e.Profile.Tags, e.Profile.Categories, e.Profile.Profile, e.Profile.EffectiveLoad)).ToList(),
            round.ExpertsPerProject,
            found.Keys.ToHashSet(),
            rules.Where(r => r.Kind == PairRuleKind.Pin).Select(r => new ExpertPair(r.ProjectId, r.ExpertUserId)).ToHashSet(),
            rules.Where(r => r.Kind == PairRuleKind.Forbid).Select(r => new ExpertPair(r.ProjectId, r.ExpertUserId)).ToHashSet());
    }

    public async Task<Result<RoundSummary>> SummaryAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!await commands.AllowsAsync(round, RoundOperations.Read))
        {
            return Problems.Forbidden;
        }

        return await SummaryAsync(round, cancellationToken);
    }

    /// <summary>Aggregates the submitted sheets; projects are ranked within their category by the calibrated total.</summary>
    public async Task<RoundSummary> SummaryAsync(EvaluationRound round, CancellationToken cancellationToken = default)
    {
        var projects = await ProjectsAsync(round.Id, cancellationToken);
        var submitted = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.RoundId == round.Id && a.SubmittedAt != null && a.ConflictDeclaredAt == null).ToListAsync(cancellationToken);
        var sheets = submitted.Select(a => (a, sheet: a.Sheet)).Where(x => x.sheet.IsComplete())
            .Select(x => new SubmittedSheet(x.a.ProjectId, x.a.ExpertUserId, x.sheet.ScoreMap(), x.sheet.Recommendation!.Value)).ToList();
        var categories = projects.ToDictionary(p => p.Project.Id, p => p.Project.Category);
        var aggregate = ScoreAggregation.Compute(sheets, id => categories[id], round.Weights, round.Rubric);
        var consensus = await db.ConsensusRecords.AsNoTracking().Where(c => c.RoundId == round.Id).ToDictionaryAsync(c => c.ProjectId, cancellationToken);
        var byProject = aggregate.Projects.ToDictionary(p => p.ProjectId);
        var rows = projects.Where(p => byProject.ContainsKey(p.Project.Id))
            .GroupBy(p => p.Project.Category)
            .SelectMany(g => g.OrderByDescending(p => byProject[p.Project.Id].CalibratedTotal).ThenBy(p => p.Project.Title, StringComparer.Ordinal)
                .Select((p, i) => new ProjectSummary(p.Project.Id, p.Project.Title, p.Project.Category, byProject[p.Project.Id], i + 1, consensus.GetValueOrDefault(p.Project.Id))))
            .OrderBy(p => p.Category).ThenBy(p => p.Rank).ToList();
        var names = await db.Users.AsNoTracking().Where(u => submitted.Select(a => a.ExpertUserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new RoundSummary(round, rows, aggregate.Experts, names);
    }

    /// <summary>评估报告: what the coordination group reads about one project — scores, comments, recommendations and dissent.</summary>
    public async Task<Result<ProjectReport>> ReportAsync(Guid roundId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var summary = await SummaryAsync(roundId, cancellationToken);
        if (!summary.Succeeded)
        {
            return Result<ProjectReport>.Fail([.. summary.Errors]);
        }

        var project = (await ProjectsAsync(roundId, cancellationToken)).SingleOrDefault(p => p.Project.Id == projectId);
        if (project is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        var experts = await ExpertsAsync(null, cancellationToken);
        var sheets = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.RoundId == roundId && a.ProjectId == projectId && a.SubmittedAt != null && a.ConflictDeclaredAt == null)
            .OrderBy(a => a.SubmittedAt).ToListAsync(cancellationToken);
        var rows = sheets.Select(a => new SheetRow(a, experts.GetValueOrDefault(a.ExpertUserId)?.Name ?? a.ExpertUserId, experts.GetValueOrDefault(a.ExpertUserId)?.Domains ?? [])).ToList();
        var majority = rows.GroupBy(r => Recommends(r.Assignment.Sheet.Recommendation)).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var dissenters = rows.Where(r => Recommends(r.Assignment.Sheet.Recommendation) != majority).Select(r => r.ExpertName).ToList();
        var questions = await db.EvaluationQuestions.AsNoTracking().Where(q => q.RoundId == roundId && q.ProjectId == projectId).OrderBy(q => q.AskedAt).ToListAsync(cancellationToken);
        return new ProjectReport(summary.Value.Round, project, summary.Value.Projects.SingleOrDefault(p => p.ProjectId == projectId), rows, dissenters, questions);

        static bool Recommends(Recommendation? r) => r is Recommendation.Recommend or Recommendation.RecommendWithConditions;
    }

    public async Task<IReadOnlyList<RoundProjectRow>> ProjectsAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from rp in db.RoundProjects.AsNoTracking()
            where rp.RoundId == roundId
            join p in db.Projects.AsNoTracking() on rp.ProjectId equals p.Id
            join o in db.Organisations.AsNoTracking() on p.LeadOrganisationId equals o.Id
            select new { p, o.NameZh, o.NameEn }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.p.Id).ToList();
        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => ids.Contains(v.ProjectId)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.p.Title, StringComparer.Ordinal).Select(r => new RoundProjectRow(
            r.p, FinPilot.Web.Components.Shared.Names.Of(r.NameZh, r.NameEn),
            versions.SingleOrDefault(v => v.ProjectId == r.p.Id && v.Number == (r.p.SubmittedApplicationVersion ?? r.p.ApplicationVersion))?.Form ?? new ApplicationForm())).ToList();
    }

    /// <summary>Everyone holding the Expert role, with their profile when the secretariat has written one.</summary>
    public async Task<IReadOnlyDictionary<string, ExpertInfo>> ExpertsAsync(IReadOnlyCollection<string>? only, CancellationToken cancellationToken = default)
    {
        var ids = db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.Expert).Select(a => a.UserId);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.Disabled && (only == null || only.Contains(u.Id)))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var userIds = users.Select(u => u.Id).ToList();
        var profiles = await db.ExpertProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        return users.OrderBy(u => u.DisplayName, StringComparer.Ordinal)
            .ToDictionary(u => u.Id, u => new ExpertInfo(u.Id, u.DisplayName, profiles.GetValueOrDefault(u.Id)));
    }
}
