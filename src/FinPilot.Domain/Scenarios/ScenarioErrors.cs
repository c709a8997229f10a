using FinPilot.Domain.Common;

namespace FinPilot.Domain.Scenarios;

/// <summary>Codes of the expected failures of scenario matching (应用场景对接).</summary>
public static class ScenarioErrors
{
    /// <summary>No such scenario, or none the caller may know of (an invited scenario is "not found" to strangers).</summary>
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Scenario.NotFound");

    /// <summary>No such solution, or none the caller may know of.</summary>
    public static readonly ErrorCode SolutionNotFound = ErrorCode.NotFound("Scenario.Solution.NotFound");

    /// <summary>No such subscription, or none the caller may know of.</summary>
    public static readonly ErrorCode SubscriptionNotFound = ErrorCode.NotFound("Scenario.Subscription.NotFound");

    /// <summary>No such organisation. Field: organisationId (or invitedOrganisationIds).</summary>
    public static readonly ErrorCode OrganisationNotFound = ErrorCode.NotFound("Scenario.Organisation.NotFound");

    /// <summary>No such region. Field: regionId.</summary>
    public static readonly ErrorCode RegionNotFound = ErrorCode.NotFound("Scenario.Region.NotFound");

    /// <summary>No such match, or none the caller takes part in.</summary>
    public static readonly ErrorCode MatchNotFound = ErrorCode.NotFound("Scenario.Match.NotFound");

    /// <summary>Only a published scenario and a published solution can be matched.</summary>
    public static readonly ErrorCode NotMatchable = ErrorCode.InvalidState("Scenario.NotMatchable");

    /// <summary>This side has already expressed its interest.</summary>
    public static readonly ErrorCode AlreadyConsented = ErrorCode.Conflict("Scenario.AlreadyConsented");

    /// <summary>The thread is full. Arguments: the most messages.</summary>
    public static readonly ErrorCode TooManyMessages = ErrorCode.InvalidState("Scenario.TooManyMessages");

    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Scenario.ChangedByAnother");

    /// <summary>The match already became a joint application.</summary>
    public static readonly ErrorCode AlreadyApplied = ErrorCode.Conflict("Scenario.Match.AlreadyApplied");

    /// <summary>Neither side of the match is a licensed institution that could lead an application.</summary>
    public static readonly ErrorCode NoLicensedLead = ErrorCode.InvalidState("Scenario.Match.NoLicensedLead");

    /// <summary>No open call of the match's region with this id. Field: callId.</summary>
    public static readonly ErrorCode CallNotFound = ErrorCode.NotFound("Scenario.Call.NotFound");

    /// <summary>The record is not in the status the action needs. Arguments: the status.</summary>
    public static readonly ErrorCode WrongStatus = ErrorCode.InvalidState("Scenario.WrongStatus");

    /// <summary>A business area not on the list. Field: area.</summary>
    public static readonly ErrorCode AreaInvalid = ErrorCode.Validation("Scenario.AreaInvalid");

    /// <summary>A technology not on the list, or none given. Field: technologies.</summary>
    public static readonly ErrorCode TechnologiesInvalid = ErrorCode.Validation("Scenario.TechnologiesInvalid");

    /// <summary>Too many technologies. Field: technologies. Arguments: the most.</summary>
    public static readonly ErrorCode TooManyTechnologies = ErrorCode.Validation("Scenario.TooManyTechnologies");

    /// <summary>A visibility not on the list. Field: visibility.</summary>
    public static readonly ErrorCode VisibilityInvalid = ErrorCode.Validation("Scenario.VisibilityInvalid");

    /// <summary>Constraints outside the known ones. Field: constraints.</summary>
    public static readonly ErrorCode ConstraintsInvalid = ErrorCode.Validation("Scenario.ConstraintsInvalid");

    /// <summary>An invited scenario names no organisation, or too many. Field: invitedOrganisationIds. Arguments: the most.</summary>
    public static readonly ErrorCode InvitationsInvalid = ErrorCode.Validation("Scenario.InvitationsInvalid");

    /// <summary>The scenario a solution answers is not open for answers (not published, or not visible to the offerer). Field: scenarioId.</summary>
    public static readonly ErrorCode ScenarioNotOpen = ErrorCode.InvalidState("Scenario.NotOpen");

    /// <summary>No such roadshow, or none the caller may know of.</summary>
    public static readonly ErrorCode RoadshowNotFound = ErrorCode.NotFound("Scenario.Roadshow.NotFound");

    /// <summary>No such registration (or it was withdrawn). Field: registrationId.</summary>
    public static readonly ErrorCode RoadshowRegistrationNotFound = ErrorCode.NotFound("Scenario.Roadshow.Registration.NotFound");

    /// <summary>The roadshow has started or its results are released: nothing more changes.</summary>
    public static readonly ErrorCode RoadshowClosed = ErrorCode.InvalidState("Scenario.Roadshow.Closed");

    /// <summary>The solution is already registered. Field: solutionId.</summary>
    public static readonly ErrorCode RoadshowAlreadyRegistered = ErrorCode.Conflict("Scenario.Roadshow.AlreadyRegistered");

    /// <summary>Too many registrations, waiting list included. Arguments: the most.</summary>
    public static readonly ErrorCode RoadshowFull = ErrorCode.InvalidState("Scenario.Roadshow.Full");

    /// <summary>The solution answers none of the scenarios the roadshow covers. Field: solutionId.</summary>
    public static readonly ErrorCode RoadshowNotCovered = ErrorCode.Validation("Scenario.Roadshow.NotCovered");

    /// <summary>A panel of no expert, too many, or someone who is not an expert. Field: expertIds. Arguments: the most.</summary>
    public static readonly ErrorCode RoadshowPanelInvalid = ErrorCode.Validation("Scenario.Roadshow.PanelInvalid");

    /// <summary>A panellist conflicts with a presenting organisation. Field: expertIds. Arguments: the expert's name.</summary>
    public static readonly ErrorCode RoadshowPanelConflicted = ErrorCode.Validation("Scenario.Roadshow.PanelConflicted");

    /// <summary>Only the roadshow's panellists score.</summary>
    public static readonly ErrorCode RoadshowNotOnPanel = ErrorCode.Forbidden("Scenario.Roadshow.NotOnPanel");

    /// <summary>One score per criterion, each 0 to 100. Field: scores. Arguments: the number of criteria, the highest score.</summary>
    public static readonly ErrorCode RoadshowScoresInvalid = ErrorCode.Validation("Scenario.Roadshow.ScoresInvalid");

    /// <summary>No presentation has been scored yet.</summary>
    public static readonly ErrorCode RoadshowNothingScored = ErrorCode.InvalidState("Scenario.Roadshow.NothingScored");

    /// <summary>The roadshow must start in the future. Field: startsAt.</summary>
    public static readonly ErrorCode RoadshowDateInvalid = ErrorCode.Validation("Scenario.Roadshow.DateInvalid");

    /// <summary>Capacity from 1 to the most. Field: capacity. Arguments: the most.</summary>
    public static readonly ErrorCode RoadshowCapacityInvalid = ErrorCode.Validation("Scenario.Roadshow.CapacityInvalid");

    /// <summary>Criteria with names, positive weights adding up to 100, at most the most. Field: criteria. Arguments: the most.</summary>
    public static readonly ErrorCode RoadshowCriteriaInvalid = ErrorCode.Validation("Scenario.Roadshow.CriteriaInvalid");

    /// <summary>No such coaching assignment, or none the caller may know of.</summary>
    public static readonly ErrorCode CoachingNotFound = ErrorCode.NotFound("Scenario.Coaching.NotFound");

    /// <summary>The coach is not an expert, or the assignment names neither a match nor an organisation. Field: coachUserId.</summary>
    public static readonly ErrorCode CoachInvalid = ErrorCode.Validation("Scenario.Coaching.CoachInvalid");

    /// <summary>Too many sessions or follow-ups, or a follow-up with no text. Field: followUps. Arguments: the most.</summary>
    public static readonly ErrorCode CoachingFollowUpsInvalid = ErrorCode.Validation("Scenario.Coaching.FollowUpsInvalid");

    /// <summary>No such follow-up in this coaching assignment.</summary>
    public static readonly ErrorCode CoachingFollowUpNotFound = ErrorCode.NotFound("Scenario.Coaching.FollowUp.NotFound");

    /// <summary>The follow-up was already marked done.</summary>
    public static readonly ErrorCode CoachingFollowUpDone = ErrorCode.InvalidState("Scenario.Coaching.FollowUpDone");
}
