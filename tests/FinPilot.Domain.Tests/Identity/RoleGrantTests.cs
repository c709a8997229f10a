using FinPilot.Domain.Identity;

namespace FinPilot.Domain.Tests.Identity;

public sealed class RoleGrantTests
{
    private const int Beijing = 1;
    private const int Shanghai = 2;
    private static readonly Guid Jinghua = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Pujiang = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    [Theory]
    [InlineData(Role.PlatformAdmin)]
    [InlineData(Role.CoordinationGroup)]
    [InlineData(Role.Expert)]
    [InlineData(Role.IntegrityOfficer)]
    public void National_roles_take_no_scope(Role role)
    {
        Assert.True(RoleGrant.Create(role, null, null).Succeeded);
        Assert.Equal(RoleGrantErrors.RegionNotAllowed, SingleError(RoleGrant.Create(role, Beijing, null)));
        Assert.Equal(RoleGrantErrors.OrganisationNotAllowed, SingleError(RoleGrant.Create(role, null, Jinghua)));
    }

    [Fact]
    public void Working_group_needs_a_region_and_no_organisation()
    {
        Assert.Equal(RoleGrantErrors.RegionRequired, SingleError(RoleGrant.Create(Role.RegionalWorkingGroup, null, null)));
        Assert.Equal(RoleGrantErrors.OrganisationNotAllowed, SingleError(RoleGrant.Create(Role.RegionalWorkingGroup, Beijing, Jinghua)));

        var grant = RoleGrant.Create(Role.RegionalWorkingGroup, Beijing, null);
        Assert.Equal(new RoleGrant(Role.RegionalWorkingGroup, Beijing), grant.Value);
    }

    [Fact]
    public void Secretariat_is_national_or_one_region_but_never_an_organisation()
    {
        Assert.True(RoleGrant.Create(Role.EvaluationSecretariat, null, null).Succeeded);
        Assert.True(RoleGrant.Create(Role.EvaluationSecretariat, Shanghai, null).Succeeded);
        Assert.Equal(RoleGrantErrors.OrganisationNotAllowed, SingleError(RoleGrant.Create(Role.EvaluationSecretariat, null, Jinghua)));
    }

    [Fact]
    public void Applicant_needs_an_organisation_and_no_region()
    {
        Assert.Equal(RoleGrantErrors.OrganisationRequired, SingleError(RoleGrant.Create(Role.Applicant, null, null)));
        Assert.Equal(RoleGrantErrors.RegionNotAllowed, SingleError(RoleGrant.Create(Role.Applicant, Beijing, Jinghua)));
        Assert.Equal(new RoleGrant(Role.Applicant, null, Jinghua), RoleGrant.Create(Role.Applicant, null, Jinghua).Value);
    }

    [Fact]
    public void Unknown_role_is_refused()
    {
        Assert.Equal(RoleGrantErrors.UnknownRole, SingleError(RoleGrant.Create((Role)99, null, null)));
    }

    [Fact]
    public void Errors_name_the_field_to_correct()
    {
        Assert.Equal("RegionId", Assert.Single(RoleGrant.Create(Role.RegionalWorkingGroup, null, null).Errors).Field);
        Assert.Equal("OrganisationId", Assert.Single(RoleGrant.Create(Role.Applicant, null, null).Errors).Field);
    }

    [Fact]
    public void Working_group_covers_its_own_region_only()
    {
        var grant = new RoleGrant(Role.RegionalWorkingGroup, Beijing);

        Assert.True(grant.CoversRegion(Beijing));
        Assert.False(grant.CoversRegion(Shanghai));
    }

    [Fact]
    public void National_roles_cover_every_region()
    {
        Assert.True(new RoleGrant(Role.CoordinationGroup).CoversRegion(Beijing));
        Assert.True(new RoleGrant(Role.IntegrityOfficer).CoversRegion(Shanghai));
    }

    [Fact]
    public void National_secretariat_covers_every_region_and_a_regional_one_only_its_own()
    {
        Assert.True(new RoleGrant(Role.EvaluationSecretariat).CoversRegion(Shanghai));
        Assert.True(new RoleGrant(Role.EvaluationSecretariat, Beijing).CoversRegion(Beijing));
        Assert.False(new RoleGrant(Role.EvaluationSecretariat, Beijing).CoversRegion(Shanghai));
    }

    [Fact]
    public void Applicant_covers_no_region_but_its_own_organisation()
    {
        var grant = new RoleGrant(Role.Applicant, OrganisationId: Jinghua);

        Assert.False(grant.CoversRegion(Beijing));
        Assert.True(grant.CoversOrganisation(Jinghua));
        Assert.False(grant.CoversOrganisation(Pujiang));
    }

    [Theory]
    [InlineData(Role.PlatformAdmin)]
    [InlineData(Role.RegionalWorkingGroup)]
    [InlineData(Role.IntegrityOfficer)]
    public void Only_applicants_cover_organisations(Role role)
    {
        // Even a grant that somehow carries an organisation id does not make staff members of it.
        Assert.False(new RoleGrant(role, Beijing, Jinghua).CoversOrganisation(Jinghua));
    }

    private static string SingleError(Common.Result<RoleGrant> result) => Assert.Single(result.Errors).Code;
}
