using System.Globalization;
using FinPilot.Domain.Alerts;
using FinPilot.Domain.Common;
using FinPilot.Domain.Corrections;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Corrections;

public static class CorrectionActions
{
    public const string Issued = "correction.issued";
    public const string Answered = "correction.answered";
    public const string Verified = "correction.verified";
    public const string Extended = "correction.extended";
    public const string Revoked = "correction.revoked";
    public const string Disclosed = "correction.disclosed";
    public const string FileAttached = "correction.file-attached";
    public const string FileRemoved = "correction.file-removed";
    public const string FileDownloaded = "correction.file-downloaded";
    public const string Escalated = "correction.escalated";
    public const string Tolerated = "tolerance.recorded";
    public const string ToleranceReviewed = "tolerance.reviewed";

    /// <summary>The kind of the public record of a disclosed order, and of its closure.</summary>
    public const string RecordOrder = "Correction.Order";
    public const string RecordClosure = "Correction.Closure";
}

/// <summary>The working group's verdict on the evidence.</summary>
public enum CorrectionVerdict
{
    Close = 1,
    Reject = 2,
}

/// <summary>
/// 纠偏: the region's working group issues correction orders (directly or by escalating an alert),
/// verifies, extends, revokes and discloses them; the institution answers with a plan and evidence.
/// An order that requires rectification moves the pilot to rectifying, and verifying or revoking the
/// last such order returns it to running. Each deadline is an obligation of the institution.
/// </summary>
public sealed class CorrectionCommands(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, ObligationBook obligations, CorrectionNotifications notifications,
    WorkingCalendarProvider calendars, PublicRecordWriter records, CorrectionOptions options, TimeProvider clock)
{
    private const int TimelineNoteLength = 500;

    public async Task<Result<CorrectionOrder>> IssueAsync(Guid projectId, CorrectionOrderInput input, Guid? alertId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return new Error(CorrectionErrors.ProjectNotFound);
        }

        if (!await commands.AllowsAsync(new CorrectionProject(project.Id, project.RegionId, project.LeadOrganisationId), CorrectionOperations.Supervise))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        // The order's fields first (a working-day count out of range is the caller's error, never clamped into a deadline).
        var invalid = CorrectionOrder.Validate(input).ToArray();
        if (invalid.Length > 0)
        {
            db.ChangeTracker.Clear();
            return Result<CorrectionOrder>.Fail(invalid);
        }

        var now = clock.GetUtcNow();
        Alert? alert = null;
        if (alertId is { } id)
        {
            alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id && a.ProjectId == project.Id, ct);
            if (alert is null)
            {
                db.ChangeTracker.Clear();
                return new Error(CorrectionErrors.AlertNotFound, "alertId");
            }

            if (!alert.IsOpen)
            {
                db.ChangeTracker.Clear();
                return new Error(CorrectionErrors.AlertClosed, "alertId");
            }
        }

        var calendar = await calendars.GetAsync(ct);
        var issued = CorrectionOrder.Issue(project, input, alert is null ? CorrectionSource.Direct : CorrectionSource.Alert, alert?.Id,
            calendar.DeadlineAfter(now, input.WorkingDays), now, current.Id!);
        if (!issued.Succeeded)
        {
            db.ChangeTracker.Clear();
            return issued;
        }

        var order = issued.Value;
        alert?.Escalate(now, current.Id!, CorrectionsStrings.ResourceManager.GetString("AlertEscalatedNote", CultureInfo.GetCultureInfo("zh-CN")));
        if (order.MustRectify && project.Stage == ProjectStage.Running)
        {
            var moved = project.OrderCorrection(now, current.Id!, Note(order.Findings));
            if (!moved.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result<CorrectionOrder>.Fail([.. moved.Errors]);
            }
        }

        db.CorrectionOrders.Add(order);
        await obligations.EnsureAsync(Draft(order), ct);
        await notifications.OrderedAsync(order, project.Title, ct);
        await commands.SaveAsync(ct);
        return order;
    }

    public Task<Result<CorrectionOrder>> SubmitPlanAsync(Guid orderId, string plan, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Answer, expected, async (order, project) =>
        {
            var result = order.SubmitPlan(plan ?? string.Empty, clock.GetUtcNow(), current.Id!);
            if (result.Succeeded)
            {
                await notifications.AnsweredAsync(order, CorrectionStepKind.PlanSubmitted, project.Title, ct);
            }

            return result;
        }, ct);

    public Task<Result<CorrectionOrder>> SubmitEvidenceAsync(Guid orderId, string evidence, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Answer, expected, async (order, project) =>
        {
            var now = clock.GetUtcNow();
            var subject = order.ObligationSubject;
            var result = order.SubmitEvidence(evidence ?? string.Empty, now, current.Id!);
            if (result.Succeeded)
            {
                await obligations.FulfilAsync(order.ProjectId, ObligationKind.CorrectionResponse, subject, now, current.Id!, ct);
                var calendar = await calendars.GetAsync(ct);
                await obligations.EnsureAsync(new ObligationDraft(order.ProjectId, order.RegionId, order.OrganisationId, ObligationKind.CorrectionVerification,
                    VerificationSubject(order), ObligationRules.Precise(calendar.DeadlineAfter(now, options.VerificationWorkingDays))), ct);
                await notifications.AnsweredAsync(order, CorrectionStepKind.EvidenceSubmitted, project.Title, ct);
            }

            return result;
        }, ct);

    /// <summary>The working group closes the order, or rejects the evidence with a reason and a new deadline in working days.</summary>
    public Task<Result<CorrectionOrder>> VerifyAsync(Guid orderId, CorrectionVerdict verdict, string text, int? workingDays, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Supervise, expected, async (order, project) =>
        {
            var now = clock.GetUtcNow();
            if (verdict == CorrectionVerdict.Close)
            {
                var closed = order.Close(text ?? string.Empty, now, current.Id!);
                if (closed.Succeeded)
                {
                    await obligations.FulfilAsync(order.ProjectId, ObligationKind.CorrectionVerification, VerificationSubject(order), now, current.Id!, ct);
                    await EndAsync(order, project, now, ct);
                    await notifications.VerifiedAsync(order, CorrectionStepKind.Closed, project.Title, ct);
                }

                return closed;
            }

            if (verdict != CorrectionVerdict.Reject)
            {
                return new Error(CorrectionErrors.DecisionInvalid, "verdict");
            }

            var due = await DueAsync(workingDays, now, ct);
            if (!due.Succeeded)
            {
                return Result.Fail(due.Errors);
            }

            var verification = VerificationSubject(order);
            var rejected = order.Reject(text ?? string.Empty, due.Value, now, current.Id!);
            if (rejected.Succeeded)
            {
                await obligations.FulfilAsync(order.ProjectId, ObligationKind.CorrectionVerification, verification, now, current.Id!, ct);
                await obligations.EnsureAsync(Draft(order), ct);
                await notifications.VerifiedAsync(order, CorrectionStepKind.Rejected, project.Title, ct);
            }

            return rejected;
        }, ct);

    /// <summary>The working group moves the deadline: the open obligation is waived with the reason and a new one opened.</summary>
    public Task<Result<CorrectionOrder>> ExtendAsync(Guid orderId, string reason, int? workingDays, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Supervise, expected, async (order, _) =>
        {
            var now = clock.GetUtcNow();
            var due = await DueAsync(workingDays, now, ct);
            if (!due.Succeeded)
            {
                return Result.Fail(due.Errors);
            }

            var subject = order.ObligationSubject;
            var extended = order.Extend(reason ?? string.Empty, due.Value, now, current.Id!);
            if (extended.Succeeded)
            {
                await obligations.WaiveAsync(order.ProjectId, ObligationKind.CorrectionResponse, subject, now, current.Id!, reason!.Trim(), ct);
                await obligations.EnsureAsync(Draft(order), ct);
            }

            return extended;
        }, ct);

    public Task<Result<CorrectionOrder>> RevokeAsync(Guid orderId, string reason, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Supervise, expected, async (order, project) =>
        {
            var now = clock.GetUtcNow();
            var subject = order.ObligationSubject;
            var verification = VerificationSubject(order);
            var revoked = order.Revoke(reason ?? string.Empty, now, current.Id!);
            if (revoked.Succeeded)
            {
                await obligations.WaiveAsync(order.ProjectId, ObligationKind.CorrectionVerification, verification, now, current.Id!, reason!.Trim(), ct);
                await obligations.WaiveAsync(order.ProjectId, ObligationKind.CorrectionResponse, subject, now, current.Id!, reason!.Trim(), ct);
                await EndAsync(order, project, now, ct);
                await notifications.VerifiedAsync(order, CorrectionStepKind.Revoked, project.Title, ct);
            }

            return revoked;
        }, ct);

    /// <summary>The working group makes the order public: a public record on the pilot's timeline and in the ledger.</summary>
    public Task<Result<CorrectionOrder>> DiscloseAsync(Guid orderId, Guid expected, CancellationToken ct = default) =>
        ChangeAsync(orderId, CorrectionOperations.Supervise, expected, (order, project) =>
        {
            var now = clock.GetUtcNow();
            var disclosed = order.Disclose(now, current.Id!);
            if (disclosed.Succeeded)
            {
                Publish(order, project, now, closure: !order.IsOpen);
            }

            return Task.FromResult(disclosed);
        }, ct);

    /// <summary>After an order ends: the pilot returns to running if no other open order holds it, and a public order's end is public.</summary>
    private async Task EndAsync(CorrectionOrder order, PilotProject project, DateTimeOffset now, CancellationToken ct)
    {
        if (order.MustRectify && project.Stage == ProjectStage.Rectifying)
        {
            var othersHold = await db.CorrectionOrders.AnyAsync(
                o => o.ProjectId == order.ProjectId && o.Id != order.Id && o.MustRectify && CorrectionOrder.OpenStatuses.Contains(o.Status), ct);
            if (!othersHold)
            {
                project.CloseCorrection(now, current.Id!, Note(order.Conclusion ?? order.Findings));
            }
        }

        if (order.Disclosed)
        {
            Publish(order, project, now, closure: true);
        }
    }

    private void Publish(CorrectionOrder order, PilotProject project, DateTimeOffset at, bool closure)
    {
        var key = closure ? (order.Status == CorrectionStatus.Revoked ? "PublicEvent_CorrectionRevoked" : "PublicEvent_CorrectionClosed") : "PublicEvent_CorrectionOrdered";
        var (zh, en) = PublicEventTexts.Of(CorrectionsStrings.ResourceManager, key, project.Title);
        records.Write(
            PublicRecord.Create(closure ? CorrectionActions.RecordClosure : CorrectionActions.RecordOrder, order.Id.ToString(), at, new
            {
                order.Id,
                order.ProjectId,
                order.RegionId,
                severity = order.Severity.ToString(),
                order.Findings,
                order.Breach,
                order.RequiredActions,
                order.MustRectify,
                order.IssuedAt,
                order.DueAt,
                status = order.Status.ToString(),
                order.Conclusion,
                order.ClosedAt,
            }),
            order.RegionId,
            [new PublicEvent(order.ProjectId, closure ? PublicEventKind.CorrectionClosed : PublicEventKind.CorrectionOrdered, at, zh, en, $"/pilots/{order.ProjectId}")]);
    }

    private async Task<Result<DateTimeOffset>> DueAsync(int? workingDays, DateTimeOffset now, CancellationToken ct)
    {
        if (workingDays is not { } days || days < CorrectionOrder.MinWorkingDays || days > CorrectionOrder.MaxWorkingDays)
        {
            return new Error(CorrectionErrors.WorkingDaysInvalid, "workingDays", CorrectionOrder.MinWorkingDays, CorrectionOrder.MaxWorkingDays);
        }

        var calendar = await calendars.GetAsync(ct);
        return calendar.DeadlineAfter(now, days);
    }

    /// <summary>The subject of the working group's duty to verify the latest evidence: the order and the evidence's number.</summary>
    public static string VerificationSubject(CorrectionOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return $"{order.Id:N}:evidence:{order.Steps.Count(s => s.Kind == CorrectionStepKind.EvidenceSubmitted)}";
    }

    private static ObligationDraft Draft(CorrectionOrder order) =>
        new(order.ProjectId, order.RegionId, order.OrganisationId, ObligationKind.CorrectionResponse, order.ObligationSubject, order.DueAt);

    private static string Note(string text) => text.Length <= TimelineNoteLength ? text : text[..(TimelineNoteLength - 1)] + "…";

    private async Task<Result<CorrectionOrder>> ChangeAsync(
        Guid orderId, OperationAuthorizationRequirement operation, Guid expected, Func<CorrectionOrder, PilotProject, Task<Result>> change, CancellationToken ct)
    {
        var order = await db.CorrectionOrders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return new Error(CorrectionErrors.NotFound);
        }

        if (!await commands.AllowsAsync(CorrectionProject.Of(order), operation))
        {
            db.ChangeTracker.Clear();
            return Problems.Forbidden;
        }

        if (order.Version != expected)
        {
            db.ChangeTracker.Clear();
            return new Error(CorrectionErrors.Concurrency);
        }

        var project = await db.Projects.SingleAsync(p => p.Id == order.ProjectId, ct);
        var result = await change(order, project);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<CorrectionOrder>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(order, CorrectionErrors.Concurrency, ct);
    }
}
