namespace FinPilot.Domain.Identity;

/// <summary>
/// A record that belongs to one region, so that whoever runs that region may act on it
/// (<see cref="Access.RunsRegion"/>): calls, notices, organisations, projects.
/// </summary>
public interface IRegionScoped
{
    int RegionId { get; }
}

/// <summary>A region as the resource of an action that has no record yet: creating a call or an organisation there.</summary>
public sealed record RegionScope(int RegionId) : IRegionScoped;
