using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Supervision;

/// <summary>
/// A record kept about a supervised pilot (an obligation, an alert, an incident, a correction order):
/// it names the pilot, the region whose working group supervises it and the organisation that answers
/// for it, so one visibility rule serves every list of them.
/// </summary>
public interface ISupervisedRecord : IRegionScoped
{
    Guid ProjectId { get; }

    Guid OrganisationId { get; }
}
