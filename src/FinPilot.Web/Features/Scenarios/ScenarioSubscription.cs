using FinPilot.Domain.Scenarios;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// An organisation asks to hear of newly published scenarios of one business area or wanting one
/// technology (one of the two, not both). A record without an aggregate: audited by the command.
/// </summary>
public sealed class ScenarioSubscription
{
    private ScenarioSubscription()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public BusinessArea? Area { get; private set; }

    public Technology? Technology { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ScenarioSubscription For(Guid organisationId, BusinessArea? area, Technology? technology, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Area = area,
        Technology = technology,
        CreatedAt = now,
    };
}
