using FinPilot.Domain.Common;
using FinPilot.Domain.Evaluation;
using FinPilot.Domain.Exit;
using FinPilot.Domain.Projects;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Exit;

/// <summary>退出 over HTTP: applications, the self-assessment and checklist, the audit, the expert opinion, the forward, the tier and the agenda.</summary>
public static class ExitsApi
{
    /// <summary>An exit as the caller may read it, with what the caller may do now.</summary>
    public sealed record ExitDto(
        Guid Id, Guid ProjectId, string ProjectTitle, int RegionId, ExitMode Mode, ExitStatus Status, string Reasons, string? TransitionPlan, DateTimeOffset OpenedAt,
        ExitSelfAssessment? SelfAssessment, IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<ChecklistItemKind> MissingChecklistItems,
        IReadOnlyList<ExitQuestion> Questions, ExitAllowed Allowed, Guid Version)
    {
        public string? AuditNote { get; init; }

        public ExitReview? Review { get; init; }

        public ExitReviewSummary? ReviewSummary { get; init; }

        public string? ForwardNote { get; init; }

        public TierProposal? Proposal { get; init; }

        public TierDecision? TierDecision { get; init; }

        public ExitTier? Tier { get; init; }

        public Guid? MeetingId { get; init; }

        public Guid? AgendaItemId { get; init; }

        public DateTimeOffset? ExitedAt { get; init; }

        public static ExitDto From(ExitView view)
        {
            ArgumentNullException.ThrowIfNull(view);
            var c = view.Case;
            return new(c.Id, c.ProjectId, view.ProjectTitle, c.RegionId, c.Mode, c.Status, c.Reasons, c.TransitionPlan, c.OpenedAt, c.SelfAssessment, c.Checklist,
                c.MissingChecklistItems, c.Questions, view.Allowed, c.Version)
            {
                AuditNote = c.AuditNote,
                Review = view.Review,
                ReviewSummary = view.ReviewSummary,
                ForwardNote = c.ForwardNote,
                Proposal = c.Proposal,
                TierDecision = c.TierDecision,
                Tier = c.Tier,
                MeetingId = c.MeetingId,
                AgendaItemId = c.AgendaItemId,
                ExitedAt = c.ExitedAt,
            };
        }
    }

    public sealed record VersionRequest(Guid Version);

    public sealed record SelfAssessmentRequest
    {
        public ExitSelfAssessment? Assessment { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record ChecklistRequest
    {
        public bool Done { get; init; }

        public string? Evidence { get; init; }

        public string? FileSha256 { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record TextRequest(string? Text, Guid Version);

    public sealed record AssignRequest(string? ExpertUserId, Guid Version);

    public sealed record SheetRequest
    {
        public IReadOnlyList<ExitCriterionScore>? Scores { get; init; }

        public Recommendation? Recommendation { get; init; }

        public string? Opinion { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record TierRequest
    {
        public ExitTier Tier { get; init; }

        public string? Reason { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record AgendaRequest(Guid MeetingId);

    public static IEndpointRouteBuilder MapExitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/exits", "Exit");
        group.MapGet("/", (int? regionId, ExitStatus? status, ExitMode? mode, int? page, int? pageSize, ExitQueries q, CancellationToken ct) =>
                q.ListAsync(new ExitFilter(regionId, status, mode, page, pageSize), ct).ToHttp(TypedResults.Ok))
            .WithName("ListExits").WithSummary("The exit queue the caller may see (own organisation's, own region's, or all for the coordination group and integrity officers), newest first, paged.");
        group.MapGet("/{id:guid}", async (Guid id, ExitQueries q, CancellationToken ct) => (await q.GetAsync(id, ct)).ToHttp(v => TypedResults.Ok(ExitDto.From(v))))
            .WithName("GetExit").WithSummary("An exit: its mode, step, self-assessment, checklist, questions, expert opinion, tier proposal and decision.");
        group.MapPost("/projects/{projectId:guid}", async (Guid projectId, ExitApplication application, ExitService s, ExitQueries q, CancellationToken ct) =>
            {
                var applied = await s.ApplyAsync(projectId, application, ct);
                return applied.Succeeded
                    ? (await q.GetAsync(applied.Value.Id, ct)).ToHttp(v => TypedResults.Created($"/api/v1/exits/{v.Case.Id}", ExitDto.From(v)))
                    : Problems.From(applied.Errors);
            })
            .WithName("ApplyForExit")
            .WithSummary("The lead institution applies for completion (Completed) or withdraws early (Withdrawn: reasons, customer transition plan, Confirmed = true); the pilot moves to exiting.");
        group.MapPut("/{id:guid}/self-assessment", (Guid id, SelfAssessmentRequest r, ExitService s, ExitQueries q, CancellationToken ct) =>
                Then(s.SaveSelfAssessmentAsync(id, r.Assessment ?? new ExitSelfAssessment(), r.Version, ct), q, ct))
            .WithName("SaveExitSelfAssessment").WithSummary("The institution saves its self-assessment (自测自评); the metrics summary is computed from the pilot's metric series.");
        group.MapPut("/{id:guid}/checklist/{kind}", (Guid id, ChecklistItemKind kind, ChecklistRequest r, ExitService s, ExitQueries q, CancellationToken ct) =>
                Then(s.RecordChecklistItemAsync(id, kind, r.Done, r.Evidence, r.FileSha256, r.Version, ct), q, ct))
            .WithName("RecordExitChecklistItem").WithSummary("The institution records one customer-protection checklist item, done with its evidence (text, optionally a stored file's SHA-256).");
        group.MapPost("/{id:guid}/submit", (Guid id, VersionRequest r, ExitService s, ExitQueries q, CancellationToken ct) => Then(s.SubmitAsync(id, r.Version, ct), q, ct))
            .WithName("SubmitExitForAudit").WithSummary("The institution submits for the working group's audit; refused while the checklist is incomplete or a question is unanswered.");
        group.MapPost("/{id:guid}/questions/{number:int}/answer", (Guid id, int number, TextRequest r, ExitService s, ExitQueries q, CancellationToken ct) =>
                Then(s.AnswerAsync(id, number, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("AnswerExitQuestion").WithSummary("The institution answers a question the working group sent back.");
        group.MapPost("/{id:guid}/questions", (Guid id, TextRequest r, ExitService s, ExitQueries q, CancellationToken ct) => Then(s.AskAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("AskExitQuestion").WithSummary("The region's working group sends a question back at audit; the self-assessment re-opens and an answer is owed.");
        group.MapPost("/{id:guid}/accept", (Guid id, TextRequest r, ExitService s, ExitQueries q, CancellationToken ct) => Then(s.AcceptAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("AcceptExitAudit").WithSummary("The region's working group accepts the self-assessment and the checklist (审核通过); the expert opinion is next.");
        group.MapPost("/{id:guid}/review", (Guid id, VersionRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) => Then(s.StartAsync(id, r.Version, ct), q, ct))
            .WithName("StartExitReview").WithSummary("The region's working group starts the exit expert opinion (专家论证).");
        group.MapPost("/{id:guid}/review/reviewers", (Guid id, AssignRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) =>
                Then(s.AssignAsync(id, r.ExpertUserId ?? string.Empty, r.Version, ct), q, ct))
            .WithName("AssignExitReviewer").WithSummary("Assigns an expert of the pool; refused when the expert conflicts with the pilot's lead or partners (回避).");
        group.MapPost("/{id:guid}/review/sheet", (Guid id, SheetRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) =>
                Then(s.SubmitAsync(id, new ExitSheetInput { Scores = r.Scores ?? [], Recommendation = r.Recommendation, Opinion = r.Opinion }, r.Version, ct), q, ct))
            .WithName("SubmitExitReview")
            .WithSummary("An assigned expert scores the exit once on the exit rubric (the four dimensions and the supervision record, 1–10 each, with comments), a recommendation and an opinion.");
        group.MapPost("/{id:guid}/forward", (Guid id, TextRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) => Then(s.ForwardAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("ForwardExit").WithSummary("The region's working group forwards the reviewed exit, with its view; the tier formula proposes the tier from the record.");
        group.MapPost("/{id:guid}/agenda", (Guid id, AgendaRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) => Then(s.ScheduleAsync(id, r.MeetingId, ct), q, ct))
            .WithName("PutExitOnAgenda").WithSummary("The coordination group puts a forwarded exit on a meeting's agenda as an Exit item; its resolution confirms the exit and the tier.");
        group.MapPost("/{id:guid}/tier", (Guid id, TierRequest r, ExitReviewService s, ExitQueries q, CancellationToken ct) =>
                Then(s.DecideTierAsync(id, r.Tier, r.Reason, r.Version, ct), q, ct))
            .WithName("DecideExitTier").WithSummary("The coordination group confirms the proposed tier or overrides it; an override needs a reason.");
        return app;
    }

    private static async Task<Results<Ok<ExitDto>, ProblemHttpResult>> Then(Task<Result<ExitCase>> act, ExitQueries q, CancellationToken ct)
    {
        var done = await act;
        return done.Succeeded ? (await q.GetAsync(done.Value.Id, ct)).ToHttp(v => TypedResults.Ok(ExitDto.From(v))) : Problems.From(done.Errors);
    }
}
