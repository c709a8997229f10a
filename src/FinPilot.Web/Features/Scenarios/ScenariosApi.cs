using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// 应用场景对接 over HTTP. Reads need no sign-in and answer what the caller may see (an invited
/// scenario is 404 to strangers); writes need a sign-in and act for an organisation or a region.
/// </summary>
public static class ScenariosApi
{
    public sealed record ScenarioDto(
        Guid Id, Guid? PublisherOrganisationId, int RegionId, string Title, string PainPoint, BusinessArea Area, IReadOnlyList<Technology> Technologies,
        string DataAvailable, ScenarioConstraints Constraints, string ExpectedOutcome, string Timeline, ScenarioVisibility Visibility,
        IReadOnlyList<Guid> InvitedOrganisationIds, ScenarioStatus Status, DateTimeOffset? PublishedAt, Guid Version, IReadOnlyList<SolutionRow> Solutions)
    {
        public static ScenarioDto From(ScenarioView v)
        {
            var s = v.Scenario;

            // Who else was invited is the publisher's business only.
            IReadOnlyList<Guid> invited = v.CanAct ? [.. s.Invitations.Select(i => i.OrganisationId)] : [];
            return new(s.Id, s.PublisherOrganisationId, s.RegionId, s.Title, s.PainPoint, s.Area, s.Technologies, s.DataAvailable, s.Constraints,
                s.ExpectedOutcome, s.Timeline, s.Visibility, invited, s.Status, s.PublishedAt, s.Version, v.Solutions);
        }
    }

    public sealed record SolutionDto(
        Guid Id, Guid OrganisationId, int RegionId, Guid? ScenarioId, string? ScenarioTitle, string Title, string Capability, BusinessArea? Area,
        IReadOnlyList<Technology> Technologies, string References, string Certifications, SolutionStatus Status, DateTimeOffset? PublishedAt, Guid Version)
    {
        public static SolutionDto From(SolutionView v)
        {
            var s = v.Solution;
            return new(s.Id, s.OrganisationId, s.RegionId, v.ScenarioTitle is null ? null : s.ScenarioId, v.ScenarioTitle, s.Title, s.Capability, s.Area,
                s.Technologies, s.References, s.Certifications, s.Status, s.PublishedAt, s.Version);
        }
    }

    /// <summary>A recommendation: the other side's item, its score and why (shared technologies, same area/region, shared words, the text with them marked).</summary>
    public sealed record RecommendationDto(
        Guid Id, string Title, Guid? OrganisationId, int RegionId, double Score, double TextScore, double TagScore, bool SameArea, bool SameRegion,
        IReadOnlyList<Technology> SharedTechnologies, IReadOnlyList<string> MatchingTerms, string HighlightHtml)
    {
        public static RecommendationDto From(RecommendationView v) => new(
            v.Why.Id, v.Title, v.OrganisationId, v.RegionId, v.Why.Score, v.Why.Text, v.Why.Tags, v.Why.SameArea, v.Why.SameRegion,
            v.Why.SharedTechnologies, v.Why.MatchingTerms, v.Why.HighlightHtml);
    }

    /// <summary>
    /// A scenario as its publisher writes it. For a new one, organisationId (the publishing organisation)
    /// or regionId (its working group publishes). visibility 1 public, 2 members, 3 invited (list the organisations).
    /// constraints: flags 1 privacy, 2 on-premise, 4 信创.
    /// </summary>
    public sealed record ScenarioRequest
    {
        public Guid? OrganisationId { get; init; }

        public int? RegionId { get; init; }

        public string? Title { get; init; }

        public string? PainPoint { get; init; }

        public BusinessArea Area { get; init; }

        public IReadOnlyList<Technology>? Technologies { get; init; }

        public string? DataAvailable { get; init; }

        public ScenarioConstraints Constraints { get; init; }

        public string? ExpectedOutcome { get; init; }

        public string? Timeline { get; init; }

        public ScenarioVisibility Visibility { get; init; }

        public IReadOnlyList<Guid>? InvitedOrganisationIds { get; init; }

        public Guid Version { get; init; }

        public ScenarioInput ToInput() => new()
        {
            Title = Title ?? string.Empty,
            PainPoint = PainPoint ?? string.Empty,
            Area = Area,
            Technologies = Technologies ?? [],
            DataAvailable = DataAvailable ?? string.Empty,
            Constraints = Constraints,
            ExpectedOutcome = ExpectedOutcome ?? string.Empty,
            Timeline = Timeline ?? string.Empty,
            Visibility = Visibility,
            InvitedOrganisationIds = InvitedOrganisationIds ?? [],
        };
    }

    /// <summary>A solution as its organisation writes it; scenarioId when it answers a published scenario.</summary>
    public sealed record SolutionRequest
    {
        public Guid OrganisationId { get; init; }

        public Guid? ScenarioId { get; init; }

        public string? Title { get; init; }

        public string? Capability { get; init; }

        public BusinessArea? Area { get; init; }

        public IReadOnlyList<Technology>? Technologies { get; init; }

        public string? References { get; init; }

        public string? Certifications { get; init; }

        public Guid Version { get; init; }

        public SolutionInput ToInput() => new()
        {
            Title = Title ?? string.Empty,
            Capability = Capability ?? string.Empty,
            Area = Area,
            Technologies = Technologies ?? [],
            References = References ?? string.Empty,
            Certifications = Certifications ?? string.Empty,
        };
    }

    public sealed record VersionRequest
    {
        public Guid Version { get; init; }
    }

    /// <summary>Exactly one of area and technology.</summary>
    public sealed record SubscriptionRequest
    {
        public Guid OrganisationId { get; init; }

        public BusinessArea? Area { get; init; }

        public Technology? Technology { get; init; }
    }

    public sealed record SubscriptionDto(Guid Id, Guid OrganisationId, BusinessArea? Area, Technology? Technology, DateTimeOffset CreatedAt)
    {
        public static SubscriptionDto From(ScenarioSubscription s) => new(s.Id, s.OrganisationId, s.Area, s.Technology, s.CreatedAt);
    }

    public sealed record InterestRequest
    {
        public Guid ScenarioId { get; init; }

        public Guid SolutionId { get; init; }
    }

    public sealed record MessageRequest
    {
        public string? Text { get; init; }
    }

    /// <summary>A match as its participants see it: both consents, the status, the private thread; mySide is the caller's side, if it stands on one.</summary>
    public sealed record MatchDto(
        Guid Id, Guid ScenarioId, string ScenarioTitle, Guid SolutionId, string SolutionTitle, int RegionId, Guid? ScenarioOrganisationId,
        Guid SolutionOrganisationId, DateTimeOffset? ScenarioConsentAt, DateTimeOffset? SolutionConsentAt, MatchStatus Status, DateTimeOffset? MatchedAt,
        MatchParty? MySide, bool CanPost, IReadOnlyList<MatchMessage> Messages)
    {
        public static MatchDto From(MatchView v)
        {
            var m = v.Match;
            return new(m.Id, m.ScenarioId, v.ScenarioTitle, m.SolutionId, v.SolutionTitle, m.RegionId, m.ScenarioOrganisationId, m.SolutionOrganisationId,
                m.ScenarioConsentAt, m.SolutionConsentAt, m.Status, m.MatchedAt, v.MySide, v.CanPost, m.Messages);
        }
    }

    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/scenarios").AllowAnonymous().DisableAntiforgery().WithTags("Scenarios");
        open.MapGet("/", Search).WithName("SearchScenarios")
            .WithSummary("Published scenarios the caller may see, newest first, paged; q (words in title or pain point), regionId, area, technology; status and organisationId for a publisher's own.");
        open.MapGet("/{id:guid}", (Guid id, ScenarioQueries q, CancellationToken ct) => q.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(ScenarioDto.From(v))))
            .WithName("GetScenario").WithSummary("One scenario with the solutions answering it; not found unless the caller may see it.");
        open.MapGet("/{id:guid}/recommendations", (Guid id, int? take, ScenarioRecommender r, CancellationToken ct) =>
                r.ForScenarioAsync(id, take, ct).ToHttp(v => TypedResults.Ok(v.Select(RecommendationDto.From).ToList())))
            .WithName("RecommendSolutions").WithSummary("Solutions ranked for a scenario, each with why: shared technologies, same area and region, shared words highlighted.");
        open.MapGet("/solutions", (Guid? scenarioId, Guid? organisationId, Technology? technology, int? page, int? pageSize, ScenarioQueries q, CancellationToken ct) =>
                q.SolutionListAsync(scenarioId, organisationId, technology, page, pageSize, ct))
            .WithName("ListSolutions").WithSummary("Published solutions the caller may see (with organisationId: that organisation's, drafts too if they are the caller's).");
        open.MapGet("/solutions/{id:guid}", (Guid id, ScenarioQueries q, CancellationToken ct) => q.SolutionAsync(id, ct).ToHttp(v => TypedResults.Ok(SolutionDto.From(v))))
            .WithName("GetSolution").WithSummary("One solution; not found unless the caller may see it.");
        open.MapGet("/solutions/{id:guid}/recommendations", (Guid id, int? take, ScenarioRecommender r, CancellationToken ct) =>
                r.ForSolutionAsync(id, take, ct).ToHttp(v => TypedResults.Ok(v.Select(RecommendationDto.From).ToList())))
            .WithName("RecommendScenarios").WithSummary("Scenarios ranked for a solution, each with why.");

        var group = app.MapApiGroup("/scenarios", "Scenarios");
        group.MapPost("/", Draft).WithName("DraftScenario")
            .WithSummary("Draft a scenario for an organisation (its applicants) or a region (its working group).");
        group.MapPut("/{id:guid}", (Guid id, ScenarioRequest r, ScenarioCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.EditAsync(id, r.ToInput(), r.Version, ct), q, ct))
            .WithName("EditScenario").WithSummary("Edit a draft or published scenario; send the version you read.");
        group.MapPost("/{id:guid}/publish", (Guid id, VersionRequest r, ScenarioCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.PublishAsync(id, r.Version, ct), q, ct))
            .WithName("PublishScenario").WithSummary("Publish a draft; subscribed organisations that may see it are told.");
        group.MapPost("/{id:guid}/close", (Guid id, VersionRequest r, ScenarioCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.CloseAsync(id, r.Version, ct), q, ct))
            .WithName("CloseScenario").WithSummary("Close a published scenario to new solutions.");

        group.MapPost("/solutions", DraftSolution).WithName("DraftSolution")
            .WithSummary("Draft a solution for an organisation, standing or answering a published scenario the caller sees.");
        group.MapPut("/solutions/{id:guid}", (Guid id, SolutionRequest r, SolutionCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.EditAsync(id, r.ToInput(), r.Version, ct), q, ct))
            .WithName("EditSolution").WithSummary("Edit a solution; send the version you read.");
        group.MapPost("/solutions/{id:guid}/publish", (Guid id, VersionRequest r, SolutionCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.PublishAsync(id, r.Version, ct), q, ct))
            .WithName("PublishSolution").WithSummary("Publish a solution; the publisher of the scenario it answers is told.");
        group.MapPost("/solutions/{id:guid}/withdraw", (Guid id, VersionRequest r, SolutionCommands c, ScenarioQueries q, CancellationToken ct) =>
                ThenGetAsync(c.WithdrawAsync(id, r.Version, ct), q, ct))
            .WithName("WithdrawSolution").WithSummary("Withdraw a solution.");

        group.MapGet("/subscriptions", (Guid organisationId, ScenarioQueries q, CancellationToken ct) =>
                q.SubscriptionsAsync(organisationId, ct).ToHttp(v => TypedResults.Ok(v.Select(SubscriptionDto.From).ToList())))
            .WithName("ListScenarioSubscriptions").WithSummary("An organisation's subscriptions to new scenarios, for its applicants.");
        group.MapPost("/subscriptions", (SubscriptionRequest r, SolutionCommands c, CancellationToken ct) =>
                c.SubscribeAsync(r.OrganisationId, r.Area, r.Technology, ct).ToHttp(v => TypedResults.Ok(SubscriptionDto.From(v))))
            .WithName("SubscribeToScenarios").WithSummary("Subscribe an organisation to new scenarios of one business area or one technology.");
        group.MapDelete("/subscriptions/{id:guid}", (Guid id, SolutionCommands c, CancellationToken ct) => c.UnsubscribeAsync(id, ct).ToHttp())
            .WithName("UnsubscribeFromScenarios").WithSummary("End a subscription.");

        group.MapPost("/matches", ExpressInterest).WithName("ExpressMatchInterest")
            .WithSummary("The caller's side (the scenario's publisher or the solution's organisation) expresses interest in a pair; the other side's consent makes the match.");
        group.MapGet("/matches", async (MatchCommands m, CancellationToken ct) => TypedResults.Ok((await m.MineAsync(ct)).Select(MatchDto.From).ToList()))
            .WithName("ListMatches").WithSummary("The matches the caller takes part in, newest first.");
        group.MapGet("/matches/{id:guid}", (Guid id, MatchCommands m, CancellationToken ct) => m.GetAsync(id, ct).ToHttp(v => TypedResults.Ok(MatchDto.From(v))))
            .WithName("GetMatch").WithSummary("One match with its thread; not found unless the caller takes part (the two organisations, the region's working group).");
        group.MapPost("/matches/{id:guid}/messages", (Guid id, MessageRequest r, MatchCommands m, CancellationToken ct) =>
                m.PostAsync(id, r.Text ?? string.Empty, ct).ToHttp(v => TypedResults.Ok(MatchDto.From(v))))
            .WithName("PostMatchMessage").WithSummary("A message in a match's private thread, once both sides consented.");

        group.MapGet("/funnel", (int? regionId, Guid? scenarioId, string? from, string? to, int? page, int? pageSize, ScenarioFunnel funnel, CancellationToken ct) =>
                funnel.ReportAsync(ScenarioFunnel.Filter(regionId, from, to, page, pageSize, scenarioId), ct).ToHttp(v => TypedResults.Ok(v)))
            .WithName("ScenarioFunnel")
            .WithSummary("The matching funnel (published → offers → interest → matches → applied → admitted → exit tiers) of scenarios published in [from, to] (yyyy-MM-dd, Beijing) or of one scenario, per scenario; a working group's own region, national oversight any.");
        group.MapGet("/funnel.xlsx", async (int? regionId, string? from, string? to, ScenarioFunnel funnel, CancellationToken ct) =>
                (await funnel.ExportAsync(ScenarioFunnel.Filter(regionId, from, to, null), ct))
                    .ToHttp(v => TypedResults.File(v, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "scenario-funnel.xlsx")))
            .WithName("ExportScenarioFunnel").WithSummary("The funnel as an XLSX workbook: the totals, then one row per scenario.");
        return app;
    }

    private static async Task<Results<Ok<MatchDto>, ProblemHttpResult>> ExpressInterest(InterestRequest r, MatchCommands matches, CancellationToken ct)
    {
        var expressed = await matches.ExpressInterestAsync(r.ScenarioId, r.SolutionId, ct);
        return expressed.Succeeded ? (await matches.GetAsync(expressed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(MatchDto.From(v))) : Problems.From(expressed.Errors);
    }

    private static Task<Page<ScenarioRow>> Search(
        string? q, int? regionId, BusinessArea? area, Technology? technology, ScenarioStatus? status, Guid? organisationId, int? page, int? pageSize,
        ScenarioQueries queries, CancellationToken ct) =>
        queries.SearchAsync(new ScenarioFilter
        {
            Query = q,
            RegionId = regionId,
            Area = area,
            Technology = technology,
            Status = status,
            OrganisationId = organisationId,
            Page = page,
            PageSize = pageSize,
        }, ct);

    private static async Task<Results<Created<ScenarioDto>, ProblemHttpResult>> Draft(ScenarioRequest r, ScenarioCommands commands, ScenarioQueries queries, CancellationToken ct)
    {
        r ??= new ScenarioRequest();
        var drafted = await commands.DraftAsync(r.ToInput(), r.OrganisationId, r.RegionId, ct);
        if (!drafted.Succeeded)
        {
            return Problems.From(drafted.Errors);
        }

        var view = await queries.GetAsync(drafted.Value.Id, ct);
        return TypedResults.Created($"/api/v1/scenarios/{drafted.Value.Id}", ScenarioDto.From(view.ValueOrThrow()));
    }

    private static async Task<Results<Created<SolutionDto>, ProblemHttpResult>> DraftSolution(SolutionRequest r, SolutionCommands commands, ScenarioQueries queries, CancellationToken ct)
    {
        r ??= new SolutionRequest();
        var drafted = await commands.DraftAsync(r.ToInput(), r.OrganisationId, r.ScenarioId, ct);
        if (!drafted.Succeeded)
        {
            return Problems.From(drafted.Errors);
        }

        var view = await queries.SolutionAsync(drafted.Value.Id, ct);
        return TypedResults.Created($"/api/v1/scenarios/solutions/{drafted.Value.Id}", SolutionDto.From(view.ValueOrThrow()));
    }

    private static async Task<Results<Ok<ScenarioDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<Scenario>> change, ScenarioQueries queries, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await queries.GetAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(ScenarioDto.From(v)))
            : Problems.From(changed.Errors);
    }

    private static async Task<Results<Ok<SolutionDto>, ProblemHttpResult>> ThenGetAsync(Task<Result<Solution>> change, ScenarioQueries queries, CancellationToken ct)
    {
        var changed = await change;
        return changed.Succeeded
            ? (await queries.SolutionAsync(changed.Value.Id, ct)).ToHttp(v => TypedResults.Ok(SolutionDto.From(v)))
            : Problems.From(changed.Errors);
    }
}
