using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Disclosure.Pages;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// <c>/api/v1/pilots</c>: the public register as JSON, for anyone, read-only. Names follow
/// Accept-Language; the statement's own text is as published.
/// </summary>
public static class PilotsApi
{
    public sealed record NamedDto(string Code, string Name)
    {
        public static NamedDto From(BilingualName name) => new(name.Code, name.Name);
    }

    public sealed record BatchDto(Guid CallId, int Number, string Title)
    {
        public static BatchDto From(RegisterBatch batch) => new(batch.CallId, batch.Number, batch.Title);
    }

    /// <param name="LeadName">The lead institution as published.</param>
    /// <param name="LeadNameEn">Its English name as registered on the platform, if any.</param>
    public sealed record PilotSummaryDto(
        Guid Id, string Name, string LeadName, string? LeadNameEn, ProjectCategory Category, string CategoryName,
        NamedDto Region, BatchDto Batch, PilotStatus Status, string StatusName, IReadOnlyList<NamedDto> Technologies,
        DateTimeOffset ListedAt, DateTimeOffset UpdatedAt)
    {
        public static PilotSummaryDto From(PilotEntry p) => new(
            p.Id, p.Statement.Name, p.Statement.LeadName, p.LeadNameEn, p.Statement.Category, PilotNames.Of(p.Statement.Category),
            NamedDto.From(p.Region), BatchDto.From(p.Batch), p.Status, PilotNames.Status(p), [.. p.Technologies.Select(NamedDto.From)],
            p.ListedAt, p.UpdatedAt);
    }

    /// <param name="Link">The site-relative address of the page that tells the story, such as the notice.</param>
    /// <param name="LedgerIndex">The event's public record in the ledger (<c>/api/v1/ledger/entries/{index}/proof</c>), once under a signed checkpoint.</param>
    public sealed record PilotEventDto(PublicEventKind Kind, string KindName, DateTimeOffset At, string Title, string Link, long? LedgerIndex);

    /// <summary>A project's public statement and its public timeline, oldest first.</summary>
    public sealed record PilotDto(
        Guid Id, string Name, string LeadName, string? LeadNameEn, IReadOnlyList<string> PartnerNames, ProjectCategory Category,
        string CategoryName, NamedDto Region, BatchDto Batch, PilotStatus Status, string StatusName, ExitMode? ExitMode,
        IReadOnlyList<NamedDto> Scenarios, IReadOnlyList<NamedDto> Technologies, string WhatIsTested, string CustomerLimits,
        int DurationMonths, DateTimeOffset ListedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PilotEventDto> Timeline)
    {
        public static PilotDto From(PilotRecord record)
        {
            var (p, s) = (record.Pilot, record.Pilot.Statement);
            return new(
                p.Id, s.Name, s.LeadName, p.LeadNameEn, s.PartnerNames ?? [], s.Category, PilotNames.Of(s.Category),
                NamedDto.From(p.Region), BatchDto.From(p.Batch), p.Status, PilotNames.Status(p), p.ExitMode,
                [.. p.Scenarios.Select(NamedDto.From)], [.. p.Technologies.Select(NamedDto.From)], s.WhatIsTested, s.CustomerLimits,
                s.DurationMonths, p.ListedAt, p.UpdatedAt,
                [.. record.Timeline.Select(e => new PilotEventDto(e.Kind, PilotNames.Of(e.Kind), e.At, PilotNames.Title(e), e.Link, record.LedgerIndexOf(e)))]);
        }
    }

    /// <summary>The response header naming the register's newest row when the list was read (the <c>asOf</c> of later pages).</summary>
    public const string AsOfHeader = "X-Register-As-Of";

    public static IEndpointRouteBuilder MapPilotsApi(this IEndpointRouteBuilder app)
    {
        // The register is public record: no sign-in, nothing to change, so no antiforgery either.
        var open = app.MapGroup("/api/v1/pilots").AllowAnonymous().DisableAntiforgery().WithTags("Register")
            .CacheOutput(RegisterSetup.CachePolicy);
        open.MapGet("/", Search).WithName("SearchPilots")
            .WithSummary("The public register of pilots, most recently updated first: filter by region code, call, category, technology code, status and exit tier; q searches names and the statement in Chinese and English; asOf (a row number, see the X-Register-As-Of header) keeps later pages from shifting when pilots are added.");
        open.MapGet("/{id:guid}", Get).WithName("GetPilot")
            .WithSummary("One pilot's public statement and its public timeline, oldest first; not found until its notice is published.");
        return app;
    }

    private static async Task<Ok<Page<PilotSummaryDto>>> Search(
        string? q, string? region, Guid? callId, ProjectCategory? category, string? technology, PilotStatus? status,
        int? page, int? pageSize, long? asOf, Domain.Exit.ExitTier? tier, PilotRegister register, HttpContext context, CancellationToken ct)
    {
        var (found, pinned) = await register.SearchPinnedAsync(new RegisterQuery(q, region, callId, category, technology, status, page, pageSize, asOf, tier), ct);
        // The row a client passes back as asOf to read further pages as of this one.
        context.Response.Headers[AsOfHeader] = pinned.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new Page<PilotSummaryDto>([.. found.Items.Select(PilotSummaryDto.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<PilotDto>, ProblemHttpResult>> Get(Guid id, PilotRegister register, CancellationToken ct) =>
        await register.GetAsync(id, ct) is { } record ? TypedResults.Ok(PilotDto.From(record)) : Problems.NotFound();
}
