using System.Globalization;
using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// 重大进展披露: the institution drafts and sends, the working group approves (publishing it on the
/// project's public timeline through <see cref="PublicRecordWriter"/>, so it enters the ledger) or
/// returns it with a reason; the working group may publish a supervision disclosure of its own.
/// </summary>
public sealed class ProgressDisclosureService(FinPilotDbContext db, CurrentUser current, CommandPipeline commands, PublicRecordWriter records, TimeProvider clock)
{
    /// <summary>A project's disclosures, newest first; drafts only to the institution that writes them.</summary>
    public async Task<Result<IReadOnlyList<ProgressDisclosure>>> ListAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var (project, error) = await ProjectAsync(projectId, SupervisionOperations.Read, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var withDrafts = await commands.AllowsAsync(project!, SupervisionOperations.Report);
        return await db.ProgressDisclosures.AsNoTracking()
            .Where(d => d.ProjectId == projectId && (withDrafts || d.Status != DisclosureStatus.Draft))
            .OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<Result<ProgressDisclosure>> DraftAsync(Guid projectId, DisclosureKind kind, string title, string text, CancellationToken cancellationToken = default)
    {
        var (project, error) = await ProjectAsync(projectId, SupervisionOperations.Report, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var stage = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync(cancellationToken);
        if (!ProjectLifecycle.Admitted.Contains(stage))
        {
            return new Error(ProgressDisclosureErrors.ProjectNotRunning, null, stage);
        }

        var drafted = ProgressDisclosure.Draft(projectId, project!.RegionId, project.OrganisationId, kind, title ?? string.Empty, text ?? string.Empty, clock.GetUtcNow(), current.Id!);
        if (!drafted.Succeeded)
        {
            return drafted;
        }

        db.ProgressDisclosures.Add(drafted.Value);
        await commands.SaveAsync(cancellationToken);
        return drafted;
    }

    public Task<Result<ProgressDisclosure>> EditAsync(Guid id, DisclosureKind kind, string title, string text, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, SupervisionOperations.Report, expected, d => d.Edit(kind, title ?? string.Empty, text ?? string.Empty), cancellationToken);

    public Task<Result<ProgressDisclosure>> SendAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, SupervisionOperations.Report, expected, d => d.Send(clock.GetUtcNow()), cancellationToken);

    public Task<Result<ProgressDisclosure>> ReturnAsync(Guid id, string reason, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, SupervisionOperations.Supervise, expected, d => d.Return(reason ?? string.Empty, clock.GetUtcNow(), current.Id!), cancellationToken);

    /// <summary>Approves the disclosure; it is published on the project's public timeline and enters the ledger with it.</summary>
    public Task<Result<ProgressDisclosure>> ApproveAsync(Guid id, Guid expected, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, SupervisionOperations.Supervise, expected, d =>
        {
            var result = d.Approve(clock.GetUtcNow(), current.Id!);
            if (result.Succeeded)
            {
                Publish(d);
            }

            return result;
        }, cancellationToken);

    /// <summary>The working group's own supervision disclosure, published at once.</summary>
    public async Task<Result<ProgressDisclosure>> PublishOwnAsync(Guid projectId, string title, string text, CancellationToken cancellationToken = default)
    {
        var (project, error) = await ProjectAsync(projectId, SupervisionOperations.Supervise, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var published = ProgressDisclosure.PublishBySupervisor(projectId, project!.RegionId, project.OrganisationId, title ?? string.Empty, text ?? string.Empty, clock.GetUtcNow(), current.Id!);
        if (!published.Succeeded)
        {
            return published;
        }

        db.ProgressDisclosures.Add(published.Value);
        Publish(published.Value);
        await commands.SaveAsync(cancellationToken);
        return published;
    }

    private void Publish(ProgressDisclosure disclosure)
    {
        var at = disclosure.PublishedAt ?? clock.GetUtcNow();
        var zh = SupervisionText.KindIn(disclosure.Kind, CultureInfo.GetCultureInfo("zh-CN"));
        var en = SupervisionText.KindIn(disclosure.Kind, CultureInfo.GetCultureInfo("en"));
        records.Write(
            PublicRecord.Create(SupervisionActions.RecordDisclosure, disclosure.Id.ToString(), at, new
            {
                disclosure.Id,
                disclosure.ProjectId,
                disclosure.RegionId,
                kind = disclosure.Kind.ToString(),
                disclosure.Title,
                disclosure.Text,
                publishedAt = at,
            }),
            disclosure.RegionId,
            [new PublicEvent(disclosure.ProjectId, PublicEventKind.MajorProgress, at, Bounded($"{zh}：{disclosure.Title}"), Bounded($"{en}: {disclosure.Title}"), $"/pilots/{disclosure.ProjectId}")]);
    }

    private static string Bounded(string title) => title.Length <= PublicEventRecord.MaxTitleLength ? title : title[..PublicEventRecord.MaxTitleLength];

    private async Task<(SupervisedProject? Project, Error? Error)> ProjectAsync(Guid projectId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new SupervisedProject(p.Id, p.RegionId, p.LeadOrganisationId)).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return (null, new Error(ProgressDisclosureErrors.NotFound));
        }

        return await commands.AllowsAsync(project, operation) ? (project, null) : (null, Problems.Forbidden);
    }

    private async Task<Result<ProgressDisclosure>> ChangeAsync(
        Guid id, OperationAuthorizationRequirement operation, Guid expected, Func<ProgressDisclosure, Result> change, CancellationToken cancellationToken)
    {
        var disclosure = await db.ProgressDisclosures.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (disclosure is null)
        {
            return new Error(ProgressDisclosureErrors.NotFound);
        }

        if (!await commands.AllowsAsync(SupervisedProject.Of(disclosure), operation))
        {
            return Problems.Forbidden;
        }

        if (disclosure.Version != expected)
        {
            return new Error(ProgressDisclosureErrors.Concurrency);
        }

        var result = change(disclosure);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<ProgressDisclosure>.Fail([.. result.Errors]);
        }

        return await commands.SaveAsync(disclosure, ProgressDisclosureErrors.Concurrency, cancellationToken);
    }
}
