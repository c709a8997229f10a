using FinPilot.Domain.Common;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>公示 over HTTP: the working group manages notices; anyone reads published ones and comments or objects.</summary>
public static class NoticesApi
{
    public sealed record NoticeDto(
        Guid Id, int RegionId, string Title, string BodyText, string Contact, int PeriodWorkingDays, NoticeStatus Status,
        DateTimeOffset? PublishedAt, DateOnly? EndsOn, DateTimeOffset? EndsAt, IReadOnlyList<ListingDto> Projects, IReadOnlyList<ResponseDto> Responses, Guid Version)
    {
        /// <summary>
        /// The public sees only the responses the working group released, and never who commented
        /// or objected, nor how to reach them.
        /// </summary>
        public static NoticeDto From(PublicNotice n, bool staff) => new(
            n.Id, n.RegionId, n.Title, n.BodyText, n.Contact, n.PeriodWorkingDays, n.Status, n.PublishedAt, n.EndsOn, n.EndsAt,
            n.Listings.Select(l => new ListingDto(l.Summary, l.Status, l.DecidedAt, l.Reason)).ToList(),
            (staff ? n.Responses : n.ReleasedResponses).Select(r => new ResponseDto(
                r.Id, r.Kind, r.ProjectId, r.Text, staff ? r.Name : null, staff ? r.Contact : null, r.SubmittedAt, r.Reply?.Text, r.Reply?.At,
                r.Resolution?.Outcome, r.Resolution?.Note, r.ReleasedAt)).ToList(),
            n.Version);
    }

    public sealed record ListingDto(PublicProjectSummary Summary, ListingStatus Status, DateTimeOffset? DecidedAt, string? Reason);

    public sealed record ResponseDto(
        Guid Id, PublicResponseKind Kind, Guid? ProjectId, string Text, string? Name, string? Contact, DateTimeOffset SubmittedAt,
        string? Answer, DateTimeOffset? AnsweredAt, ObjectionOutcome? Outcome, string? ResolutionNote, DateTimeOffset? ReleasedAt);

    public sealed record NoticeRequest(int RegionId, PublicNoticeContent Content);

    public sealed record ContentRequest(PublicNoticeContent Content, Guid Version);

    public sealed record VersionRequest(Guid Version);

    public sealed record ReasonRequest(string Reason, Guid Version);

    public sealed record AnswerRequest(string Text);

    public sealed record ResolveRequest(ObjectionOutcome Outcome, string Note);

    /// <summary>A public comment or objection: <c>FormToken</c> comes from <c>GET …/form-token</c>; <c>Website</c> is the honeypot and must stay empty.</summary>
    public sealed record ResponseRequest(PublicResponseKind Kind, Guid? ProjectId, string Text, string? Name, string? Contact, string? FormToken, string? Website);

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapApiGroup("/notices/manage", "Public notices");
        manage.MapGet("/", async (NoticeService s, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<NoticeDto>>((await s.ManagedAsync(ct)).Select(n => NoticeDto.From(n, staff: true)).ToList()))
            .WithName("ListManagedNotices").WithSummary("The notices of the caller's regions, drafts included.");
        manage.MapGet("/candidates/{regionId:int}", Candidates).WithName("NoticeCandidates")
            .WithSummary("The region's approved projects not yet on a live notice, with summaries drafted from their applications.");
        manage.MapPost("/", Create).WithName("CreateNotice").WithSummary("Draft a notice for approved projects.");
        manage.MapPut("/{id:guid}", (Guid id, ContentRequest r, NoticeService s, CancellationToken ct) => s.UpdateDraftAsync(id, r.Content, r.Version, ct).ToHttp())
            .WithName("UpdateNotice").WithSummary("Change a draft notice.");
        manage.MapPost("/{id:guid}/publish", (Guid id, VersionRequest r, NoticeService s, CancellationToken ct) => s.PublishAsync(id, r.Version, ct).ToHttp())
            .WithName("PublishNotice").WithSummary("Publish: the period in working days starts the next day.");
        manage.MapPost("/{id:guid}/withdraw", (Guid id, ReasonRequest r, NoticeService s, CancellationToken ct) => s.WithdrawAsync(id, r.Reason, r.Version, ct).ToHttp())
            .WithName("WithdrawNotice").WithSummary("Withdraw a draft, or a published notice none of whose projects was admitted.");
        manage.MapPost("/{id:guid}/responses/{responseId:guid}/answer", (Guid id, Guid responseId, AnswerRequest r, NoticeService s, CancellationToken ct) =>
                s.AnswerAsync(id, responseId, r.Text, ct).ToHttp())
            .WithName("AnswerResponse").WithSummary("Answer a comment or objection (published with the notice).");
        manage.MapPost("/{id:guid}/responses/{responseId:guid}/resolve", (Guid id, Guid responseId, ResolveRequest r, NoticeService s, CancellationToken ct) =>
                s.ResolveAsync(id, responseId, r.Outcome, r.Note, ct).ToHttp())
            .WithName("ResolveObjection").WithSummary("Record how an objection was resolved; upheld sends the project back to deliberation.");
        manage.MapPost("/{id:guid}/responses/{responseId:guid}/release", (Guid id, Guid responseId, NoticeService s, CancellationToken ct) =>
                s.ReleaseAsync(id, responseId, ct).ToHttp())
            .WithName("ReleaseResponse").WithSummary("Show a comment or objection on the public notice (its text, answer and resolution; never the sender's name or contact).");

        var open = app.MapGroup("/api/v1/notices").WithTags("Public notices").AllowAnonymous().DisableAntiforgery();
        open.MapGet("/", async (NoticeService s, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<NoticeDto>>((await s.PublishedAsync(ct)).Select(n => NoticeDto.From(n, staff: false)).ToList()))
            .WithName("ListNotices").WithSummary("Published notices (anonymous).");
        open.MapGet("/{id:guid}", Get).WithName("GetNotice").WithSummary("One published notice with its projects and the responses the working group released.");
        open.MapGet("/form-token", (PublicResponses r) => TypedResults.Ok(new { token = r.IssueFormToken() }))
            .WithName("NoticeFormToken").WithSummary("A signed timestamp to send with a comment or objection (at least 3 s, at most 2 h old).");
        open.MapPost("/{id:guid}/responses", Respond).WithName("RespondToNotice")
            .WithSummary("Comment (name and contact optional) or object (name and contact required) during the period; rate-limited.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<PublicProjectSummary>>, ProblemHttpResult>> Candidates(int regionId, NoticeService s, CancellationToken ct)
    {
        var found = await s.CandidatesAsync(regionId, ct);
        return found.ToHttp(value => TypedResults.Ok(value));
    }

    private static async Task<Results<Created<NoticeDto>, ProblemHttpResult>> Create(NoticeRequest r, NoticeService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(r.RegionId, r.Content, ct);
        return created.ToHttp(value => TypedResults.Created($"/api/v1/notices/{value.Id}", NoticeDto.From(value, staff: true)));
    }

    private static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> Get(Guid id, NoticeService s, HttpContext http, CancellationToken ct)
    {
        var found = await s.GetAsync(id, ct);
        return found.ToHttp(value => TypedResults.Ok(NoticeDto.From(value, staff: false)));
    }

    private static async Task<Results<Created<ResponseDto>, ProblemHttpResult>> Respond(
        Guid id, ResponseRequest r, PublicResponses responses, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var made = await responses.SubmitAsync(id, new PublicResponseForm(r.Kind, r.ProjectId, r.Text ?? string.Empty, r.Name, r.Contact), r.Website, r.FormToken,
            http.Connection.RemoteIpAddress?.ToString(), ct);
        if (!made.Succeeded)
        {
            if (made.Errors.FirstOrDefault(e => e.Code == DisclosureErrors.RateLimited) is not { } limited)
            {
                return Problems.From(made.Errors);
            }

            // The guard says from when a retry passes: a client that honours Retry-After is not refused again.
            if (limited.Arguments.OfType<DateTimeOffset>().FirstOrDefault() is var retryAt && retryAt > clock.GetUtcNow())
            {
                http.Response.Headers.RetryAfter = ((long)Math.Ceiling((retryAt - clock.GetUtcNow()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Resources.Strings.Problem_Error, detail: ErrorText.Describe(made.Errors[0]));
        }

        var x = made.Value;
        return TypedResults.Created($"/api/v1/notices/{id}", new ResponseDto(x.Id, x.Kind, x.ProjectId, x.Text, null, null, x.SubmittedAt, null, null, null, null, null));
    }
}
