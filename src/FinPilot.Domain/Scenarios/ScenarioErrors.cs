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
}
