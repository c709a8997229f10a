using FinPilot.Domain.Common;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Exit;

/// <summary>What the institution sends to open its exit.</summary>
public sealed record ExitApplication
{
    /// <summary>Completed (试点完成) or Withdrawn (主动退出).</summary>
    public ExitMode Mode { get; init; }

    public string? Reasons { get; init; }

    /// <summary>The customer transition plan; required for a withdrawal.</summary>
    public string? TransitionPlan { get; init; }

    /// <summary>The institution ticked that a withdrawal is irreversible.</summary>
    public bool Confirmed { get; init; }
}

/// <summary>
/// 退出: the institution's side of the exit path and the working group's audit. Each step is an
/// obligation with a working-day deadline (<see cref="ExitOptions"/>), each command loads the case,
/// asks <see cref="ExitAuthorization"/>, calls the aggregate and saves once.
/// </summary>
public sealed class ExitService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, WorkingCalendarProvider calendars, ExitRecord record,
    ExitNotices notices, ExitPublicRecords publicRecords, IOptions<ExitOptions> options, TimeProvider clock)
{
    public static string CaseSubject(Guid exitId) => exitId.ToString("N");

    public static string AuditSubject(Guid exitId, int submission) => $"{exitId:N}:{submission}";

    public static string AnswerSubject(Guid exitId, int number) => $"{exitId:N}:q{number}";

    /// <summary>
    /// The lead institution applies for completion or withdraws its admitted pilot: the pilot moves to
    /// exiting, the exit-or-extension duty is met (completion) or waived (withdrawal), the self-assessment
    /// is owed, the working group told, and the step is public.
    /// </summary>
    public async Task<Result<ExitCase>> ApplyAsync(Guid projectId, ExitApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ExitErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new ExitScope(project.Id, project.RegionId, project.LeadOrganisationId), ExitOperations.Institution))
        {
            return Problems.Forbidden;
        }

        if (application.Mode is not (ExitMode.Completed or ExitMode.Withdrawn))
        {
            return new Error(ProjectErrors.ExitModeInvalid, nameof(ExitApplication.Mode), application.Mode);
        }

        if (await db.ExitCases.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return new Error(ExitErrors.AlreadyExiting);
        }

        var now = clock.GetUtcNow();
        var opened = ExitCase.Open(project, application.Mode, application.Reasons ?? string.Empty, application.TransitionPlan, application.Confirmed, now, current.Id!);
        if (!opened.Succeeded)
        {
            return opened;
        }

        var moved = project.RequestExit(application.Mode, now, current.Id!, application.Reasons!);
        if (!moved.Succeeded)
        {
            return Result<ExitCase>.Fail([.. moved.Errors]);
        }

        var exit = opened.Value;
        db.ExitCases.Add(exit);
        await SettleExitOrExtensionAsync(exit, now, cancellationToken);
        await OweSelfAssessmentAsync(exit, now, cancellationToken);
        await notices.ToWorkingGroupAsync(exit, NotificationKind.ExitRequested, cancellationToken);
        publicRecords.Requested(exit, now);
        return await commands.SaveAsync(exit, ExitErrors.Concurrency, cancellationToken);
    }

    /// <summary>Opens the exit of a pilot the coordination group resolved to terminate, in the resolution's unit of work.</summary>
    public async Task<Result<ExitCase>> OpenTerminationAsync(PilotProject project, Guid meetingId, string resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (await db.ExitCases.AnyAsync(c => c.ProjectId == project.Id, cancellationToken))
        {
            return new Error(ExitErrors.AlreadyExiting);
        }

        var opened = ExitCase.Open(project, ExitMode.Terminated, resolution, null, confirmed: true, now, current.Id!, meetingId);
        if (!opened.Succeeded)
        {
            return opened;
        }

        var exit = opened.Value;
        db.ExitCases.Add(exit);
        await SettleExitOrExtensionAsync(exit, now, cancellationToken);
        await OweSelfAssessmentAsync(exit, now, cancellationToken);
        await notices.ToInstitutionAsync(exit, NotificationKind.ExitTerminated, resolution, null, cancellationToken);
        await notices.ToWorkingGroupAsync(exit, NotificationKind.ExitTerminated, cancellationToken);
        publicRecords.Terminated(exit, now);
        return exit;
    }

    public Task<Result<ExitCase>> SaveSelfAssessmentAsync(Guid id, ExitSelfAssessment assessment, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Institution, async exit =>
        {
            ArgumentNullException.ThrowIfNull(assessment);
            var metrics = await record.MetricsSummaryAsync(exit.ProjectId, cancellationToken);
            return exit.SaveSelfAssessment(assessment, metrics, clock.GetUtcNow(), current.Id!);
        }, cancellationToken);

    public Task<Result<ExitCase>> RecordChecklistItemAsync(
        Guid id, ChecklistItemKind kind, bool done, string? evidence, string? fileSha256, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Institution,
            exit => Task.FromResult(exit.RecordChecklistItem(kind, done, evidence, fileSha256, clock.GetUtcNow(), current.Id!)), cancellationToken);

    /// <summary>A checklist item's new evidence file, stored under <paramref name="fileName"/> (already made safe).</summary>
    public Task<Result<ExitCase>> RecordChecklistFileAsync(
        Guid id, ChecklistItemKind kind, bool done, string? evidence, string fileSha256, string fileName, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Institution,
            exit => Task.FromResult(exit.RecordChecklistItem(kind, done, evidence, fileSha256, clock.GetUtcNow(), current.Id!, fileName)), cancellationToken);

    public Task<Result<ExitCase>> AnswerAsync(Guid id, int number, string answer, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Institution, async exit =>
        {
            var now = clock.GetUtcNow();
            var answered = exit.Answer(number, answer ?? string.Empty, now, current.Id!);
            if (answered.Succeeded)
            {
                await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitAnswer, AnswerSubject(exit.Id, number), now, current.Id!, cancellationToken);
            }

            return answered;
        }, cancellationToken);

    /// <summary>The institution submits for audit: its self-assessment duty is met and the working group owes the audit.</summary>
    public Task<Result<ExitCase>> SubmitAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Institution, async exit =>
        {
            var now = clock.GetUtcNow();
            var submitted = exit.SubmitForAudit(now, current.Id!);
            if (!submitted.Succeeded)
            {
                return submitted;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitSelfAssessment, CaseSubject(exit.Id), now, current.Id!, cancellationToken);
            var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.AuditWorkingDays);
            await obligations.EnsureAsync(Draft(exit, ObligationKind.ExitAudit, AuditSubject(exit.Id, exit.Submissions), due), cancellationToken);
            await notices.ToWorkingGroupAsync(exit, NotificationKind.ExitSubmitted, cancellationToken);
            return submitted;
        }, cancellationToken);

    /// <summary>The working group sends a question back: the audit duty is met, the institution owes an answer by the deadline.</summary>
    public Task<Result<ExitCase>> AskAsync(Guid id, string question, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Audit, async exit =>
        {
            var now = clock.GetUtcNow();
            var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.AnswerWorkingDays);
            var submission = exit.Submissions;
            var asked = exit.AskQuestion(question ?? string.Empty, due, now, current.Id!);
            if (!asked.Succeeded)
            {
                return asked;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitAudit, AuditSubject(exit.Id, submission), now, current.Id!, cancellationToken);
            await obligations.EnsureAsync(Draft(exit, ObligationKind.ExitAnswer, AnswerSubject(exit.Id, exit.Questions.Count), due), cancellationToken);
            await notices.ToInstitutionAsync(exit, NotificationKind.ExitQuestionAsked, question!.Trim(), due, cancellationToken);
            return asked;
        }, cancellationToken);

    /// <summary>The working group accepts the self-assessment and the checklist (审核通过): public, and the expert opinion is owed.</summary>
    public Task<Result<ExitCase>> AcceptAsync(Guid id, string note, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expected, ExitOperations.Audit, async exit =>
        {
            var now = clock.GetUtcNow();
            var accepted = exit.Accept(note ?? string.Empty, now, current.Id!);
            if (!accepted.Succeeded)
            {
                return accepted;
            }

            await obligations.FulfilAsync(exit.ProjectId, ObligationKind.ExitAudit, AuditSubject(exit.Id, exit.Submissions), now, current.Id!, cancellationToken);
            var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.ExpertReviewWorkingDays);
            await obligations.EnsureAsync(Draft(exit, ObligationKind.ExitExpertReview, ExitReviewService.ReviewSubject(exit.Id), due), cancellationToken);
            publicRecords.Step(exit, "Public_AuditAccepted", now);
            return accepted;
        }, cancellationToken);

    internal static ObligationDraft Draft(ExitCase exit, ObligationKind kind, string subject, DateTimeOffset due) =>
        new(exit.ProjectId, exit.RegionId, exit.OrganisationId, kind, subject, due);

    private async Task OweSelfAssessmentAsync(ExitCase exit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = ObligationRules.ExitStepDue(now, await calendars.GetAsync(cancellationToken), options.Value.SelfAssessmentWorkingDays);
        await obligations.EnsureAsync(Draft(exit, ObligationKind.ExitSelfAssessment, CaseSubject(exit.Id), due), cancellationToken);
    }

    /// <summary>The exit-or-extension duty the obligation clock made is answered by applying for completion, and has no object otherwise.</summary>
    private async Task SettleExitOrExtensionAsync(ExitCase exit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Obligations.Where(o => o.ProjectId == exit.ProjectId && o.Kind == ObligationKind.ExitOrExtension && o.Status == ObligationStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var duty in open)
        {
            _ = exit.Mode == ExitMode.Completed ? duty.Fulfil(now, current.Id!) : duty.Waive(now, current.Id!, ExitTexts.Get("Obligation_ExitOpened", ExitTexts.Chinese));
        }
    }

    private async Task<Result<ExitCase>> ChangeAsync(
        Guid id, Guid expected, OperationAuthorizationRequirement operation, Func<ExitCase, Task<Result>> act, CancellationToken cancellationToken)
    {
        var exit = await db.ExitCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (exit is null)
        {
            return new Error(ExitErrors.NotFound);
        }

        if (!await commands.AllowsAsync(ExitScope.Of(exit), operation))
        {
            return Problems.Forbidden;
        }

        if (exit.Version != expected)
        {
            return new Error(ExitErrors.Concurrency);
        }

        var result = await act(exit);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<ExitCase>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(exit, ExitErrors.Concurrency, cancellationToken);
    }
}
