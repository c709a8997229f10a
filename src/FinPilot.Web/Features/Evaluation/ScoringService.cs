using FinPilot.Domain.Calendar;
using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Evaluation;

public sealed record MyAssignment(ExpertAssignment Assignment, EvaluationRound Round, string ProjectTitle, RoundDeadline Deadline);

/// <summary>What an expert sees of one assignment; the project's content only once they have cleared it.</summary>
public sealed record ScoringView(
    ExpertAssignment Assignment, EvaluationRound Round, RoundProjectRow Project, RoundDeadline Deadline,
    IReadOnlyList<EvaluationQuestion> Questions, IReadOnlyList<SheetRow> Peers, bool Late);

/// <summary>The expert's side of a round: declare, read, score, ask; and the secretariat's reopening of a sheet.</summary>
public sealed class ScoringService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, Notifier notifier, ConflictFinder conflicts, RoundReader reader,
    WorkingCalendarProvider calendars, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyAssignment>> MineAsync(CancellationToken cancellationToken = default)
    {
        var me = current.Id;
        var rows = await (
            from a in db.ExpertAssignments.AsNoTracking()
            where a.ExpertUserId == me
            join r in db.EvaluationRounds.AsNoTracking() on a.RoundId equals r.Id
            where r.Status != RoundStatus.Preparing
            join p in db.Projects.AsNoTracking() on a.ProjectId equals p.Id
            orderby r.CreatedAt descending, p.Title
            select new { a, r, p.Title }).ToListAsync(cancellationToken);
        var result = new List<MyAssignment>();
        foreach (var row in rows)
        {
            result.Add(new MyAssignment(row.a, row.r, row.Title, await reader.DeadlineAsync(row.r, cancellationToken)));
        }

        return result;
    }

    public async Task<Result<ScoringView>> GetAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        var (assignment, round, error) = await LoadOwnAsync(assignmentId, AssignmentOperations.View, tracked: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var project = (await reader.ProjectsAsync(round!.Id, cancellationToken)).Single(p => p.Project.Id == assignment!.ProjectId);
        var deadline = await reader.DeadlineAsync(round, cancellationToken);
        var late = !deadline.Paused && clock.GetUtcNow() > ChinaTime.EndOfDay(deadline.Effective);
        if (!assignment!.OpensMaterials)
        {
            // Before the declaration the expert learns only the project's name and lead, enough to know a conflict.
            return new ScoringView(assignment, round, project with { Form = new Domain.Applications.ApplicationForm { Name = project.Form.Name } }, deadline, [], [], late);
        }

        var questions = await db.EvaluationQuestions.AsNoTracking().Where(q => q.RoundId == round.Id && q.ProjectId == assignment.ProjectId)
            .OrderBy(q => q.AskedAt).ToListAsync(cancellationToken);
        IReadOnlyList<SheetRow> peers = [];
        if (round.ShowPeerScores)
        {
            var experts = await reader.ExpertsAsync(null, cancellationToken);
            peers = (await db.ExpertAssignments.AsNoTracking()
                    .Where(a => a.RoundId == round.Id && a.ProjectId == assignment.ProjectId && a.Id != assignment.Id && a.SubmittedAt != null).ToListAsync(cancellationToken))
                .Select(a => new SheetRow(a, experts.GetValueOrDefault(a.ExpertUserId)?.Name ?? string.Empty, experts.GetValueOrDefault(a.ExpertUserId)?.Domains ?? [])).ToList();
        }

        // Reading the materials themselves goes through the applications feature, which audits each view (ExpertReadGrant).
        return new ScoringView(assignment, round, project, deadline, questions, peers, late);
    }

    /// <summary>
    /// The expert confirms "no conflict" for this project, which opens its materials. The automatic
    /// rules are asked again first: a conflict found now marks the assignment conflicted instead.
    /// </summary>
    public async Task<Result> ConfirmNoConflictAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        var (assignment, round, error) = await LoadOwnAsync(assignmentId, AssignmentOperations.Declare, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var allowed = AssignmentLifecycle.Check(round!.Status, assignment!.State, AssignmentTrigger.ConfirmNoConflict);
        if (!allowed.Succeeded)
        {
            return Result.Fail(allowed.Errors);
        }

        var found = await conflicts.FindAsync(assignment.ExpertUserId, assignment.ProjectId, RoundPeriod.Of(round), cancellationToken);
        var now = clock.GetUtcNow();
        if (found.Count > 0)
        {
            var conflicted = assignment.RecordFoundConflict(round, now, [.. found.Select(c => c.Reason.ToString())]);
            if (!conflicted.Succeeded)
            {
                return conflicted;
            }

            // Whether or not the finding could be saved, the expert is not cleared.
            await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
            return new Error(RoundErrors.ExpertConflicted);
        }

        var cleared = assignment.ConfirmNoConflict(round, now);
        if (!cleared.Succeeded)
        {
            return cleared;
        }

        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>The expert declares a conflict on this project: they never see it, and the secretariat is told to replace them.</summary>
    public async Task<Result> DeclareConflictAsync(Guid assignmentId, string note, CancellationToken cancellationToken = default)
    {
        var (assignment, round, error) = await LoadOwnAsync(assignmentId, AssignmentOperations.Declare, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var declared = assignment!.DeclareConflict(round!, clock.GetUtcNow(), note);
        if (!declared.Succeeded)
        {
            return declared;
        }

        var secretariat = await db.UserIdsWithAsync(Role.EvaluationSecretariat, round!.RegionId, null, cancellationToken);
        var national = await db.UserIdsWithAsync(Role.EvaluationSecretariat, null, null, cancellationToken);
        notifier.Enqueue(secretariat.Concat(national).Distinct(), NotificationKind.ExpertConflictDeclared, $"/evaluation/rounds/{round.Id}",
            new Dictionary<string, string> { [NotificationValues.Title] = round.Title });
        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    public Task<Result> SaveDraftAsync(Guid assignmentId, ScoreSheet sheet, Guid expected, CancellationToken cancellationToken = default) =>
        WriteSheetAsync(assignmentId, sheet, expected, submit: false, cancellationToken);

    /// <summary>Submits the sheet, which locks it; a late submission is accepted and shows as late.</summary>
    public Task<Result> SubmitAsync(Guid assignmentId, ScoreSheet sheet, Guid expected, CancellationToken cancellationToken = default) =>
        WriteSheetAsync(assignmentId, sheet, expected, submit: true, cancellationToken);

    /// <summary>The secretariat reopens one expert's submitted sheet, saying why; the expert is told.</summary>
    public async Task<Result> ReopenAsync(Guid assignmentId, string reason, CancellationToken cancellationToken = default)
    {
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, cancellationToken);
        if (!await commands.AllowsAsync(new AssignmentInRound(round, assignment), AssignmentOperations.Reopen))
        {
            return Problems.Forbidden;
        }

        var reopened = assignment.Reopen(round, reason);
        if (!reopened.Succeeded)
        {
            return reopened;
        }

        var title = await db.Projects.Where(p => p.Id == assignment.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        notifier.Enqueue([assignment.ExpertUserId], NotificationKind.SheetReopened, $"/evaluation/assignments/{assignment.Id}",
            new Dictionary<string, string> { [NotificationValues.Title] = title });
        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>An expert asks the applicant; with <paramref name="pauseDeadline"/> the round's deadline waits for the answer.</summary>
    public async Task<Result<EvaluationQuestion>> AskAsync(Guid assignmentId, string text, bool pauseDeadline, CancellationToken cancellationToken = default)
    {
        var (assignment, round, error) = await LoadOwnAsync(assignmentId, AssignmentOperations.Score, tracked: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (!assignment!.OpensMaterials)
        {
            return new Error(EvaluationErrors.NotCleared);
        }

        var errors = Text.Required(text, "Text", EvaluationQuestion.MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result<EvaluationQuestion>.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var question = new EvaluationQuestion
        {
            Id = Guid.CreateVersion7(now),
            RoundId = round!.Id,
            ProjectId = assignment.ProjectId,
            AskedBy = assignment.ExpertUserId,
            Text = text.Trim(),
            AskedAt = now,
            PausesDeadline = pauseDeadline,
        };
        db.EvaluationQuestions.Add(question);
        commands.Audit(AuditLines.Project(AuditActions.QuestionAsked, assignment.ProjectId, round.RegionId, new { question.Id, pauseDeadline }));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == assignment.ProjectId, cancellationToken);
        var applicants = await db.UserIdsWithAsync(Role.Applicant, null, project.LeadOrganisationId, cancellationToken);
        notifier.Enqueue(applicants, NotificationKind.QuestionAsked, $"/applications/{project.Id}/questions",
            new Dictionary<string, string> { [NotificationValues.Title] = project.Title });
        await commands.SaveAsync(cancellationToken);
        return question;
    }

    /// <summary>The questions on a project, for its lead applicant (without who asked).</summary>
    public async Task<Result<IReadOnlyList<EvaluationQuestion>>> QuestionsForApplicantAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, QuestionOperations.Answer))
        {
            return Problems.Forbidden;
        }

        return await db.EvaluationQuestions.AsNoTracking().Where(q => q.ProjectId == projectId).OrderBy(q => q.AskedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The lead applicant answers; a pausing question moves the deadline by the working days it waited.</summary>
    public async Task<Result> AnswerAsync(Guid questionId, string answer, CancellationToken cancellationToken = default)
    {
        var question = await db.EvaluationQuestions.SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question is null)
        {
            return new Error(RoundErrors.NotFound);
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == question.ProjectId, cancellationToken);
        if (!await commands.AllowsAsync(project, QuestionOperations.Answer))
        {
            return Problems.Forbidden;
        }

        if (question.AnsweredAt is not null)
        {
            return new Error(RoundErrors.AlreadyAnswered);
        }

        var errors = Text.Required(answer, "Answer", EvaluationQuestion.MaxTextLength).ToArray();
        if (errors.Length > 0)
        {
            return Result.Fail(errors);
        }

        var now = clock.GetUtcNow();
        question.Answer = answer.Trim();
        question.AnsweredAt = now;
        question.AnsweredBy = current.Id;
        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == question.RoundId, cancellationToken);
        if (question.PausesDeadline)
        {
            var calendar = await calendars.GetAsync(cancellationToken);
            round.PauseDeadline(calendar.WorkingDaysBetween(ChinaTime.DateOf(question.AskedAt), ChinaTime.DateOf(now)));
        }

        commands.Audit(AuditLines.Project(AuditActions.QuestionAnswered, project.Id, project.RegionId, new { questionId }));
        var experts = await db.ExpertAssignments.Where(a => a.RoundId == round.Id && a.ProjectId == project.Id && a.ConflictDeclaredAt == null)
            .Select(a => a.ExpertUserId).ToListAsync(cancellationToken);
        notifier.Enqueue(experts, NotificationKind.QuestionAnswered, "/evaluation/assignments", new Dictionary<string, string> { [NotificationValues.Title] = project.Title });
        await commands.SaveAsync(cancellationToken);
        return Result.Ok();
    }

    private async Task<Result> WriteSheetAsync(Guid assignmentId, ScoreSheet sheet, Guid expected, bool submit, CancellationToken cancellationToken)
    {
        var (assignment, round, error) = await LoadOwnAsync(assignmentId, AssignmentOperations.Score, tracked: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // The state is checked before the version, so that a locked sheet says so whatever version the form carried.
        var trigger = submit ? AssignmentTrigger.Submit : AssignmentTrigger.SaveDraft;
        var allowed = AssignmentLifecycle.Check(round!.Status, assignment!.State, trigger);
        if (!allowed.Succeeded)
        {
            return Result.Fail(allowed.Errors);
        }

        if (assignment.Version != expected)
        {
            return new Error(RoundErrors.ChangedByAnother);
        }

        var now = clock.GetUtcNow();
        var written = submit ? assignment.Submit(round, sheet, now) : assignment.SaveDraft(round, sheet, now);
        if (!written.Succeeded)
        {
            return written;
        }

        return await commands.SaveAsync(RoundErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>
    /// The caller's own assignment in a round that is not being prepared, if they may do
    /// <paramref name="operation"/> on it; anything else is forbidden or unknown. A conflicted expert
    /// never sees the project, whatever else is true (<see cref="AssignmentAuthorizationHandler"/>).
    /// </summary>
    private async Task<(ExpertAssignment? Assignment, EvaluationRound? Round, Error? Error)> LoadOwnAsync(
        Guid assignmentId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.ExpertAssignments : db.ExpertAssignments.AsNoTracking();
        var assignment = await query.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return (null, null, new Error(RoundErrors.NotFound));
        }

        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == assignment.RoundId, cancellationToken);
        if (!await commands.AllowsAsync(new AssignmentInRound(round, assignment), operation))
        {
            return (null, null, Problems.Forbidden);
        }

        return round.Status == RoundStatus.Preparing ? (null, null, new Error(RoundErrors.NotFound)) : (assignment, round, null);
    }
}
