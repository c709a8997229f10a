using FinPilot.Domain.Common;
using FinPilot.Domain.Integrity;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Integrity;

/// <summary>廉政监督 over HTTP: flags, the explanation they ask for, and the read and decision records.</summary>
public static class IntegrityApi
{
    /// <summary>A flag as the API gives it: rules and states by their stable names, the facts structured and as a sentence in the caller's language.</summary>
    public sealed record FlagDto(
        Guid Id, IntegrityRule Rule, IntegrityRecordKind RecordKind, string RecordId, int RegionId, Guid? ProjectId, string? ProjectTitle, string? PersonId,
        string? PersonName, ResponsibleUnitKind Unit, Guid? UnitOrganisationId, IntegrityFacts Facts, string FactsText, IntegrityFlagStatus Status,
        DateTimeOffset RaisedAt, string? Request, DateTimeOffset? ExplanationDueAt, string? Explanation, DateTimeOffset? ExplainedAt,
        IntegrityConclusion? Conclusion, string? ConclusionText, DateTimeOffset? ClosedAt, Guid Version)
    {
        public static FlagDto From(FlagView v)
        {
            var f = v.Flag;
            return new(f.Id, f.Rule, f.RecordKind, f.RecordId, f.RegionId, f.ProjectId, v.ProjectTitle, f.PersonId, v.PersonName, f.Unit, f.UnitOrganisationId,
                f.Facts, IntegrityTexts.Facts(f.Rule, f.Facts), f.Status, f.RaisedAt, f.Request, f.ExplanationDueAt, f.Explanation, f.ExplainedAt, f.Conclusion,
                f.ConclusionText, f.ClosedAt, f.Version);
        }
    }

    /// <summary>recordKind and recordId name the record (a metric series: "{projectId}:{code}"); unit 1 the working group, 2 the lead organisation (then no person).</summary>
    public sealed record RaiseRequest
    {
        public IntegrityRecordKind RecordKind { get; init; }

        public string? RecordId { get; init; }

        public string? PersonId { get; init; }

        public ResponsibleUnitKind Unit { get; init; } = ResponsibleUnitKind.WorkingGroup;

        public string? Note { get; init; }
    }

    public sealed record ExplanationRequest
    {
        public string? Request { get; init; }

        public int? WorkingDays { get; init; }

        public Guid Version { get; init; }
    }

    public sealed record ExplainRequest
    {
        public string? Text { get; init; }

        public Guid Version { get; init; }
    }

    /// <summary>conclusion 1 cleared, 2 confirmed, 3 referred; confirmed must be true (the step cannot be undone).</summary>
    public sealed record CloseRequest
    {
        public IntegrityConclusion Conclusion { get; init; }

        public string? Text { get; init; }

        public bool Confirmed { get; init; }

        public Guid Version { get; init; }
    }

    public static IEndpointRouteBuilder MapIntegrityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/integrity", "Integrity");
        group.MapGet("/flags", (IntegrityRule? rule, IntegrityFlagStatus? status, int? regionId, int? page, int? pageSize, IntegrityQueries q, CancellationToken ct) =>
                q.ListAsync(new FlagFilter(rule, status, regionId, page, pageSize), ct).ToHttp(TypedResults.Ok))
            .WithName("ListIntegrityFlags")
            .WithSummary("Integrity flags the caller may see (all for integrity officers and the coordination group; the unit's own otherwise), filtered by rule, status and region, newest first, paged.");
        group.MapGet("/flags/export", (IntegrityRule? rule, IntegrityFlagStatus? status, int? regionId, IntegrityExport export, CancellationToken ct) =>
                export.FlagsAsync(new FlagFilter(rule, status, regionId), ct).ToHttp(v => TypedResults.File(v, IntegrityExport.ContentType, "integrity-flags.xlsx")))
            .WithName("ExportIntegrityFlags").WithSummary("The flags the caller may see, filtered, as an XLSX workbook (audited).");
        group.MapGet("/flags/{id:guid}", (Guid id, IntegrityQueries q, CancellationToken ct) => q.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(FlagDto.From(v))))
            .WithName("GetIntegrityFlag").WithSummary("One flag with its facts, the explanation asked for and given, and the conclusion.");
        group.MapPost("/flags", Raise).WithName("RaiseIntegrityFlag")
            .WithSummary("The integrity officer raises a flag on any record (kind and id, which must exist), addressed to the region's working group or the pilot's institution.");
        group.MapPost("/flags/{id:guid}/explanation-request", (Guid id, ExplanationRequest r, IntegrityCommands c, IntegrityQueries q, CancellationToken ct) =>
                ThenGetAsync(c.RequestExplanationAsync(id, r.Request ?? string.Empty, r.WorkingDays, r.Version, ct), q, ct))
            .WithName("RequestIntegrityExplanation").WithSummary("The integrity officer asks the responsible unit to explain within working days: an obligation of the pilot, with a notice.");
        group.MapPost("/flags/{id:guid}/explanation", (Guid id, ExplainRequest r, IntegrityCommands c, IntegrityQueries q, CancellationToken ct) =>
                ThenGetAsync(c.ExplainAsync(id, r.Text ?? string.Empty, r.Version, ct), q, ct))
            .WithName("ExplainIntegrityFlag").WithSummary("The responsible unit explains; the obligation is met and the integrity officers told.");
        group.MapPost("/flags/{id:guid}/closure", (Guid id, CloseRequest r, IntegrityCommands c, IntegrityQueries q, CancellationToken ct) =>
                ThenGetAsync(c.CloseAsync(id, r.Conclusion, r.Text ?? string.Empty, r.Confirmed, r.Version, ct), q, ct))
            .WithName("CloseIntegrityFlag").WithSummary("The integrity officer closes the flag with a conclusion (cleared, confirmed, referred); confirmed must be true.");

        group.MapGet("/reads", (IntegrityRecordKind? recordKind, string? person, DateOnly? from, DateOnly? to, int? page, int? pageSize, IntegrityQueries q, CancellationToken ct) =>
                q.ReadsAsync(new TrailFilter(recordKind, person, from, to, page, pageSize), ct).ToHttp(TypedResults.Ok))
            .WithName("ListIntegrityReads").WithSummary("查阅记录: who opened which application, report, metric series, order or disposal case, filtered by record kind, person and dates (Beijing), paged.");
        group.MapGet("/reads/export", (IntegrityRecordKind? recordKind, string? person, DateOnly? from, DateOnly? to, IntegrityExport export, CancellationToken ct) =>
                export.ReadsAsync(new TrailFilter(recordKind, person, from, to), ct).ToHttp(v => TypedResults.File(v, IntegrityExport.ContentType, "integrity-reads.xlsx")))
            .WithName("ExportIntegrityReads").WithSummary("The read records, filtered, as an XLSX workbook (audited).");
        group.MapGet("/decisions", (string? person, DateOnly? from, DateOnly? to, int? page, int? pageSize, IntegrityQueries q, CancellationToken ct) =>
                q.DecisionsAsync(new TrailFilter(null, person, from, to, page, pageSize), ct).ToHttp(TypedResults.Ok))
            .WithName("ListIntegrityDecisions").WithSummary("决策记录: who decided each step (corrections, tolerances, disposals, plan changes, admission, resolutions), filtered by person and dates, paged.");
        group.MapGet("/decisions/export", (string? person, DateOnly? from, DateOnly? to, IntegrityExport export, CancellationToken ct) =>
                export.DecisionsAsync(new TrailFilter(null, person, from, to), ct).ToHttp(v => TypedResults.File(v, IntegrityExport.ContentType, "integrity-decisions.xlsx")))
            .WithName("ExportIntegrityDecisions").WithSummary("The decision records, filtered, as an XLSX workbook (audited).");
        return app;
    }

    private static async Task<Results<Created<FlagDto>, ProblemHttpResult>> Raise(RaiseRequest r, IntegrityCommands commands, IntegrityQueries queries, CancellationToken ct)
    {
        var raised = await commands.RaiseAsync(
            new RaiseFlagInput { RecordKind = r.RecordKind, RecordId = r.RecordId, PersonId = r.PersonId, Unit = r.Unit, Note = r.Note }, ct);
        if (!raised.Succeeded)
        {
            return Problems.From(raised.Errors);
        }

        var view = await queries.GetAsync(raised.Value.Id, ct);
        return TypedResults.Created($"/api/v1/integrity/flags/{raised.Value.Id}", FlagDto.From(view.ValueOrThrow()));
    }

    private static async Task<Results<Ok<FlagDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<IntegrityFlag>> change, IntegrityQueries queries, CancellationToken ct)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return Problems.From(changed.Errors);
        }

        var view = await queries.GetAsync(changed.Value.Id, ct);
        return TypedResults.Ok(FlagDto.From(view.ValueOrThrow()));
    }
}
