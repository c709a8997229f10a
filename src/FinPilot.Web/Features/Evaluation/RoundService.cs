using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Assignment;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

/// <summary>A call with projects in evaluation that no open round holds yet.</summary>
public sealed record CallAwaitingRound(Guid CallId, string Title, int Projects);

/// <summary>
/// The secretariat's side of an evaluation round: create it for a call, assign experts (solver,
/// pins, forbids, hand edits), open it for scoring, and complete it.
/// </summary>
public sealed class RoundService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, Notifier notifier, ConflictFinder conflicts, RoundReader reader,
    WorkingCalendarProvider calendars, Deliberation.DeliberationNotifications deliberation, TimeProvider clock)
{
    public async Task<Result<EvaluationRound>> CreateAsync(Guid callId, RoundSettings settings, CancellationToken cancellationToken = default)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!await commands.AllowsAsync(call, RoundOperations.Create))
        {
            return Problems.Forbidden;
        }

        var now = clock.GetUtcNow();
        var created = EvaluationRound.Create(Guid.CreateVersion7(now), callId, call.RegionId, call.Title, settings, now, current.Id!);
        if (!created.Succeeded)
        {
            return created;
        }

        var projects = await AwaitingRound().Where(p => p.CallId == callId).Select(p => p.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return new Error(RoundErrors.NoProjectsInEvaluation, "CallId");
        }

        var round = created.Value;
        db.EvaluationRounds.Add(round);
        db.RoundProjects.AddRange(projects.Select(p => new RoundProject { RoundId = round.Id, ProjectId = p }));
        commands.Note(round, new RoundProjectsTaken(projects.Count));
        await commands.SaveAsync(cancellationToken);
        return round;
    }

    /// <summary>
    /// The calls a new round could be created for by the caller: projects in evaluation that no open
    /// round holds, in regions the caller's secretariat covers.
    /// </summary>
    public async Task<IReadOnlyList<CallAwaitingRound>> CallsAwaitingRoundAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var waiting = await AwaitingRound().AsNoTracking()
            .GroupBy(p => new { p.CallId, p.RegionId }).Select(g => new { g.Key.CallId, g.Key.RegionId, Count = g.Count() }).ToListAsync(cancellationToken);
        var mine = waiting.Where(w => grants.CanManageRoundsIn(w.RegionId)).ToList();
        var ids = mine.Select(w => w.CallId).ToList();
        var titles = await db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        return [.. mine.Select(w => new CallAwaitingRound(w.CallId, titles[w.CallId], w.Count))];
    }

    /// <summary>The default deadline for a new round: ten working days from today.</summary>
    public async Task<DateOnly> DefaultDeadlineAsync(CancellationToken cancellationToken = default) =>
        (await calendars.GetAsync(cancellationToken)).AddWorkingDays(ChinaTime.DateOf(clock.GetUtcNow()), EvaluationRound.DefaultScoringWorkingDays);

    public Task<Result> UpdateSettingsAsync(Guid roundId, RoundSettings settings, Guid expected, CancellationToken cancellationToken = default) =>
        ManageAsync(roundId, expected, RoundTrigger.ChangeSettings, round => round.ChangeSettings(settings, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Solves the whole round at once and replaces the assignment with the solver's answer. When
    /// the round cannot be assigned, nothing changes and the report says why.
    /// </summary>
    public async Task<Result<SolveReport>> SolveAsync(Guid roundId, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.Solve, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var problem = await reader.ProblemAsync(round!, cancellationToken);
        var solution = ExpertAssignmentSolver.Solve(problem);
        var now = clock.GetUtcNow();
        var report = new SolveReport(now, solution.Feasible, solution.Objective, solution.Bound, solution.CandidatePairs, solution.Exhaustive,
            solution.Elapsed.TotalMilliseconds, solution.Problems.Select(SolveProblem.From).ToList());
        var recorded = round!.RecordSolve(report);
        if (!recorded.Succeeded)
        {
            return Result<SolveReport>.Fail([.. recorded.Errors]);
        }

        if (solution.Feasible)
        {
            var existing = await db.ExpertAssignments.Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
            db.ExpertAssignments.RemoveRange(existing);
            foreach (var pair in solution.Pairs)
            {
                var assigned = round.Assign(Guid.CreateVersion7(now), pair.ProjectId, pair.ExpertId, AssignmentSource.Solver, now, current.Id!);
                if (!assigned.Succeeded)
                {
                    return Result<SolveReport>.Fail([.. assigned.Errors]);
                }

                db.ExpertAssignments.Add(assigned.Value);
            }
        }

        commands.Note(round, new RoundSolvedPairs([.. solution.Pairs.Select(p => $"{p.ProjectId}:{p.ExpertId}")]));
        await commands.SaveAsync(cancellationToken);
        return report;
    }

    /// <summary>Pins (always assign) or forbids (never assign) one pair for the next solve; null clears the rule.</summary>
    public async Task<Result> SetRuleAsync(Guid roundId, Guid projectId, string expertId, PairRuleKind? kind, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.SetRule, cancellationToken);
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

        await commands.SaveAsync(cancellationToken, Line(AuditActions.AssignmentRuleSet, round!, new { projectId, expertId, kind }));
        return Result.Ok();
    }

    /// <summary>Adds one expert to one project by hand, with the solver's constraints checked: no conflict, not forbidden, within load.</summary>
    public async Task<Result> AddAsync(Guid roundId, Guid projectId, string expertId, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.AddExpert, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var pairError = await CheckPairAsync(round!, projectId, expertId, true, cancellationToken);
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
        var assigned = round!.Assign(Guid.CreateVersion7(now), projectId, expertId, AssignmentSource.Manual, now, current.Id!);
        if (!assigned.Succeeded)
        {
            return Result.Fail(assigned.Errors);
        }

        db.ExpertAssignments.Add(assigned.Value);
        if (round.Status == RoundStatus.Scoring)
        {
            NotifyAssigned([expertId], round);
        }

        await commands.SaveAsync(cancellationToken);
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

        var (round, error) = await LoadManagedAsync(assignment.RoundId, RoundTrigger.RemoveExpert, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var removable = round!.CheckRemoval(assignment);
        if (!removable.Succeeded)
        {
            return removable;
        }

        db.ExpertAssignments.Remove(assignment);
        await commands.SaveAsync(cancellationToken, Line(AuditActions.AssignmentRemoved, round, new { assignment.ProjectId, assignment.ExpertUserId, state = assignment.State }));
        return Result.Ok();
    }

    /// <summary>Opens the round for scoring once the assignment meets every rule; the experts are told.</summary>
    public async Task<Result> OpenAsync(Guid roundId, Guid expected, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.Open, cancellationToken);
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

        var opened = round.Open(clock.GetUtcNow());
        if (!opened.Succeeded)
        {
            return opened;
        }

        NotifyAssigned(pairs.Select(p => p.ExpertId).Distinct(), round);
        commands.Note(round, new RoundOpenedWith(pairs.Count));
        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>
    /// Completes the round: every remaining expert has submitted and every flagged disagreement has
    /// a recorded consensus; the projects move on to the coordination group's deliberation.
    /// </summary>
    public async Task<Result> CompleteAsync(Guid roundId, Guid expected, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.Complete, cancellationToken);
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

        var ids = summary.Projects.Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var project in projects.Where(p => p.Stage == ProjectStage.Evaluation))
        {
            if (!await commands.AllowsAsync(project, ProjectOperations.Move(ProjectTrigger.CompleteEvaluation)))
            {
                return Problems.Forbidden;
            }

            var moved = project.CompleteEvaluation(now, current.Id!, round.Title);
            if (!moved.Succeeded)
            {
                return moved;
            }

            await deliberation.ProjectEnteredAsync(project, cancellationToken);
        }

        var completed = round.Complete(now);
        if (!completed.Succeeded)
        {
            return completed;
        }

        commands.Note(round, new RoundRanking([.. summary.Projects.Select(p => new RankedProject(p.ProjectId, p.Aggregate.WeightedTotal, p.Aggregate.CalibratedTotal))]));
        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    public async Task<Result> RecordConsensusAsync(Guid roundId, Guid projectId, string outcome, CancellationToken cancellationToken = default)
    {
        var (round, error) = await LoadManagedAsync(roundId, RoundTrigger.RecordConsensus, cancellationToken);
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
        await commands.SaveAsync(cancellationToken, Line(AuditActions.ConsensusRecorded, round!, new { projectId, outcome = record.Outcome }));
        return Result.Ok();
    }

    /// <summary>Projects in evaluation that no open round holds: a project is evaluated in one open round at a time.</summary>
    private IQueryable<PilotProject> AwaitingRound()
    {
        var busy = db.RoundProjects.Where(rp => db.EvaluationRounds.Any(r => r.Id == rp.RoundId && r.Status != RoundStatus.Completed)).Select(rp => rp.ProjectId);
        return db.Projects.Where(p => p.Stage == ProjectStage.Evaluation && !busy.Contains(p.Id));
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

        if ((await conflicts.FindAsync(expertId, projectId, RoundPeriod.Of(round), cancellationToken)).Count > 0)
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

    /// <summary>The round, if the caller manages it and its lifecycle allows <paramref name="trigger"/> now.</summary>
    private async Task<(EvaluationRound? Round, Error? Error)> LoadManagedAsync(Guid roundId, RoundTrigger trigger, CancellationToken cancellationToken)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return (null, new Error(RoundErrors.NotFound));
        }

        if (!await commands.AllowsAsync(round, RoundOperations.Manage))
        {
            return (null, Problems.Forbidden);
        }

        var allowed = round.Allows(trigger);
        if (!allowed.Succeeded)
        {
            return (null, allowed.Errors[0]);
        }

        return (round, null);
    }

    private async Task<Result> ManageAsync(Guid roundId, Guid expected, RoundTrigger trigger, Func<EvaluationRound, Result> change, CancellationToken cancellationToken)
    {
        var (round, error) = await LoadManagedAsync(roundId, trigger, cancellationToken);
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

        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>The line of a record of the round that is no change of the round itself (a pair rule, a removal, a consensus).</summary>
    private static AuditLine Line(string action, EvaluationRound round, object? details) =>
        AuditLines.EvaluationRound(action, round.Id, round.RegionId, details);
}
