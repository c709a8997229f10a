using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Calls;

public static class CallsApi
{
    public sealed record CorrectionDto(DateTimeOffset At, string Note, IReadOnlyList<string> ChangedFields);

    /// <param name="LedgerIndex">
    /// The call's newest public record (publication, correction or early close) in the ledger
    /// (<c>/api/v1/ledger/entries/{index}/proof</c>), once under a signed checkpoint; null before
    /// that, and for a draft.
    /// </param>
    public sealed record CallDto(
        Guid Id, int RegionId, int BatchNumber, string Title, string BodyHtml, IReadOnlyList<string> Directions,
        IReadOnlyList<OrganisationType> EligibleTypes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        IReadOnlyList<string> Materials, string Contact, CallStatus Status, bool IsOpen, DateTimeOffset? PublishedAt,
        DateTimeOffset? ClosedAt, DateTimeOffset? ArchivedAt, IReadOnlyList<CorrectionDto> Corrections, Guid Version, long? LedgerIndex)
    {
        public static CallDto From(Call c, DateTimeOffset now, long? ledgerIndex) => new(
            c.Id, c.RegionId, c.BatchNumber, c.Title, c.BodyHtml, c.Directions, c.EligibleTypes, c.OpensAt, c.ClosesAt,
            c.Materials, c.Contact, c.Status, c.IsOpenAt(now), c.PublishedAt, c.ClosedAt, c.ArchivedAt,
            c.Corrections.Select(r => new CorrectionDto(r.At, r.Note, r.ChangedFields)).ToList(), c.Version, ledgerIndex);
    }

    public sealed record CallSummaryDto(
        Guid Id, int RegionId, int BatchNumber, string Title, CallStatus Status, bool IsOpen,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? PublishedAt, Guid Version)
    {
        public static CallSummaryDto From(Call c, DateTimeOffset now) =>
            new(c.Id, c.RegionId, c.BatchNumber, c.Title, c.Status, c.IsOpenAt(now), c.OpensAt, c.ClosesAt, c.PublishedAt, c.Version);
    }

    /// <summary>A new draft; <c>bodyHtml</c> is sanitised before it is stored.</summary>
    public sealed record CallInput(
        int RegionId, int BatchNumber, string Title, string? BodyHtml, IReadOnlyList<string>? Directions,
        IReadOnlyList<OrganisationType>? EligibleTypes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        IReadOnlyList<string>? Materials, string? Contact)
    {
        public CallDetails Details => new(BatchNumber, Title, BodyHtml ?? string.Empty, Directions, EligibleTypes, OpensAt, ClosesAt, Materials, Contact);
    }

    /// <summary>A whole draft as it should now read, with the <c>version</c> it was made against.</summary>
    public sealed record CallUpdate(
        int BatchNumber, string Title, string? BodyHtml, IReadOnlyList<string>? Directions,
        IReadOnlyList<OrganisationType>? EligibleTypes, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        IReadOnlyList<string>? Materials, string? Contact, Guid Version)
    {
        public CallDetails Details => new(BatchNumber, Title, BodyHtml ?? string.Empty, Directions, EligibleTypes, OpensAt, ClosesAt, Materials, Contact);
    }

    /// <summary>A correction of a published call: only the fields to change, and the note readers will see.</summary>
    public sealed record CallCorrectionInput(CallChanges Changes, string Note, Guid Version);

    /// <summary>Optional body of publish, close and archive: the version the caller saw (stale gets 409).</summary>
    public sealed record CallTransition(Guid? Version);

    public sealed record SubscriptionDto(Guid OrganisationId, int RegionId, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        // Published calls are public record: reading needs no sign-in (a signed-in working group also sees its drafts).
        var open = app.MapGroup("/api/v1/calls").AllowAnonymous().DisableAntiforgery().WithTags("Calls");
        open.MapGet("/", Search).WithName("SearchCalls")
            .WithSummary("Calls, newest first, filtered by region, status, batch and title; drafts only for their working group.");
        open.MapGet("/{id:guid}", Get).WithName("GetCall")
            .WithSummary("One call with its revision history; a draft is not found unless the caller may see it.");

        var group = app.MapApiGroup("/calls", "Calls");
        group.MapPost("/", Create).WithName("CreateCall")
            .WithSummary("Draft a call for a region (its working group, or an administrator).");
        group.MapPut("/{id:guid}", Update).WithName("UpdateCall")
            .WithSummary("Change a draft; send the version you read, a stale one is refused with 409.");
        group.MapPost("/{id:guid}/publish", Publish).WithName("PublishCall")
            .WithSummary("Publish a complete draft and notify the applicants of subscribed organisations.");
        group.MapPost("/{id:guid}/corrections", Correct).WithName("CorrectCall")
            .WithSummary("Correct a published call: the changed fields and a note that is shown to readers.");
        group.MapPost("/{id:guid}/close", Close).WithName("CloseCall")
            .WithSummary("Close a published call now (calls also close by themselves at their close time).");
        group.MapPost("/{id:guid}/archive", Archive).WithName("ArchiveCall").WithSummary("Archive a closed call.");
        group.MapGet("/subscriptions", Subscriptions).WithName("ListCallSubscriptions")
            .WithSummary("Regions whose new calls the caller's organisations are told about.");
        group.MapPost("/subscriptions/{regionId:int}", Subscribe).WithName("SubscribeToCalls")
            .WithSummary("Tell the caller's organisation (or ?organisationId=) about the region's new calls.");
        group.MapDelete("/subscriptions/{regionId:int}", Unsubscribe).WithName("UnsubscribeFromCalls")
            .WithSummary("Stop telling the caller's organisation (or ?organisationId=) about the region's new calls.");
        return app;
    }

    private static async Task<Ok<Page<CallSummaryDto>>> Search(
        string? q, int? regionId, CallStatus? status, int? batch, int? page, int? pageSize,
        CallAdministration calls, TimeProvider clock, CancellationToken ct)
    {
        var found = await calls.SearchAsync(new CallQuery(q, regionId, status, batch, false, page, pageSize), ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<CallSummaryDto>(
            found.Items.Select(c => CallSummaryDto.From(c, now)).ToList(), found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Get(Guid id, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.GetAsync(id, ct), ledger, clock, ct);

    private static async Task<Results<Created<CallDto>, ProblemHttpResult>> Create(CallInput input, CallAdministration calls, TimeProvider clock, CancellationToken ct)
    {
        // A new draft has no public record yet.
        var result = await calls.CreateAsync(input.RegionId, input.Details, ct);
        return result.ToHttp(value => TypedResults.Created($"/api/v1/calls/{value.Id}", CallDto.From(value, clock.GetUtcNow(), null)));
    }

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Update(
        Guid id, CallUpdate input, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.UpdateDraftAsync(id, input.Details, input.Version, ct), ledger, clock, ct);

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Publish(
        Guid id, CallTransition? input, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.PublishAsync(id, input?.Version, ct), ledger, clock, ct);

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Correct(
        Guid id, CallCorrectionInput input, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.CorrectAsync(id, input.Changes ?? new CallChanges(), input.Note, input.Version, ct), ledger, clock, ct);

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Close(
        Guid id, CallTransition? input, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.CloseAsync(id, input?.Version, ct), ledger, clock, ct);

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Archive(
        Guid id, CallTransition? input, CallAdministration calls, LedgerReader ledger, TimeProvider clock, CancellationToken ct) =>
        await AnswerAsync(await calls.ArchiveAsync(id, input?.Version, ct), ledger, clock, ct);

    private static async Task<Ok<List<SubscriptionDto>>> Subscriptions(CallSubscriptions subscriptions, CancellationToken ct) =>
        TypedResults.Ok((await subscriptions.ListAsync(ct)).Select(s => new SubscriptionDto(s.OrganisationId, s.RegionId, s.CreatedAt)).ToList());

    private static async Task<Results<Ok<SubscriptionDto>, ProblemHttpResult>> Subscribe(int regionId, Guid? organisationId, CallSubscriptions subscriptions, CancellationToken ct)
    {
        var result = await subscriptions.SubscribeAsync(regionId, organisationId, ct);
        return result.ToHttp(value => TypedResults.Ok(new SubscriptionDto(value.OrganisationId, value.RegionId, value.CreatedAt)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(int regionId, Guid? organisationId, CallSubscriptions subscriptions, CancellationToken ct)
    {
        var result = await subscriptions.UnsubscribeAsync(regionId, organisationId, ct);
        return result.ToHttp();
    }

    /// <summary>One call, with the ledger index of its newest public record, so the answer to a change says what a read would.</summary>
    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> AnswerAsync(
        FinPilot.Domain.Common.Result<Call> result, LedgerReader ledger, TimeProvider clock, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return Problems.From(result.Errors);
        }

        var call = result.Value;
        var (_, index) = await ledger.NewestIndexOfAsync(CallActions.RecordKinds, call.Id.ToString(), ct);
        return TypedResults.Ok(CallDto.From(call, clock.GetUtcNow(), index));
    }
}
