using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Tests.Organisations;

/// <summary>An organisation records one event per change it makes (the save step audits them); a refused change records nothing.</summary>
public sealed class OrganisationEventTests
{
    private static IReadOnlyList<IDomainEvent> Pending(Organisation organisation) => ((IRecordsEvents)organisation).PendingEvents;

    [Fact]
    public void Creating_records_the_creation_only_and_an_update_records_what_was_before()
    {
        var organisation = Organisation.Create(AnOrganisation.Details(" 京华证券股份有限公司 "), Guid.CreateVersion7()).Value!;
        Assert.IsType<OrganisationCreated>(Assert.Single(Pending(organisation)));
        ((IRecordsEvents)organisation).ClearEvents();

        Assert.True(organisation.Update(AnOrganisation.Details("京华证券", regionId: 2) with { Contacts = [] }).Succeeded);

        var updated = Assert.IsType<OrganisationUpdated>(Assert.Single(Pending(organisation)));
        Assert.Equal(("京华证券股份有限公司", 1, 1), (updated.Before.NameZh, updated.Before.RegionId, updated.Before.Contacts!.Count));
        Assert.Equal(("京华证券", 2, 0), (organisation.NameZh, organisation.RegionId, organisation.Contacts.Count));
    }

    [Fact]
    public void A_refused_update_records_nothing()
    {
        var organisation = AnOrganisation.Named("京华证券股份有限公司", 1);
        ((IRecordsEvents)organisation).ClearEvents();

        Assert.False(organisation.Update(AnOrganisation.Details(" ")).Succeeded);

        Assert.Empty(Pending(organisation));
    }
}
