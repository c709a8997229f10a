using FinPilot.Domain.Common;
using FinPilot.Domain.Scenarios;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Scenarios;

public static class ScenarioActions
{
    public const string Drafted = "scenario.drafted";
    public const string Edited = "scenario.edited";
    public const string Published = "scenario.published";
    public const string Closed = "scenario.closed";
    public const string SolutionDrafted = "solution.drafted";
    public const string SolutionEdited = "solution.edited";
    public const string SolutionPublished = "solution.published";
    public const string SolutionWithdrawn = "solution.withdrawn";
    public const string Subscribed = "scenario.subscribed";
    public const string Unsubscribed = "scenario.unsubscribed";
    public const string InterestExpressed = "match.interest";
    public const string Matched = "match.formed";
    public const string MessagePosted = "match.message";
    public const string MatchApplied = "match.applied";
    public const string RoadshowCreated = "roadshow.created";
    public const string RoadshowPanelSet = "roadshow.panel";
    public const string RoadshowRegistered = "roadshow.registered";
    public const string RoadshowWithdrawn = "roadshow.withdrawn";
    public const string RoadshowScored = "roadshow.scored";
    public const string RoadshowReleased = "roadshow.released";
    public const string CoachAssigned = "coaching.assigned";
    public const string CoachingSessionRecorded = "coaching.session";
}

/// <summary>The audit line of every event a <see cref="Scenario"/> records.</summary>
public sealed class ScenarioAuditMap : AuditMap<Scenario>
{
    protected override AuditLine? Map(Scenario scenario, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ScenarioDrafted => Line(scenario, ScenarioActions.Drafted, Details(scenario)),
        ScenarioEdited => Line(scenario, ScenarioActions.Edited, Details(scenario)),
        ScenarioPublished => Line(scenario, ScenarioActions.Published, new { scenario.PublishedAt, visibility = scenario.Visibility.ToString() }),
        ScenarioClosed => Line(scenario, ScenarioActions.Closed, new { status = scenario.Status.ToString() }),
        _ => null,
    };

    private static object Details(Scenario s) => new
    {
        s.Title,
        s.PublisherOrganisationId,
        area = s.Area.ToString(),
        technologies = s.TechnologyCodes,
        constraints = s.Constraints.ToString(),
        visibility = s.Visibility.ToString(),
        invited = s.Invitations.Select(i => i.OrganisationId).ToList(),
    };

    private static AuditLine Line(Scenario scenario, string action, object details) =>
        new(action, AuditResource.Scenario, scenario.Id.ToString(), details, scenario.RegionId);
}

/// <summary>The audit line of every event a <see cref="Solution"/> records.</summary>
public sealed class SolutionAuditMap : AuditMap<Solution>
{
    protected override AuditLine? Map(Solution solution, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        SolutionDrafted => Line(solution, ScenarioActions.SolutionDrafted, new { solution.Title, solution.OrganisationId, solution.ScenarioId, technologies = solution.TechnologyCodes }),
        SolutionEdited => Line(solution, ScenarioActions.SolutionEdited, new { solution.Title, technologies = solution.TechnologyCodes }),
        SolutionPublished => Line(solution, ScenarioActions.SolutionPublished, new { solution.PublishedAt }),
        SolutionWithdrawn => Line(solution, ScenarioActions.SolutionWithdrawn, new { status = solution.Status.ToString() }),
        _ => null,
    };

    private static AuditLine Line(Solution solution, string action, object details) =>
        new(action, AuditResource.Solution, solution.Id.ToString(), details, solution.RegionId);
}

/// <summary>The audit line of every event a <see cref="ScenarioMatch"/> records.</summary>
public sealed class MatchAuditMap : AuditMap<ScenarioMatch>
{
    protected override AuditLine? Map(ScenarioMatch match, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        InterestExpressed e => Line(match, ScenarioActions.InterestExpressed, new { match.ScenarioId, match.SolutionId, side = e.By.ToString() }),
        MatchFormed => Line(match, ScenarioActions.Matched, new { match.ScenarioId, match.SolutionId, match.MatchedAt }),
        MatchMessagePosted e => Line(match, ScenarioActions.MessagePosted, new { messageId = e.MessageId }),
        MatchApplied e => Line(match, ScenarioActions.MatchApplied, new { projectId = e.ProjectId, match.AppliedAt }),
        _ => null,
    };

    private static AuditLine Line(ScenarioMatch match, string action, object details) =>
        new(action, AuditResource.ScenarioMatch, match.Id.ToString(), details, match.RegionId);
}

/// <summary>The audit line of every event a <see cref="Roadshow"/> records (scores: who and which presentation, not the numbers).</summary>
public sealed class RoadshowAuditMap : AuditMap<Roadshow>
{
    protected override AuditLine? Map(Roadshow roadshow, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        RoadshowCreated => Line(roadshow, ScenarioActions.RoadshowCreated, new { roadshow.Title, roadshow.StartsAt, roadshow.Capacity, roadshow.ScenarioIds }),
        RoadshowPanelSet => Line(roadshow, ScenarioActions.RoadshowPanelSet, new { panel = roadshow.Panel.Select(p => p.ExpertId).ToList() }),
        RoadshowRegistered e => Line(roadshow, ScenarioActions.RoadshowRegistered, new { registrationId = e.RegistrationId, seat = e.Seat.ToString() }),
        RoadshowWithdrawn e => Line(roadshow, ScenarioActions.RoadshowWithdrawn, new { registrationId = e.RegistrationId, promoted = e.PromotedRegistrationId }),
        RoadshowScored e => Line(roadshow, ScenarioActions.RoadshowScored, new { registrationId = e.RegistrationId, expert = e.ExpertId }),
        RoadshowResultsReleased => Line(roadshow, ScenarioActions.RoadshowReleased, new { roadshow.ReleasedAt }),
        _ => null,
    };

    private static AuditLine Line(Roadshow roadshow, string action, object details) =>
        new(action, AuditResource.Roadshow, roadshow.Id.ToString(), details, roadshow.RegionId);
}

/// <summary>The audit line of every event a <see cref="CoachingAssignment"/> records (not the private notes).</summary>
public sealed class CoachingAuditMap : AuditMap<CoachingAssignment>
{
    protected override AuditLine? Map(CoachingAssignment coaching, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        CoachAssigned => Line(coaching, ScenarioActions.CoachAssigned, new { coach = coaching.CoachUserId, coaching.OrganisationId, coaching.PartnerOrganisationId, coaching.MatchId }),
        CoachingSessionRecorded e => Line(coaching, ScenarioActions.CoachingSessionRecorded, new { sessionId = e.SessionId }),
        _ => null,
    };

    private static AuditLine Line(CoachingAssignment coaching, string action, object details) =>
        new(action, AuditResource.CoachingAssignment, coaching.Id.ToString(), details, coaching.RegionId);
}
