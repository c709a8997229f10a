using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

public sealed record RoundSettings(string? Title, int ExpertsPerProject, DateOnly Deadline, bool ShowPeerScores, CategoryWeights? Weights = null, Rubric? Rubric = null);

/// <summary>
/// The secretariat's side of an evaluation round: create it for a call, assign experts (solver,
/// pins, forbids, hand edits), open it for scoring, and complete it.
/// </summary>
public sealed class RoundService(
    FinPilotDbContext db, CurrentUser current, AuditLog audit, Notifier notifier, ConflictFinder conflicts, RoundReader reader,
    WorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task<Result<EvaluationRound>> CreateAsync(Guid callId, RoundSettings settings, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!(await current.GrantsAsync(cancellationToken)).CanManageRoundsIn(call.RegionId))
        {
            return Problems.Forbidden;
        }

        var errors = Validate(settings).ToList();
        if (errors.Count > 0)
        {
            return Result<EvaluationRound>.Fail([.. errors]);
        }

        // A project is evaluated in one open round at a time.
        var busy = db.RoundProjects.Where(rp => db.EvaluationRounds.Any(r => r.Id == rp.RoundId && r.Status != RoundStatus.Completed)).Select(rp => rp.ProjectId);
        var projects = await db.Projects.Where(p => p.CallId == callId && p.Stage == ProjectStage.Evaluation && !busy.Contains(p.Id))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return new Error(RoundErrors.NoProjectsInEvaluation, "CallId");
        }

        var now = clock.GetUtcNow();
        var round = new EvaluationRound
        {
            Id = Guid.CreateVersion7(now),
            CallId = callId,
            RegionId = call.RegionId,
            Title = Text.Clean(settings.Title) ?? call.Title,
            ExpertsPerProject = settings.ExpertsPerProject,
            Deadline = settings.Deadline,
            ShowPeerScores = settings.ShowPeerScores,
            Rubric = settings.Rubric ?? Rubric.Default,
            Weights = settings.Weights ?? CategoryWeights.Default,
            CreatedAt = now,
            CreatedBy = current.Id!,
            Version = Guid.NewGuid(),
        };
        db.EvaluationRounds.Add(round);
        db.RoundProjects.AddRange(projects.Select(p => new RoundProject { RoundId = round.Id, ProjectId = p }));
        audit.Record(AuditActions.RoundCreated, "evaluation-round", round.Id.ToString(), new { callId, projects = projects.Count, settings.ExpertsPerProject, settings.Deadline }, round.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    /// <summary>The default deadline for a new round: ten working days from today.</summary>
    public async Task<DateOnly> DefaultDeadlineAsync(CancellationToken cancellationToken = default) =>
        (await calendars.GetAsync(cancellationToken)).AddWorkingDays(ChinaTime.DateOf(clock.GetUtcNow()), EvaluationRound.DefaultScoringWorkingDays);

    public Task<Result> UpdateSettingsAsync(Guid roundId, RoundSettings settings, Guid expected, CancellationToken cancellationToken = default) =>
        ManageAsync(roundId, expected, RoundStatus.Preparing, round =>
        {
            var errors = Validate(settings).ToList();
            if (errors.Count > 0)
            {
                return Result.Fail(errors);
            }

            round.Title = Text.Clean(settings.Title) ?? round.Title;
            round.ExpertsPerProject = settings.ExpertsPerProject;
            round.Deadline = settings.Deadline;
            round.ShowPeerScores = settings.ShowPeerScores;
            round.Weights = settings.Weights ?? round.Weights;
            round.Rubric = settings.Rubric ?? round.Rubric;
            audit.Record(AuditActions.RoundUpdated, "evaluation-round", round.Id.ToString(), settings, round.RegionId);
            return Result.Ok();
        }, cancellationToken);

    /// <summary>
    /// Solves the whole round at once and replaces the assignment with the solver's answer. When
    /// the round cannot be assigned, nothing changes and the report says why.
    /// </summary>
    public async Task<Result<SolveReport>> SolveAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundStatus.Preparing, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var problem = await reader.ProblemAsync(round!, cancellationToken);
        var solution = ExpertAssignmentSolver.Solve(problem);
        var now = clock.GetUtcNow();
        var report = new SolveReport(now, solution.Feasible, solution.Objective, solution.Bound, solution.CandidatePairs, solution.Exhaustive,
            solution.Elapsed.TotalMilliseconds, solution.Problems.Select(SolveProblem.From).ToList());
        round!.LastSolve = report;
        round.Version = Guid.NewGuid();
        if (solution.Feasible)
        {
            var existing = await db.ExpertAssignments.Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
            db.ExpertAssignments.RemoveRange(existing);
            db.ExpertAssignments.AddRange(solution.Pairs.Select(p => new ExpertAssignment
            {
                Id = Guid.CreateVersion7(now),
                RoundId = roundId,
                ProjectId = p.ProjectId,
                ExpertUserId = p.ExpertId,
                Source = AssignmentSource.Solver,
                AssignedAt = now,
                AssignedBy = current.Id!,
                Version = Guid.NewGuid(),
            }));
        }

        audit.Record(AuditActions.AssignmentSolved, "evaluation-round", roundId.ToString(), new
        {
            solution.Feasible,
            pairs = solution.Pairs.Select(p => $"{p.ProjectId}:{p.ExpertId}"),
            solution.Objective,
            solution.Bound,
            problems = report.Problems.Select(p => p.Code),
        }, round.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Pins (always assign) or forbids (never assign) one pair for the next solve; null clears the rule.</summary>
    public async Task<Result> SetRuleAsync(Guid roundId, Guid projectId, string expertId, PairRuleKind? kind, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundStatus.Preparing, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var pairError = await CheckPairAsync(round!, projectId, expertId, kind == PairRuleKind.Pin, cancellationToken);
        if (pairError is not null)
        {
            return pairError;
        }

        var rule = await db.PairRules.SingleOrDefaultAsync(r => r.RoundId == roundId && r.ProjectId == projectId && r.ExpertUserId == expertId, cancellationToken);
        if (rule is not null)
        {
            db.PairRules.Remove(rule);
        }

        if (kind is { } k)
        {
            db.PairRules.Add(new PairRule { RoundId = roundId, ProjectId = projectId, ExpertUserId = expertId, Kind = k });
        }

        audit.Record(AuditActions.AssignmentRuleSet, "evaluation-round", roundId.ToString(), new { projectId, expertId, kind }, round!.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Adds one expert to one project by hand, with the solver's constraints checked: no conflict, not forbidden, within load.</summary>
    public async Task<Result> AddAsync(Guid roundId, Guid projectId, string expertId, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, null, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (round!.Status == RoundStatus.Completed)
        {
            return new Error(RoundErrors.NotPreparing);
        }

        var pairError = await CheckPairAsync(round, projectId, expertId, true, cancellationToken);
        if (pairError is not null)
        {
            return pairError;
        }

        if (await db.ExpertAssignments.AnyAsync(a => a.RoundId == roundId && a.ProjectId == projectId && a.ExpertUserId == expertId, cancellationToken))
        {
            return new Error(RoundErrors.AlreadyAssigned, "ExpertId");
        }

        var load = await db.ExpertProfiles.Where(p => p.UserId == expertId).Select(p => p.Available ? p.MaxLoad : 0).SingleOrDefaultAsync(cancellationToken);
        var carried = await db.ExpertAssignments.CountAsync(a => a.RoundId == roundId && a.ExpertUserId == expertId && a.ConflictDeclaredAt == null, cancellationToken);
        if (carried >= load)
        {
            return new Error(RoundErrors.ExpertOverLoad, "ExpertId", carried, load);
        }

        var now = clock.GetUtcNow();
        db.ExpertAssignments.Add(new ExpertAssignment
        {
            Id = Guid.CreateVersion7(now),
            RoundId = roundId,
            ProjectId = projectId,
            ExpertUserId = expertId,
            Source = AssignmentSource.Manual,
            AssignedAt = now,
            AssignedBy = current.Id!,
            Version = Guid.NewGuid(),
        });
        if (round.Status == RoundStatus.Scoring)
        {
            NotifyAssigned([expertId], round);
        }

        audit.Record(AuditActions.AssignmentAdded, "evaluation-round", roundId.ToString(), new { projectId, expertId }, round.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Takes an expert off a project; once scoring has begun only an expert who has not started (or is conflicted) may be taken off.</summary>
    public async Task<Result> RemoveAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        var (round, error) = await LoadManagedAsync(assignment.RoundId, null, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var removable = round!.Status == RoundStatus.Preparing
            || (round.Status == RoundStatus.Scoring && assignment.State is AssignmentState.AwaitingDeclaration or AssignmentState.Conflicted);
        if (!removable)
        {
            return new Error(RoundErrors.NotPreparing);
        }

        db.ExpertAssignments.Remove(assignment);
        audit.Record(AuditActions.AssignmentRemoved, "evaluation-round", round.Id.ToString(), new { assignment.ProjectId, assignment.ExpertUserId, state = assignment.State }, round.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Opens the round for scoring once the assignment meets every rule; the experts are told.</summary>
    public async Task<Result> OpenAsync(Guid roundId, Guid expected, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundStatus.Preparing, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (round!.Version != expected)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }

        var problem = await reader.ProblemAsync(round, cancellationToken);
        var pairs = await db.ExpertAssignments.Where(a => a.RoundId == roundId).Select(a => new ExpertPair(a.ProjectId, a.ExpertUserId)).ToListAsync(cancellationToken);
        var broken = AssignmentRules.Check(problem, pairs);
        if (broken.Count > 0)
        {
            return Result.Fail(broken.Select(e => new Error(RoundErrors.AssignmentIncomplete, "Assignment", SolveProblem.From(e).Describe())));
        }

        round.Status = RoundStatus.Scoring;
        round.OpenedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        NotifyAssigned(pairs.Select(p => p.ExpertId).Distinct(), round);
        audit.Record(AuditActions.RoundOpened, "evaluation-round", roundId.ToString(), new { assignments = pairs.Count }, round.RegionId);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Completes the round: every remaining expert has submitted and every flagged disagreement has
    /// a recorded consensus; the projects move on to the coordination group's deliberation.
    /// </summary>
    public async Task<Result> CompleteAsync(Guid roundId, Guid expected, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundStatus.Scoring, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (round!.Version != expected)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }

        var outstanding = await db.ExpertAssignments.CountAsync(a => a.RoundId == roundId && a.ConflictDeclaredAt == null && a.SubmittedAt == null, cancellationToken);
        if (outstanding > 0)
        {
            return new Error(RoundErrors.ScoresOutstanding, null, outstanding);
        }

        var summary = await reader.SummaryAsync(round, cancellationToken);
        var missing = summary.Projects.Where(p => p.Aggregate.Flags.Count > 0 && p.Consensus is null).Select(p => p.Title).ToList();
        if (missing.Count > 0)
        {
            return new Error(RoundErrors.ConsensusOutstanding, null, string.Join("、", missing));
        }

        var grants = await current.GrantsAsync(cancellationToken);
        var ids = summary.Projects.Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var project in projects.Where(p => p.Stage == ProjectStage.Evaluation))
        {
            if (!ProjectPolicy.MayPull(project, ProjectTrigger.CompleteEvaluation, grants, null))
            {
                return Problems.Forbidden;
            }

            var moved = project.CompleteEvaluation(now, current.Id!, round.Title);
            if (!moved.Succeeded)
            {
                return moved;
            }
        }

        round.Status = RoundStatus.Completed;
        round.CompletedAt = now;
        round.Version = Guid.NewGuid();
        audit.Record(AuditActions.RoundCompleted, "evaluation-round", roundId.ToString(), new
        {
            ranking = summary.Projects.Select(p => new { p.ProjectId, p.Aggregate.WeightedTotal, p.Aggregate.CalibratedTotal }),
        }, round.RegionId);
        return await SaveAsync(cancellationToken);
    }

    public async Task<Result> RecordConsensusAsync(Guid roundId, Guid projectId, string outcome, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundStatus.Scoring, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (!await db.RoundProjects.AnyAsync(rp => rp.RoundId == roundId && rp.ProjectId == projectId, cancellationToken))
        {
            return new Error(RoundErrors.ProjectNotInRound, "ProjectId");
        }

        var errors = Text.Required(outcome, "Outcome", ConsensusRecord.MaxOutcomeLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        var record = await db.ConsensusRecords.SingleOrDefaultAsync(c => c.RoundId == roundId && c.ProjectId == projectId, cancellationToken);
        if (record is null)
        {
            record = new ConsensusRecord { RoundId = roundId, ProjectId = projectId };
            db.ConsensusRecords.Add(record);
        }

        record.Outcome = outcome.Trim();
        record.RecordedAt = clock.GetUtcNow();
        record.RecordedBy = current.Id!;
        audit.Record(AuditActions.ConsensusRecorded, "evaluation-round", roundId.ToString(), new { projectId, outcome = record.Outcome }, round!.RegionId);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private IEnumerable<Error> Validate(RoundSettings settings)
    {
        if (settings.Deadline <= ChinaTime.DateOf(clock.GetUtcNow()))
        {
            yield return new Error(RoundErrors.DeadlineInPast, "Deadline");
        }

        foreach (var error in Text.Optional(settings.Title, "Title", EvaluationRound.MaxTitleLength))
        {
            yield return error;
        }

        if (settings.ExpertsPerProject is < EvaluationRound.MinExpertsPerProject or > EvaluationRound.MaxExpertsPerProject)
        {
            yield return new Error(RoundErrors.ExpertsPerProjectOutOfRange, "ExpertsPerProject", EvaluationRound.MinExpertsPerProject, EvaluationRound.MaxExpertsPerProject);
        }

        foreach (var error in settings.Weights?.Validate() ?? [])
        {
            yield return error;
        }

        foreach (var error in settings.Rubric?.Validate() ?? [])
        {
            yield return error;
        }
    }

    private async Task<Error?> CheckPairAsync(EvaluationRound round, Guid projectId, string expertId, bool mustBeFree, CancellationToken cancellationToken)
    {
        if (!await db.RoundProjects.AnyAsync(rp => rp.RoundId == round.Id && rp.ProjectId == projectId, cancellationToken))
        {
            return new Error(RoundErrors.ProjectNotInRound, "ProjectId");
        }

        if (!await db.RoleAssignments.AnyAsync(a => a.UserId == expertId && a.Role == Role.Expert, cancellationToken))
        {
            return new Error(RoundErrors.NotAnExpertInput, "ExpertId");
        }

        if (!mustBeFree)
        {
            return null;
        }

        if ((await conflicts.FindAsync(expertId, projectId, cancellationToken)).Count > 0)
        {
            return new Error(RoundErrors.ExpertConflictedInput, "ExpertId");
        }

        return await db.PairRules.AnyAsync(r => r.RoundId == round.Id && r.ProjectId == projectId && r.ExpertUserId == expertId && r.Kind == PairRuleKind.Forbid, cancellationToken)
            ? new Error(RoundErrors.PairForbidden, "ExpertId")
            : null;
    }

    private void NotifyAssigned(IEnumerable<string> experts, EvaluationRound round) =>
        notifier.Enqueue(experts, NotificationKind.ExpertAssigned, "/evaluation/assignments", new Dictionary<string, string>
        {
            [NotificationValues.Title] = round.Title,
            [NotificationValues.Due] = round.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

    private async Task<(EvaluationRound? Round, Error? Error)> LoadManagedAsync(Guid roundId, RoundStatus? status, CancellationToken cancellationToken)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return (null, new Error(RoundErrors.NotFound));
        }

        if (!(await current.GrantsAsync(cancellationToken)).CanManageRoundsIn(round.RegionId))
        {
            return (null, Problems.Forbidden);
        }

        if (status is { } expected && round.Status != expected)
        {
            return (null, new Error(expected == RoundStatus.Preparing ? RoundErrors.NotPreparing : RoundErrors.NotScoring));
        }

        return (round, null);
    }

    private async Task<Result> ManageAsync(Guid roundId, Guid expected, RoundStatus status, Func<EvaluationRound, Result> change, CancellationToken cancellationToken)
    {
        var (round, error) = await LoadManagedAsync(roundId, status, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (round!.Version != expected)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }

        var result = change(round);
        if (!result.Succeeded)
        {
            return result;
        }

        round.Version = Guid.NewGuid();
        return await SaveAsync(cancellationToken);
    }

    private async Task<Result> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }
    }
}
