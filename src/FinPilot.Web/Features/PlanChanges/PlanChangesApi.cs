using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Http;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>方案变更 over HTTP: requests, routing, decisions, the coordination group's agenda, and a pilot's parameter history.</summary>
public static class PlanChangesApi
{
    /// <summary>A change: the current and proposed parameters side by side, the fields that differ, the route and why, and what the caller may do.</summary>
    public sealed record PlanChangeDto(
        Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, TestParameters Current, TestParameters Proposed, IReadOnlyList<PlanField> ChangedFields,
        string Reason, DateOnly EffectiveOn, ChangeRoute Route, IReadOnlyList<RouteReason> RouteReasons, PlanChangeStatus Status, DateTimeOffset RequestedAt,
        Guid? MeetingId, Guid? AgendaItemId, DateTimeOffset? DecidedAt, string? DecisionNote, DateTimeOffset? AppliedAt, int? AppliedRevision,
        PlanChangeAllowed Allowed, Guid Version)
    {
        /// <summary>The expert review of a major change (every sheet for staff; an expert sees only their own); null until started.</summary>
        public ExpertReview? Review { get; init; }

        /// <summary>The review's averages per criterion and its votes; not shown to experts.</summary>
        public ReviewSummary? ReviewSummary { get; init; }

        public DateTimeOffset? ForwardedAt { get; init; }

        public string? ForwardNote { get; init; }

        /// <summary>The plan's active metrics when requested, and the proposed set (null on requests made before metrics could be proposed).</summary>
        public IReadOnlyList<MetricDefinition>? CurrentMetrics { get; init; }

        public IReadOnlyList<MetricDefinition>? ProposedMetrics { get; init; }

        public static PlanChangeDto From(PlanChangeView view)
        {
            ArgumentNullException.ThrowIfNull(view);
            var c = view.Change;
            return new(c.Id, c.ProjectId, view.ProjectTitle, c.RegionId, c.Current, c.Proposed, c.ChangedFields, c.Reason, c.EffectiveOn, c.Route, c.RouteReasons,
                c.Status, c.RequestedAt, c.MeetingId, c.AgendaItemId, c.DecidedAt, c.DecisionNote, c.AppliedAt, c.AppliedRevision, view.Allowed, c.Version)
            {
                Review = view.Review,
                ReviewSummary = view.ReviewSummary,
                ForwardedAt = c.ForwardedAt,
                ForwardNote = c.ForwardNote,
                CurrentMetrics = c.CurrentMetrics,
                ProposedMetrics = c.ProposedMetrics,
            };
        }
    }

    public sealed record PreviewDto(TestParameters Current, TestParameters Proposed, IReadOnlyList<PlanField> ChangedFields, ChangeRoute Route, IReadOnlyList<RouteReason> RouteReasons,
        int MinorMaxExtensionMonths)
    {
        public IReadOnlyList<MetricDefinition> CurrentMetrics { get; init; } = [];

        public IReadOnlyList<MetricDefinition> ProposedMetrics { get; init; } = [];
    }

    public sealed record VersionRequest(Guid Version);

    public sealed record DecisionRequest(bool Approve, string? Note, Guid Version);

    public sealed record AgendaRequest(Guid MeetingId, string? WorkingGroupView);

    public sealed record AssignRequest(string? ExpertUserId, Guid Version);

    public sealed record SheetRequest
    {
        public IReadOnlyList<CriterionScore>? Scores { get; init; }

        public FinPilot.Domain.Evaluation.Recommendation? Recommendation { get; init; }

        public string? Opinion { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record ForwardRequest(string? View, Guid Version);

    public static IEndpointRouteBuilder MapPlanChangesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/plan-changes", "PlanChanges");
        group.MapGet("/", (Guid? projectId, int? regionId, PlanChangeStatus? status, int? page, int? pageSize, PlanChangeQueries q, CancellationToken ct) =>
                q.ListAsync(new PlanChangeFilter(projectId, regionId, status, page, pageSize), ct).ToHttp(TypedResults.Ok))
            .WithName("ListPlanChanges").WithSummary("Plan changes the caller may see (own organisation's, own region's, or all for the coordination group and integrity officers), newest first, paged.");
        group.MapGet("/{id:guid}", async (Guid id, PlanChangeQueries q, CancellationToken ct) => (await q.GetAsync(id, ct)).ToHttp(v => TypedResults.Ok(PlanChangeDto.From(v))))
            .WithName("GetPlanChange").WithSummary("A change: current and proposed parameters field by field, its route and why, its decision.");
        group.MapGet("/projects/{projectId:guid}", (Guid projectId, PlanChangeQueries q, CancellationToken ct) => q.PilotAsync(projectId, ct).ToHttp(TypedResults.Ok))
            .WithName("GetPilotPlanParameters").WithSummary("A pilot's parameters in force and their history (one row per plan revision).");
        group.MapPost("/projects/{projectId:guid}/preview", (Guid projectId, ChangeProposal proposal, PlanChangeService s, CancellationToken ct) =>
                s.PreviewAsync(projectId, proposal, ct).ToHttp(p => TypedResults.Ok(new PreviewDto(p.Current, p.Proposed, p.ChangedFields, p.Routing.Route, p.Routing.Reasons,
                    s.Rules.MinorMaxExtensionMonths)
                { CurrentMetrics = p.CurrentMetrics, ProposedMetrics = p.ProposedMetrics })))
            .WithName("PreviewPlanChange").WithSummary("What a proposal would change and who would decide it (minor: the working group; major: the coordination group), and why; nothing is saved.");
        group.MapPost("/projects/{projectId:guid}", async (Guid projectId, ChangeProposal proposal, PlanChangeService s, PlanChangeQueries q, CancellationToken ct) =>
            {
                var requested = await s.RequestAsync(projectId, proposal, ct);
                return requested.Succeeded
                    ? (await q.GetAsync(requested.Value.Id, ct)).ToHttp(v => TypedResults.Created($"/api/v1/plan-changes/{v.Change.Id}", PlanChangeDto.From(v)))
                    : Problems.From(requested.Errors);
            })
            .WithName("RequestPlanChange").WithSummary(
                "The lead institution requests a change with the full proposed parameters, a reason and an effective date; partnerOrganisationIds, technologyCodes "
                + "(reference-list codes) and metrics (the whole proposed set) are optional, null keeping the current ones. It is routed at once.");
        group.MapPost("/{id:guid}/withdraw", (Guid id, VersionRequest r, PlanChangeService s, PlanChangeQueries q, CancellationToken ct) => Then(s.WithdrawAsync(id, r.Version, ct), q, ct))
            .WithName("WithdrawPlanChange").WithSummary("The institution takes back a change not yet decided nor on an agenda.");
        group.MapPost("/{id:guid}/decision", (Guid id, DecisionRequest r, PlanChangeService s, PlanChangeQueries q, CancellationToken ct) =>
                Then(s.DecideAsync(id, r.Approve, r.Note ?? string.Empty, r.Version, ct), q, ct))
            .WithName("DecidePlanChange").WithSummary("The region's working group approves or rejects a minor change with its reasons.");
        group.MapPost("/{id:guid}/agenda", (Guid id, AgendaRequest r, PlanChangeService s, PlanChangeQueries q, CancellationToken ct) =>
                Then(s.ScheduleAsync(id, r.MeetingId, r.WorkingGroupView ?? string.Empty, ct), q, ct))
            .WithName("PutPlanChangeOnAgenda")
            .WithSummary("The coordination group puts a forwarded major change on a meeting's agenda, with the working group's view and the expert review's summary; the item's resolution decides it.");
        group.MapPost("/{id:guid}/review", (Guid id, VersionRequest r, PlanChangeReviewService s, PlanChangeQueries q, CancellationToken ct) => Then(s.StartAsync(id, r.Version, ct), q, ct))
            .WithName("StartPlanChangeReview").WithSummary("The region's working group (or the evaluation secretariat) starts the expert review of a major change; its deadline is an obligation.");
        group.MapPost("/{id:guid}/review/reviewers", (Guid id, AssignRequest r, PlanChangeReviewService s, PlanChangeQueries q, CancellationToken ct) =>
                Then(s.AssignAsync(id, r.ExpertUserId ?? string.Empty, r.Version, ct), q, ct))
            .WithName("AssignPlanChangeReviewer").WithSummary("Assigns an expert of the pool to the review; refused when the expert conflicts with the pilot's lead or partners (回避).");
        group.MapPost("/{id:guid}/review/sheet", (Guid id, SheetRequest r, PlanChangeReviewService s, PlanChangeQueries q, CancellationToken ct) =>
                Then(s.SubmitAsync(id, new ReviewSheetInput { Scores = r.Scores ?? [], Recommendation = r.Recommendation, Opinion = r.Opinion }, r.Version, ct), q, ct))
            .WithName("SubmitPlanChangeReview")
            .WithSummary("An assigned expert scores the change once on the change rubric (necessity, risk control, consumer protection, feasibility; 1–10 each, with comments), a recommendation and an opinion.");
        group.MapPost("/{id:guid}/review/forward", (Guid id, ForwardRequest r, PlanChangeReviewService s, PlanChangeQueries q, CancellationToken ct) =>
                Then(s.ForwardAsync(id, r.View ?? string.Empty, r.Version, ct), q, ct))
            .WithName("ForwardPlanChange").WithSummary("The region's working group forwards a change whose review is complete, with its view, to the coordination group.");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PlanChangeDto>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> Then(
        Task<FinPilot.Domain.Common.Result<PlanChange>> act, PlanChangeQueries q, CancellationToken ct)
    {
        var done = await act;
        return done.Succeeded ? (await q.GetAsync(done.Value.Id, ct)).ToHttp(v => TypedResults.Ok(PlanChangeDto.From(v))) : Problems.From(done.Errors);
    }
}
