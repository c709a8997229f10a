using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;

namespace FinPilot.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly Guid Id = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");

    [Fact]
    public void Create_keeps_the_details_normalised()
    {
        var details = AnOrganisation.Details() with
        {
            NameZh = "  京华证券股份有限公司 ",
            CreditCode = "9133 0100 7996 5505 8b",
            Contacts = [new OrganisationContact(" 王敏 ", "  ", null, " wangmin@example.cn ")],
        };

        var organisation = Organisation.Create(details, Id).Value!;

        Assert.Equal(Id, organisation.Id);
        Assert.Equal("京华证券股份有限公司", organisation.NameZh);
        Assert.Equal("91330100799655058B", organisation.CreditCode);
        Assert.Equal(new OrganisationContact("王敏", null, null, "wangmin@example.cn"), Assert.Single(organisation.Contacts));
        Assert.NotEqual(Guid.Empty, organisation.Version);
    }

    [Fact]
    public void Create_reports_every_problem_at_once()
    {
        var details = new OrganisationDetails(" ", "", (OrganisationType)42, false, "123", 1);

        var result = Organisation.Create(details, Id);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (Text.RequiredCode, nameof(Organisation.NameZh)),
                (Text.RequiredCode, nameof(Organisation.NameEn)),
                (OrganisationErrors.TypeInvalid, nameof(Organisation.Type)),
                (CreditCodeErrors.WrongLength, nameof(Organisation.CreditCode)),
            ],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused()
    {
        var details = AnOrganisation.Details() with { NameEn = new string('a', Organisation.MaxNameLength + 1) };

        var error = Assert.Single(Organisation.Create(details, Id).Errors);

        Assert.Equal((Text.TooLongCode, nameof(Organisation.NameEn)), (error.Code, error.Field));
        Assert.Equal(Organisation.MaxNameLength, Assert.Single(error.Arguments));
    }

    [Fact]
    public void A_name_exactly_at_the_limit_is_accepted()
    {
        var details = AnOrganisation.Details() with { NameZh = new string('京', Organisation.MaxNameLength) };

        Assert.True(Organisation.Create(details, Id).Succeeded);
    }

    [Fact]
    public void Contact_problems_name_the_contact_and_field()
    {
        var details = AnOrganisation.Details() with
        {
            Contacts =
            [
                new OrganisationContact("王敏", null, null, null),
                new OrganisationContact("", null, null, "not-an-address"),
            ],
        };

        var fields = Organisation.Create(details, Id).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["Contacts[1].Name", "Contacts[1].Email"], fields);
    }

    [Fact]
    public void Too_many_contacts_are_refused()
    {
        var contacts = Enumerable.Range(0, Organisation.MaxContacts + 1)
            .Select(i => new OrganisationContact($"联系人{i}", null, null, null)).ToList();

        var result = Organisation.Create(AnOrganisation.Details() with { Contacts = contacts }, Id);

        Assert.Equal(OrganisationErrors.TooManyContacts, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Update_changes_the_details_and_the_version()
    {
        var organisation = Organisation.Create(AnOrganisation.Details(), Id).Value!;
        var before = organisation.Version;

        var result = organisation.Update(AnOrganisation.Details() with { NameZh = "京华证券有限责任公司", RegionId = 2, Licensed = false });

        Assert.True(result.Succeeded);
        Assert.Equal("京华证券有限责任公司", organisation.NameZh);
        Assert.Equal(2, organisation.RegionId);
        Assert.False(organisation.Licensed);
        Assert.NotEqual(before, organisation.Version);
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var organisation = Organisation.Create(AnOrganisation.Details(), Id).Value!;
        var version = organisation.Version;

        var result = organisation.Update(AnOrganisation.Details() with { NameZh = "新名称", CreditCode = "91330100799655058C" });

        Assert.Equal(CreditCodeErrors.WrongCheckCharacter, Assert.Single(result.Errors).Code);
        Assert.Equal("京华证券股份有限公司", organisation.NameZh);
        Assert.Equal("91330100799655058B", organisation.CreditCode);
        Assert.Equal(version, organisation.Version);
    }
}
