using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>Roadshows (路演) and coaching (培育辅导) over HTTP; every call needs a sign-in.</summary>
public static class RoadshowsApi
{
    public sealed record RoadshowRequest
    {
        /// <summary>The organising working group's region; none for a national roadshow (coordination group).</summary>
        public int? RegionId { get; init; }

        public string? Title { get; init; }

        public DateTimeOffset StartsAt { get; init; }

        public string? Place { get; init; }

        public int Capacity { get; init; }

        public IReadOnlyList<Guid>? ScenarioIds { get; init; }

        /// <summary>The rubric: names and weights adding up to 100; none for the default rubric.</summary>
        public IReadOnlyList<RoadshowCriterion>? Criteria { get; init; }

        public RoadshowInput ToInput() => new(Title, StartsAt, Place, Capacity, ScenarioIds, Criteria);
    }

    public sealed record PanelRequest(IReadOnlyList<string>? ExpertIds, Guid Version);

    public sealed record RegistrationRequest(Guid SolutionId, Guid? MatchId);

    public sealed record ScoreRequest(IReadOnlyList<int>? Scores);

    public sealed record EntryDto(
        Guid Id, Guid SolutionId, string SolutionTitle, Guid OrganisationId, string OrganisationName, Guid? MatchId, RoadshowSeat Seat, int? WaitingPosition,
        IReadOnlyList<RoadshowScore> Scores, decimal? Total, int? Rank);

    public sealed record RoadshowDto(
        Guid Id, int? RegionId, string Title, DateTimeOffset StartsAt, string Place, int Capacity, int SeatsTaken, IReadOnlyList<Guid> ScenarioIds,
        IReadOnlyList<RoadshowCriterion> Criteria, IReadOnlyList<RoadshowPanelMember> Panel, DateTimeOffset? ReleasedAt, bool CanOrganise, bool OnPanel,
        IReadOnlyList<EntryDto> Registrations, Guid Version)
    {
        public static RoadshowDto From(RoadshowView v)
        {
            var r = v.Roadshow;
            return new(r.Id, r.RegionId, r.Title, r.StartsAt, r.Place, r.Capacity, v.Presenters, r.ScenarioIds, r.Criteria, v.Panel, r.ReleasedAt, v.CanOrganise, v.OnPanel,
                [.. v.Entries.Select(e => new EntryDto(
                    e.Registration.Id, e.Registration.SolutionId, e.SolutionTitle, e.Registration.OrganisationId, e.OrganisationName, e.Registration.MatchId,
                    e.Registration.Seat, e.WaitingPosition, e.Scores, e.Result?.Total, e.Result?.Rank))], r.Version);
        }
    }

    public sealed record CoachingRequest(Guid? MatchId, Guid? OrganisationId, string? CoachUserId);

    public sealed record SessionRequest(DateOnly On, string? Topics, string? Notes, IReadOnlyList<FollowUpInput>? FollowUps);

    public sealed record CoachingDto(
        Guid Id, int RegionId, string CoachUserId, string CoachName, Guid OrganisationId, Guid? PartnerOrganisationId, Guid? MatchId, DateTimeOffset AssignedAt,
        IReadOnlyList<CoachingSession> Sessions)
    {
        public static CoachingDto From(CoachingView v)
        {
            var c = v.Coaching;
            return new(c.Id, c.RegionId, c.CoachUserId, v.CoachName, c.OrganisationId, c.PartnerOrganisationId, c.MatchId, c.AssignedAt, c.Sessions);
        }
    }

    public static IEndpointRouteBuilder MapRoadshowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/scenarios", "Scenarios");
        group.MapGet("/roadshows", (int? regionId, int? page, int? pageSize, RoadshowCommands c, CancellationToken ct) => c.ListAsync(regionId, page, pageSize, ct))
            .WithName("ListRoadshows").WithSummary("Roadshows, latest first, paged (regionId to filter).");
        group.MapPost("/roadshows", Create).WithName("CreateRoadshow")
            .WithSummary("A roadshow of a region's working group (regionId) or of the coordination group (no regionId): title, startsAt, place or link, capacity, scenarioIds covered, criteria (weights add up to 100).");
        group.MapGet("/roadshows/{id:guid}", (Guid id, RoadshowCommands c, CancellationToken ct) => c.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(RoadshowDto.From(v))))
            .WithName("GetRoadshow").WithSummary("One roadshow: the organiser sees every registration and score; a panellist the seated ones and their own sheets; a presenter their own, with scores and rank once released.");
        group.MapPut("/roadshows/{id:guid}/panel", (Guid id, PanelRequest r, RoadshowCommands c, CancellationToken ct) =>
                ThenGetAsync(id, c.SetPanelAsync(id, r.ExpertIds ?? [], r.Version, ct), c, ct))
            .WithName("SetRoadshowPanel").WithSummary("The scoring panel (experts with no tie to the registered organisations), before any score; organiser only.");
        group.MapPost("/roadshows/{id:guid}/registrations", Register)
            .WithName("RegisterForRoadshow").WithSummary("The solution's organisation registers a published solution: a seat while there is one, else the waiting list.");
        group.MapDelete("/roadshows/{id:guid}/registrations/{registrationId:guid}", (Guid id, Guid registrationId, RoadshowCommands c, CancellationToken ct) =>
                ThenGetAsync(id, c.WithdrawAsync(id, registrationId, ct), c, ct))
            .WithName("WithdrawFromRoadshow").WithSummary("The registrant or the organiser withdraws; the first on the waiting list moves up and is told.");
        group.MapPut("/roadshows/{id:guid}/registrations/{registrationId:guid}/score", (Guid id, Guid registrationId, ScoreRequest r, RoadshowCommands c, CancellationToken ct) =>
                ThenGetAsync(id, c.ScoreAsync(id, registrationId, r.Scores ?? [], ct), c, ct))
            .WithName("ScoreRoadshowPresentation").WithSummary("A panellist's scores, 0–100 per criterion in the rubric's order; again to replace, until released.");
        group.MapPost("/roadshows/{id:guid}/release", (Guid id, ScenariosApi.VersionRequest r, RoadshowCommands c, CancellationToken ct) =>
                ThenGetAsync(id, c.ReleaseAsync(id, r.Version, ct), c, ct))
            .WithName("ReleaseRoadshowResults").WithSummary("The organiser releases the results to the presenters.");

        group.MapPost("/coaching", (CoachingRequest r, CoachingCommands c, CancellationToken ct) =>
                Then(c.AssignAsync(r.MatchId, r.OrganisationId, r.CoachUserId, ct), c, ct))
            .WithName("AssignCoach").WithSummary("The region's working group assigns an expert as coach to a match (matchId) or an organisation (organisationId).");
        group.MapGet("/coaching/{id:guid}", (Guid id, CoachingCommands c, CancellationToken ct) => c.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(CoachingDto.From(v))))
            .WithName("GetCoaching").WithSummary("A coaching assignment with its sessions; the region's working group, the coordination group and the coach only.");
        group.MapPost("/coaching/{id:guid}/sessions", (Guid id, SessionRequest r, CoachingCommands c, CancellationToken ct) =>
                Then(c.RecordAsync(id, r.On, r.Topics, r.Notes, r.FollowUps, ct), c, ct))
            .WithName("RecordCoachingSession").WithSummary("A session (date, topics, private notes, follow-ups within 1–60 working days); the working group or the coach.");
        group.MapGet("/coaching/follow-ups", (Guid? matchId, CoachingCommands c, CancellationToken ct) => c.FollowUpsAsync(matchId, ct))
            .WithName("ListCoachingFollowUps")
            .WithSummary("The coaching follow-ups the caller sees (owed by its organisations, of its coaching, or of its regions), earliest due first; text and dates only, never the notes.");
        group.MapPost("/coaching/{id:guid}/follow-ups/{followUpId:guid}/done", CompleteFollowUp)
            .WithName("CompleteCoachingFollowUp")
            .WithSummary("Marks a follow-up done and fulfils its obligations; the organisations coached, the coach or the region's working group.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpView>>, ProblemHttpResult>> CompleteFollowUp(
        Guid id, Guid followUpId, CoachingCommands commands, CancellationToken ct)
    {
        var done = await commands.CompleteFollowUpAsync(id, followUpId, ct);
        return done.Succeeded ? TypedResults.Ok(await commands.FollowUpsAsync(done.Value.MatchId, ct)) : Problems.From(done.Errors);
    }

    private static async Task<Results<Ok<RoadshowDto>, ProblemHttpResult>> Register(Guid id, RegistrationRequest r, RoadshowCommands commands, CancellationToken ct)
    {
        var registered = await commands.RegisterAsync(id, r.SolutionId, r.MatchId, ct);
        return registered.Succeeded
            ? (await commands.GetAsync(id, ct)).ToHttp(v => TypedResults.Ok(RoadshowDto.From(v)))
            : Problems.From(registered.Errors);
    }

    private static async Task<Results<Created<RoadshowDto>, ProblemHttpResult>> Create(RoadshowRequest r, RoadshowCommands commands, CancellationToken ct)
    {
        r ??= new RoadshowRequest();
        var created = await commands.CreateAsync(r.RegionId, r.ToInput(), ct);
        if (!created.Succeeded)
        {
            return Problems.From(created.Errors);
        }

        var view = await commands.GetAsync(created.Value.Id, ct);
        return TypedResults.Created($"/api/v1/scenarios/roadshows/{created.Value.Id}", RoadshowDto.From(view.ValueOrThrow()));
    }

    private static async Task<Results<Ok<RoadshowDto>, ProblemHttpResult>> ThenGetAsync(Guid id, Task<Result<Roadshow>> change, RoadshowCommands commands, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await commands.GetAsync(id, ct)).ToHttp(v => TypedResults.Ok(RoadshowDto.From(v)))
            : Problems.From(changed.Errors);
    }

    private static async Task<Results<Ok<CoachingDto>, ProblemHttpResult>> Then(Task<Result<CoachingAssignment>> change, CoachingCommands commands, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await commands.GetAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(CoachingDto.From(v)))
            : Problems.From(changed.Errors);
    }
}
