using FinPilot.Domain.Common;
using FinPilot.Domain.Disposal;
using FinPilot.Domain.Projects;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Disposal;

/// <summary>风险处置 over HTTP: the contingency plan, and disposal cases with their actions.</summary>
public static class DisposalApi
{
    public sealed record CaseDto(
        Guid Id, Guid ProjectId, string ProjectTitle, ProjectStage ProjectStage, int RegionId, Guid OrganisationId, DisposalLevel Level, int PlanVersion,
        DisposalSource Source, Guid? SourceId, string Summary, int AffectedCustomers, DisposalCaseStatus Status, DateTimeOffset OpenedAt,
        IReadOnlyList<DisposalAction> Actions, IReadOnlyList<LevelChange> LevelChanges, IReadOnlyList<CustomerNotice> Notices, IReadOnlyList<CompensationEntry> Compensation,
        int CustomersNotified, int ClaimsReceived, decimal AmountPaid, int ClaimsClosed, DateTimeOffset? SuspendedAt, DateTimeOffset? ResumedAt,
        DateTimeOffset? TerminationProposedAt, string? TerminationReason, Guid? TerminationMeetingId, Guid? TerminationAgendaItemId, DateTimeOffset? ClosedAt,
        string? Conclusion, Guid Version)
    {
        /// <summary>The compensation arrangement promised in the application (free text), beside the totals; null when none was written.</summary>
        public string? CompensationPromise { get; init; }

        public static CaseDto From(DisposalView v)
        {
            var c = v.Case;
            return new(
                c.Id, c.ProjectId, v.ProjectTitle, v.ProjectStage, c.RegionId, c.OrganisationId, c.Level, c.PlanVersionNumber, c.Source, c.SourceId, c.Summary,
                c.AffectedCustomers, c.Status, c.OpenedAt, c.Actions, c.LevelChanges, c.Notices, c.Compensation, c.CustomersNotified, c.ClaimsReceived, c.AmountPaid,
                c.ClaimsClosed, c.SuspendedAt, c.ResumedAt, c.TerminationProposedAt, c.TerminationReason, c.TerminationMeetingId, c.TerminationAgendaItemId, c.ClosedAt,
                c.Conclusion, c.Version)
            {
                CompensationPromise = v.CompensationPromise,
            };
        }
    }

    public sealed record PlanDto(Guid Id, int Number, DateTimeOffset PublishedAt, string Note, IReadOnlyList<ContingencyLevel> Levels)
    {
        public static PlanDto From(ContingencyPlanVersion v) => new(v.Id, v.Number, v.PublishedAt, v.Note, v.Levels);
    }

    public sealed record OpenRequest
    {
        public DisposalLevel Level { get; init; }

        public DisposalSource Source { get; init; }

        public Guid? SourceId { get; init; }

        public string? Summary { get; init; }

        public int AffectedCustomers { get; init; }
    }

    /// <summary>A step with a reason (raising, suspending, resuming, waiving, proposing) or a conclusion (closing); send the version you read.</summary>
    public sealed record StepRequest
    {
        public string? Reason { get; init; }

        public Guid Version { get; init; }
    }

    /// <summary>Confirming a proposed case: how many customers are affected, and the version you read.</summary>
    public sealed record ConfirmRequest
    {
        public int AffectedCustomers { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record RaiseRequest
    {
        public DisposalLevel Level { get; init; }

        public string? Reason { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record NoticeRequest
    {
        public NoticeChannel Channel { get; init; }

        public int Count { get; init; }

        /// <summary>The day the notices went out (Beijing); today when not given.</summary>
        public DateOnly? SentOn { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record CompensationRequest
    {
        public int ClaimsReceived { get; init; }

        public decimal AmountPaid { get; init; }

        public int ClaimsClosed { get; init; }

        public string? Note { get; init; }

        public Guid Version { get; init; }
    }

    /// <summary>The meeting to put a termination proposal on, and the scheduler's view for the item.</summary>
    public sealed record AgendaRequest
    {
        public Guid MeetingId { get; init; }

        public string? View { get; init; }
    }

    public sealed record PublishRequest
    {
        public IReadOnlyList<ContingencyLevel>? Levels { get; init; }

        public string? Note { get; init; }
    }

    public static IEndpointRouteBuilder MapDisposalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/disposal", "Disposal");
        group.MapGet("/plan", async (ContingencyPlans plans, CancellationToken ct) => (await plans.CurrentAsync(ct)).ToHttp(v => TypedResults.Ok(PlanDto.From(v))))
            .WithName("GetContingencyPlan").WithSummary("The overall contingency plan (试点风险总体处置预案) in force: levels I–IV, their triggers and required actions.");
        group.MapGet("/plan/versions", async (ContingencyPlans plans, CancellationToken ct) =>
                (await plans.VersionsAsync(ct)).ToHttp(v => TypedResults.Ok(v.Select(PlanDto.From).ToList())))
            .WithName("ListContingencyPlanVersions").WithSummary("Every version of the contingency plan, newest first.");
        group.MapPost("/plan/versions", PublishAsync)
            .WithName("PublishContingencyPlan").WithSummary("Admins and the coordination group publish a new version of the plan (each level I–IV once); cases opened from now on use it.");

        group.MapGet("/cases", ListAsync).WithName("ListDisposalCases")
            .WithSummary("Disposal cases the caller may see (own organisation's, own region's, or all for integrity officers, the coordination group and admins), newest first, paged.");
        group.MapPost("/projects/{id:guid}/cases", OpenAsync).WithName("OpenDisposalCase")
            .WithSummary("The region's working group opens a disposal case on an admitted pilot at a level (1 = I, the gravest, to 4 = IV); the level's actions form its checklist.");
        group.MapGet("/cases/{id:guid}", (Guid id, DisposalQueries q, Integrity.ReadAudit reads, CancellationToken ct) => reads.AfterAsync(q.GetAsync(id, ct), Domain.Integrity.IntegrityRecordKind.DisposalCase, v => (v.Case.Id.ToString(), v.Case.RegionId), ct).ToHttp(v => TypedResults.Ok(CaseDto.From(v))))
            .WithName("GetDisposalCase").WithSummary("One case with its checklist, notices, compensation and history.");
        group.MapPost("/cases/{id:guid}/confirm", (Guid id, ConfirmRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ConfirmAsync(id, r.AffectedCustomers, r.Version, ct), q, ct))
            .WithName("ConfirmProposedDisposalCase").WithSummary("The working group confirms a case the correction escalation ladder proposed: it opens at its level with the level's checklist.");
        group.MapPost("/cases/{id:guid}/dismiss", (Guid id, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.DismissAsync(id, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("DismissProposedDisposalCase").WithSummary("The working group dismisses a proposed case with its reason; it closes.");
        group.MapPost("/cases/{id:guid}/level", (Guid id, RaiseRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.RaiseLevelAsync(id, r.Level, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("RaiseDisposalLevel").WithSummary("The working group raises the case to a graver level; the new level's missing actions are added.");
        group.MapPost("/cases/{id:guid}/suspend", (Guid id, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.SuspendAsync(id, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("SuspendPilot").WithSummary("The working group suspends the pilot under the case (Running/Rectifying → Suspended); a public record on the timeline and in the ledger.");
        group.MapPost("/cases/{id:guid}/resume", (Guid id, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ResumeAsync(id, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("ResumePilot").WithSummary("The working group lifts the case's suspension (Suspended → Running); a public record on the timeline and in the ledger.");
        group.MapPost("/cases/{id:guid}/notices", (Guid id, NoticeRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.RecordNoticeAsync(id, r.Channel, r.Count, r.SentOn, r.Version, ct), q, ct))
            .WithName("RecordCustomerNotice").WithSummary("The institution records notices sent to affected customers; the action is done once all are covered.");
        group.MapPost("/cases/{id:guid}/compensation", (Guid id, CompensationRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.RecordCompensationAsync(id, r.ClaimsReceived, r.AmountPaid, r.ClaimsClosed, r.Note, r.Version, ct), q, ct))
            .WithName("RecordCompensation").WithSummary("The institution records claims received, amounts paid (yuan) and claims closed since its last entry.");
        group.MapPost("/cases/{id:guid}/actions/{kind}/complete", (Guid id, DisposalActionKind kind, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.CompleteActionAsync(id, kind, r.Reason, r.Version, ct), q, ct))
            .WithName("CompleteDisposalAction").WithSummary("The working group finds compensation complete (every claim closed); other actions are done by their own step.");
        group.MapPost("/cases/{id:guid}/actions/{kind}/waive", (Guid id, DisposalActionKind kind, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.WaiveActionAsync(id, kind, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("WaiveDisposalAction").WithSummary("The working group waives an open action, with a reason.");
        group.MapPost("/cases/{id:guid}/termination-proposal", (Guid id, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ProposeTerminationAsync(id, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("ProposeTermination").WithSummary("The working group proposes to the coordination group that the pilot be terminated; the exit issue carries out the resolution.");
        group.MapPost("/cases/{id:guid}/termination-agenda", (Guid id, AgendaRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ScheduleTerminationAsync(id, r.MeetingId, r.View ?? string.Empty, ct), q, ct))
            .WithName("ScheduleTerminationProposal")
            .WithSummary("The coordination group puts a proposed termination on a meeting's agenda (a TerminationProposal item: the case's level and reason as its view); once per case. The resolution is carried out by the exit path.");
        group.MapPost("/cases/{id:guid}/close", (Guid id, StepRequest r, DisposalCommands c, DisposalQueries q, CancellationToken ct) =>
                ThenGetAsync(c.CloseAsync(id, r.Reason ?? string.Empty, r.Version, ct), q, ct))
            .WithName("CloseDisposalCase").WithSummary("The working group closes the case with its conclusion (sent as reason); refused while any action is open.");
        return app;
    }

    private static async Task<Results<Created<PlanDto>, ProblemHttpResult>> PublishAsync(PublishRequest r, ContingencyPlans plans, CancellationToken ct)
    {
        var published = await plans.PublishAsync(r?.Levels ?? [], r?.Note ?? string.Empty, ct);
        return published.Succeeded
            ? TypedResults.Created("/api/v1/disposal/plan", PlanDto.From(published.Value))
            : Problems.From(published.Errors);
    }

    private static async Task<Results<Created<CaseDto>, ProblemHttpResult>> OpenAsync(Guid id, OpenRequest r, DisposalCommands commands, DisposalQueries queries, CancellationToken ct)
    {
        r ??= new OpenRequest();
        var opened = await commands.OpenAsync(id, new OpenCaseInput
        {
            Level = r.Level,
            Source = r.Source,
            SourceId = r.SourceId,
            Summary = r.Summary ?? string.Empty,
            AffectedCustomers = r.AffectedCustomers,
        }, ct);
        if (!opened.Succeeded)
        {
            return Problems.From(opened.Errors);
        }

        var view = await queries.GetAsync(opened.Value.Id, ct);
        return view.Succeeded
            ? TypedResults.Created($"/api/v1/disposal/cases/{opened.Value.Id}", CaseDto.From(view.Value))
            : Problems.From(view.Errors);
    }

    private static async Task<Results<Ok<Page<DisposalRow>>, ProblemHttpResult>> ListAsync(
        int? regionId, Guid? organisationId, Guid? projectId, DisposalCaseStatus? status, DisposalLevel? level, int? page, int? pageSize,
        DisposalQueries queries, CancellationToken ct)
    {
        if (level is { } l && !Enum.IsDefined(l))
        {
            return Problems.From([new Error(DisposalErrors.LevelInvalid, "level")]);
        }

        return (await queries.ListAsync(new DisposalFilter(regionId, organisationId, projectId, status, level, page, pageSize), ct)).ToHttp(TypedResults.Ok);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<DisposalCase>> change, DisposalQueries queries, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await queries.GetAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(CaseDto.From(v)))
            : Problems.From(changed.Errors);
    }
}
