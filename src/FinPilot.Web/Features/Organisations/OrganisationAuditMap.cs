using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Features.Audit;

namespace FinPilot.Web.Features.Organisations;

/// <summary>The audit line of every event an <see cref="Organisation"/> records.</summary>
public sealed class OrganisationAuditMap : AuditMap<Organisation>
{
    protected override AuditLine? Map(Organisation organisation, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        OrganisationCreated => Line(organisation, AuditActions.OrganisationCreated, Describe(organisation)),
        OrganisationUpdated e => Line(organisation, AuditActions.OrganisationUpdated, new { before = Describe(e.Before), after = Describe(organisation) }),
        _ => null,
    };

    private static AuditLine Line(Organisation organisation, string action, object details) =>
        new(action, AuditResource.Organisation, organisation.Id.ToString(), details, organisation.RegionId);

    private static object Describe(Organisation o) =>
        Describe(new OrganisationDetails(o.NameZh, o.NameEn, o.Type, o.Licensed, o.CreditCode, o.RegionId, o.Contacts));

    private static object Describe(OrganisationDetails d) =>
        new { d.NameZh, d.NameEn, Type = d.Type.ToString(), d.Licensed, d.CreditCode, d.RegionId, Contacts = d.Contacts?.Count ?? 0 };
}
