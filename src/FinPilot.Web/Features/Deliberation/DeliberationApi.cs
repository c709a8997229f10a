using FinPilot.Domain.Common;
using FinPilot.Domain.Deliberation;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>协调小组审议 over HTTP.</summary>
public static class DeliberationApi
{
    public sealed record MeetingDto(
        Guid Id, string Title, DateOnly Date, TimeOnly Time, string ChairId, IReadOnlyList<string> AttendeeIds, MeetingStatus Status, IReadOnlyList<ItemDto> Items, Guid Version)
    {
        public static MeetingDto From(Meeting m) => new(
            m.Id, m.Title, m.Date, m.Time, m.ChairId, m.AttendeeIds, m.Status,
            m.AgendaItems.Select(i => new ItemDto(
                i.Id, i.Kind, i.Title, i.ProjectIds, i.WorkingGroupView, i.Status, i.OpinionRequests, i.Ballots, i.RecusedMemberIds, i.DeclaredConflicts, i.Resolution)).ToList(),
            m.Version);
    }

    public sealed record ItemDto(
        Guid Id, AgendaItemKind Kind, string Title, IReadOnlyList<Guid> ProjectIds, string WorkingGroupView, AgendaItemStatus Status,
        IReadOnlyList<OpinionRequest> Opinions, IReadOnlyList<Ballot> Ballots, IReadOnlyList<string> Recused, IReadOnlyList<MemberConflict> DeclaredConflicts,
        Resolution? Resolution);

    public sealed record ItemRequest(AgendaItemKind Kind, string Title, IReadOnlyList<Guid> ProjectIds, string WorkingGroupView);

    public sealed record OpinionRequestDto(string Department, DateOnly DueOn);

    public sealed record OpinionDto(string Department, string Opinion);

    /// <summary>A vote on one project (<see cref="ProjectId"/>), or without it the same vote on every project of the item not yet voted on.</summary>
    public sealed record VoteRequest(VoteChoice Choice, string? Comment, IReadOnlyList<string>? Conditions, Guid? ProjectId = null);

    /// <param name="ProceedReason">Why the item is resolved while a department's opinion is still awaited; required then, ignored otherwise.</param>
    public sealed record ResolutionRequest(IReadOnlyList<ProjectOutcome> Outcomes, string Text, string? ProceedReason = null);

    public sealed record ConflictRequest(string Reason);

    public static IEndpointRouteBuilder MapDeliberationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/meetings", "Deliberation");
        group.MapGet("/", List).WithName("ListMeetings").WithSummary("The coordination group's meetings.");
        group.MapGet("/{id:guid}", Get).WithName("GetMeeting").WithSummary("A meeting with its agenda, opinions, ballots and resolutions.");
        group.MapPost("/", Schedule).WithName("ScheduleMeeting").WithSummary("Schedule a meeting: date, chair, attendees (coordination-group members).");
        group.MapPost("/{id:guid}/items", (Guid id, ItemRequest r, DeliberationService s, CancellationToken ct) =>
                s.AddAgendaItemAsync(id, r.Kind, r.Title, r.ProjectIds ?? [], r.WorkingGroupView, ct).ToHttp())
            .WithName("AddAgendaItem").WithSummary("Put projects in deliberation on the agenda (admission of a batch).");
        group.MapPost("/{id:guid}/items/{itemId:guid}/opinions", (Guid id, Guid itemId, OpinionRequestDto r, DeliberationService s, CancellationToken ct) =>
                s.RequestOpinionAsync(id, itemId, r.Department, r.DueOn, ct).ToHttp())
            .WithName("RequestOpinion").WithSummary("Ask a business department for its opinion by a date.");
        group.MapPut("/{id:guid}/items/{itemId:guid}/opinions", (Guid id, Guid itemId, OpinionDto r, DeliberationService s, CancellationToken ct) =>
                s.RecordOpinionAsync(id, itemId, r.Department, r.Opinion, ct).ToHttp())
            .WithName("RecordOpinion").WithSummary("Record a department's opinion.");
        group.MapPost("/{id:guid}/convene", (Guid id, DeliberationService s, CancellationToken ct) => s.ConveneAsync(id, ct).ToHttp())
            .WithName("ConveneMeeting").WithSummary("Open the meeting: attendees and agenda are fixed, voting begins.");
        group.MapPost("/{id:guid}/items/{itemId:guid}/votes", (Guid id, Guid itemId, VoteRequest r, DeliberationService s, CancellationToken ct) =>
                (r.ProjectId is { } projectId
                    ? s.VoteAsync(id, itemId, [new ProjectVote(projectId, r.Choice, r.Comment, r.Conditions)], ct)
                    : s.VoteAsync(id, itemId, r.Choice, r.Comment, r.Conditions, ct)).ToHttp())
            .WithName("Vote").WithSummary("The signed-in member votes once on each project of the item; members with a conflict are recused automatically.");
        group.MapPost("/{id:guid}/items/{itemId:guid}/conflicts", (Guid id, Guid itemId, ConflictRequest r, DeliberationService s, CancellationToken ct) =>
                s.DeclareConflictAsync(id, itemId, r.Reason, ct).ToHttp())
            .WithName("DeclareMeetingConflict").WithSummary("The signed-in member declares a conflict with the item's projects and is recused from it.");
        group.MapPost("/{id:guid}/items/{itemId:guid}/resolution", (Guid id, Guid itemId, ResolutionRequest r, DeliberationService s, CancellationToken ct) =>
                s.ResolveAsync(id, itemId, r.Outcomes ?? [], r.Text, r.ProceedReason, ct).ToHttp())
            .WithName("RecordResolution").WithSummary(
                "The chair records the outcome per project (an outcome against the majority needs a deviationReason); projects move and the resolution is published.");
        group.MapGet("/{id:guid}/minutes.docx", async (Guid id, MinutesDocument minutes, CancellationToken ct) =>
            {
                var file = await minutes.ExportAsync(id, ct);
                return file.Succeeded ? Results.File(file.Value, MinutesDocument.ContentType, $"minutes-{id}.docx") : Problems.From(file.Errors);
            })
            .WithName("ExportMinutes").WithSummary("会议纪要 generated from the record, as DOCX.");
        group.MapPost("/{id:guid}/close", (Guid id, DeliberationService s, CancellationToken ct) => s.CloseAsync(id, ct).ToHttp())
            .WithName("CloseMeeting").WithSummary("Close the meeting once every item is resolved.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingDto>>, ProblemHttpResult>> List(DeliberationService s, CancellationToken ct)
    {
        var found = await s.MeetingsAsync(ct);
        return found.ToHttp(value => TypedResults.Ok<IReadOnlyList<MeetingDto>>(value.Select(MeetingDto.From).ToList()));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> Get(Guid id, DeliberationService s, CancellationToken ct)
    {
        var found = await s.GetAsync(id, ct);
        return found.ToHttp(value => TypedResults.Ok(MeetingDto.From(value)));
    }

    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult>> Schedule(MeetingDetails r, DeliberationService s, CancellationToken ct)
    {
        var made = await s.ScheduleAsync(r, ct);
        return made.ToHttp(value => TypedResults.Created($"/api/v1/meetings/{value.Id}", MeetingDto.From(value)));
    }
}
