using FinPilot.Domain.Applications;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>A project as its reader sees it: the open (or last) version's content and that version's files.</summary>
/// <summary>
/// One version of an application as its page shows it. <see cref="SubmitAs"/> is the submission
/// <see cref="ProjectPolicy"/> offers the user now (申报, or the answer to 补正), if any.
/// </summary>
public sealed record ApplicationView(
    PilotProject Project, ApplicationVersionRecord Current, IReadOnlyList<ApplicationVersionRecord> Versions, IReadOnlyList<Attachment> Attachments, bool CanEdit,
    ProjectTrigger? SubmitAs)
{
    /// <summary>The call's required materials (申报材料), each to be answered by a labelled file.</summary>
    public IReadOnlyList<string> Materials { get; init; } = [];

    /// <summary>The required materials no file of this version answers yet.</summary>
    public IEnumerable<string> MaterialsMissing => Materials.Where(m => !Attachments.Any(a => string.Equals(a.Material, m, StringComparison.Ordinal)));
}

/// <summary>What moved between two versions: the form's fields and the files.</summary>
public sealed record VersionDiff(IReadOnlyList<FieldChange> Fields, IReadOnlyList<AttachmentChange> Attachments);

/// <summary>The applicant's side of an application: start, save drafts, submit, withdraw.</summary>
public sealed class ApplicationService(
    FinPilotDbContext db, CurrentUser current, CommandPipeline commands, Notifier notifier, TimeProvider clock)
{
    public async Task<Result<PilotProject>> StartAsync(Guid callId, string title, ProjectCategory? category, CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var organisationId = grants.FirstOrDefault(g => g.Role == Role.Applicant)?.OrganisationId;
        if (organisationId is null)
        {
            return new Error(ApplicationErrors.NoApplicantOrganisation);
        }

        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return new Error(CallErrors.NotFound);
        }

        var now = clock.GetUtcNow();
        if (!call.IsOpenAt(now))
        {
            return new Error(ApplicationErrors.CallNotOpen);
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        if (call.EligibleTypes.Count > 0 && !call.EligibleTypes.Contains(organisation.Type))
        {
            return new Error(ApplicationErrors.NotEligible);
        }

        if (!organisation.Licensed)
        {
            return new Error(ApplicationErrors.LeadNotLicensed);
        }

        if (category is null)
        {
            return new Error(ApplicationErrors.Missing, nameof(ApplicationForm.Category));
        }

        var created = PilotProject.Create(Guid.CreateVersion7(now), call.Id, call.RegionId, organisation.Id, category.Value, title, now, current.Id!);
        if (!created.Succeeded)
        {
            return Result<PilotProject>.Fail([.. created.Errors.Select(e => e with { Field = e.Field == "title" ? nameof(ApplicationForm.Name) : e.Field })]);
        }

        var project = created.Value;
        db.Projects.Add(project);
        db.ApplicationVersions.Add(ApplicationVersionRecord.Open(project.Id, 1, new ApplicationForm { Name = project.Title, Category = category }, now, current.Id!));
        await commands.SaveAsync(cancellationToken);
        return project;
    }

    /// <summary>Projects the user may see, newest first: an applicant's own organisation's, a working group's region's.</summary>
    public async Task<IReadOnlyList<PilotProject>> MineAsync(CancellationToken cancellationToken = default)
    {
        var grants = await current.GrantsAsync(cancellationToken);
        var organisations = grants.Where(g => g.Role == Role.Applicant && g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
        return await db.Projects.AsNoTracking().Where(p => organisations.Contains(p.LeadOrganisationId))
            .OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<Result<ApplicationView>> GetAsync(Guid projectId, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.View))
        {
            return Problems.Forbidden;
        }

        var grants = await current.GrantsAsync(cancellationToken);

        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => v.ProjectId == projectId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var shown = versions.SingleOrDefault(v => v.Number == (versionNumber ?? project.ApplicationVersion));
        if (shown is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ProjectId == projectId && a.VersionNumber == shown.Number)
            .OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var canEdit = grants.CanEditApplication(project) && shown.Number == project.ApplicationVersion && !shown.Frozen;
        var submitAs = ProjectPolicy.AvailableTriggers(project, grants)
            .Where(t => t is ProjectTrigger.Submit or ProjectTrigger.Resubmit).Select(t => (ProjectTrigger?)t).FirstOrDefault();
        var materials = await db.Calls.AsNoTracking().Where(c => c.Id == project.CallId).Select(c => c.Materials).SingleAsync(cancellationToken);
        return new ApplicationView(project, shown, versions, attachments, canEdit, submitAs) { Materials = materials };
    }

    /// <summary>Field and file differences between two versions of an application its reader may see.</summary>
    public async Task<Result<VersionDiff>> DiffAsync(Guid projectId, int from, int to, CancellationToken cancellationToken = default)
    {
        var before = await GetAsync(projectId, from, cancellationToken);
        var after = await GetAsync(projectId, to, cancellationToken);
        if (!before.Succeeded || !after.Succeeded)
        {
            return Result<VersionDiff>.Fail([.. (before.Errors ?? []).Concat(after.Errors ?? []).DistinctBy(e => e.Code)]);
        }

        return new VersionDiff(
            ApplicationDiff.Between(before.Value.Current.Form, after.Value.Current.Form),
            AttachmentDiff.Between([.. before.Value.Attachments.Select(a => a.Fact)], [.. after.Value.Attachments.Select(a => a.Fact)]));
    }

    /// <summary>
    /// Saves the open version as it is, complete or not, against the <paramref name="expected"/>
    /// concurrency value the editor started from; a save over someone else's newer one is refused.
    /// </summary>
    public async Task<Result<ApplicationVersionRecord>> SaveDraftAsync(Guid projectId, ApplicationForm form, Guid expected, CancellationToken cancellationToken = default)
    {
        var (project, version, error) = await LoadEditableAsync(projectId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (version!.Concurrency != expected)
        {
            return new Error(ApplicationErrors.ChangedByAnother);
        }

        var errors = ApplicationRules.Limits(form).Concat(await ReferenceErrorsAsync(form, project!, cancellationToken)).ToList();
        if (errors.Count > 0)
        {
            return Result<ApplicationVersionRecord>.Fail([.. errors]);
        }

        if (!string.IsNullOrWhiteSpace(form.Name) && form.Category is { } category)
        {
            var described = project!.Describe(form.Name, category);
            if (!described.Succeeded)
            {
                return Result<ApplicationVersionRecord>.Fail([.. described.Errors]);
            }
        }

        version.Save(form, clock.GetUtcNow(), current.Id!);
        return await commands.SaveAsync(version, ApplicationErrors.ChangedByAnother, cancellationToken,
            AuditLines.Project(AuditActions.ApplicationSaved, projectId, project!.RegionId, new { version = version.Number }));
    }

    /// <summary>申报 (or the answer to 补正): every missing item is reported at once; a complete version is frozen.</summary>
    public async Task<Result> SubmitAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var (project, version, error) = await LoadEditableAsync(projectId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var form = version!.Form;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == project!.CallId, cancellationToken);
        var labelled = await db.Attachments.Where(a => a.ProjectId == projectId && a.VersionNumber == version.Number).Select(a => a.Material).ToListAsync(cancellationToken);
        var missing = ApplicationRules.Missing(form).Concat(ApplicationRules.Limits(form)).Concat(RequiredMaterials.Missing(call.Materials, labelled)).ToList();
        if (missing.Count > 0)
        {
            return Result.Fail(missing);
        }

        var now = clock.GetUtcNow();
        var resubmission = project!.Stage == ProjectStage.ReturnedForSupplement;
        var moved = resubmission ? project.Resubmit(now, current.Id!) : project.Submit(now, current.Id!, call.ClosesAt);
        if (!moved.Succeeded)
        {
            return moved;
        }

        version.Freeze(now);
        await InviteNewPartnersAsync(project, form, now, cancellationToken);
        var workingGroup = await db.UserIdsWithAsync(Role.RegionalWorkingGroup, project.RegionId, null, cancellationToken);
        // A resubmission after 补正 is named as such: the working group screens it again, against what it asked for.
        notifier.Enqueue(workingGroup, resubmission ? NotificationKind.ApplicationResubmitted : NotificationKind.ApplicationSubmitted, $"/screening/{project.Id}",
            new Dictionary<string, string> { ["title"] = project.Title, ["call"] = call.Title });
        return await commands.SaveAsync(ApplicationErrors.ChangedByAnother, cancellationToken);
    }

    public async Task<Result> WithdrawAsync(Guid projectId, string reason, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.Move(ProjectTrigger.Withdraw)))
        {
            return Problems.Forbidden;
        }

        var moved = project.Withdraw(clock.GetUtcNow(), current.Id!, reason);
        if (!moved.Succeeded)
        {
            return moved;
        }

        return await commands.SaveAsync(ApplicationErrors.ChangedByAnother, cancellationToken);
    }

    /// <summary>The lead applicant accepts the conditions the coordination group attached to its approval; admission waits for this.</summary>
    public async Task<Result> ConfirmConditionsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new Error(ApplicationErrors.NotFound);
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.ConfirmConditions))
        {
            return Problems.Forbidden;
        }

        var confirmed = project.ConfirmConditions(clock.GetUtcNow(), current.Id!);
        if (!confirmed.Succeeded)
        {
            return confirmed;
        }

        return await commands.SaveAsync(ApplicationErrors.ChangedByAnother, cancellationToken);
    }

    private async Task InviteNewPartnersAsync(PilotProject project, ApplicationForm form, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invited = await db.PartnerInvitations.Where(i => i.ProjectId == project.Id).Select(i => i.Email).ToListAsync(cancellationToken);
        foreach (var email in form.InvitedPartnerEmails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(e => !invited.Contains(e, StringComparer.OrdinalIgnoreCase)))
        {
            db.PartnerInvitations.Add(PartnerInvitation.For(project.Id, email, current.Id!, now));
        }
    }

    internal async Task<(PilotProject? Project, ApplicationVersionRecord? Version, Error? Error)> LoadEditableAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return (null, null, new Error(ApplicationErrors.NotFound));
        }

        if (!await commands.AllowsAsync(project, ProjectOperations.EditApplication))
        {
            return (null, null, Problems.Forbidden);
        }

        if (!project.CanEditApplication)
        {
            return (null, null, new Error(ApplicationErrors.NotEditable));
        }

        var version = await db.ApplicationVersions.SingleAsync(v => v.ProjectId == projectId && v.Number == project.ApplicationVersion, cancellationToken);
        return (project, version, null);
    }

    private async Task<IEnumerable<Error>> ReferenceErrorsAsync(ApplicationForm form, PilotProject project, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var active = await db.ReferenceItems.AsNoTracking().Where(r => r.Active).Select(r => new { r.Kind, r.Code }).ToListAsync(cancellationToken);
        if (form.Scenarios.Any(s => !active.Contains(new { Kind = ReferenceKind.Scenario, Code = s })))
        {
            errors.Add(new Error(ApplicationErrors.UnknownScenario, nameof(form.Scenarios)));
        }

        if (form.Technologies.Any(t => !active.Contains(new { Kind = ReferenceKind.Technology, Code = t })))
        {
            errors.Add(new Error(ApplicationErrors.UnknownTechnology, nameof(form.Technologies)));
        }

        if (form.PartnerOrganisationIds.Contains(project.LeadOrganisationId))
        {
            errors.Add(new Error(ApplicationErrors.PartnerIsLead, nameof(form.PartnerOrganisationIds)));
        }

        var partners = form.PartnerOrganisationIds.Distinct().ToList();
        if (partners.Count > 0 && await db.Organisations.CountAsync(o => partners.Contains(o.Id), cancellationToken) != partners.Count)
        {
            errors.Add(new Error(ApplicationErrors.UnknownPartner, nameof(form.PartnerOrganisationIds)));
        }

        return errors;
    }
}
