using FinPilot.Domain.Common;
using FinPilot.Domain.Regions;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Regions;

/// <summary>
/// The audit line of every event a <see cref="Region"/> records. The line keeps the form as the
/// administrator sent it, noted by the use case as a <see cref="RegionInput"/>.
/// </summary>
public sealed class RegionAuditMap : AuditMap<Region>
{
    protected override AuditLine? Map(Region region, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        RegionCreated => Line(region, AuditActions.RegionCreated, facts),
        RegionUpdated => Line(region, AuditActions.RegionUpdated, facts),
        _ => null,
    };

    private static AuditLine Line(Region region, string action, AuditFacts facts) =>
        new(action, AuditResource.Region, region.Id.ToString(), facts.Get<RegionInput>(region), region.Id);
}
