using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Tests.Organisations;

namespace FinPilot.Domain.Tests.Identity;

public sealed class AccessTests
{
    private const int Beijing = 1;
    private const int Shanghai = 2;

    private static readonly Organisation Jinghua = AnOrganisation.Named("京华证券股份有限公司", Beijing);
    private static readonly Organisation Pujiang = AnOrganisation.Named("浦江期货有限公司", Shanghai);

    private static readonly RoleGrant[] Admin = [new(Role.PlatformAdmin)];
    private static readonly RoleGrant[] WorkingGroupBeijing = [new(Role.RegionalWorkingGroup, Beijing)];
    private static readonly RoleGrant[] ApplicantOfJinghua = [new(Role.Applicant, OrganisationId: Jinghua.Id)];
    private static readonly RoleGrant[] Integrity = [new(Role.IntegrityOfficer)];
    private static readonly RoleGrant[] Expert = [new(Role.Expert)];
    private static readonly RoleGrant[] Nobody = [];

    [Fact]
    public void Admin_manages_everything()
    {
        Assert.True(Admin.IsAdmin());
        Assert.True(Admin.CanManageUsers());
        Assert.True(Admin.CanManageRegions());
        Assert.True(Admin.CanReadAudit());
        Assert.True(Admin.CanManageOrganisation(Jinghua));
        Assert.True(Admin.CanManageOrganisation(Pujiang));
        Assert.True(Admin.CanViewOrganisation(Pujiang));
        Assert.True(Admin.CanListOrganisations());
    }

    [Fact]
    public void Working_group_manages_organisations_of_its_own_region_only()
    {
        Assert.True(WorkingGroupBeijing.CanManageOrganisation(Jinghua));
        Assert.True(WorkingGroupBeijing.CanManageOrganisationsIn(Beijing));
        Assert.False(WorkingGroupBeijing.CanManageOrganisation(Pujiang));
        Assert.False(WorkingGroupBeijing.CanManageOrganisationsIn(Shanghai));
    }

    [Fact]
    public void Working_group_reads_organisations_of_other_regions_for_conflict_checks()
    {
        Assert.True(WorkingGroupBeijing.CanViewOrganisation(Pujiang));
        Assert.True(WorkingGroupBeijing.CanListOrganisations());
    }

    [Fact]
    public void Working_group_does_not_administer_the_platform()
    {
        Assert.False(WorkingGroupBeijing.IsAdmin());
        Assert.False(WorkingGroupBeijing.CanManageUsers());
        Assert.False(WorkingGroupBeijing.CanManageRegions());
        Assert.False(WorkingGroupBeijing.CanReadAudit());
    }

    [Fact]
    public void Applicant_sees_its_own_organisation_and_changes_none()
    {
        Assert.True(ApplicantOfJinghua.CanViewOrganisation(Jinghua));
        Assert.False(ApplicantOfJinghua.CanViewOrganisation(Pujiang));
        Assert.False(ApplicantOfJinghua.CanListOrganisations());
        Assert.False(ApplicantOfJinghua.CanManageOrganisation(Jinghua));
        Assert.False(ApplicantOfJinghua.CanManageOrganisationsIn(Beijing));
        Assert.False(ApplicantOfJinghua.CanReadAudit());
    }

    [Fact]
    public void Integrity_officer_reads_the_audit_trail_and_changes_nothing()
    {
        Assert.True(Integrity.CanReadAudit());
        Assert.True(Integrity.CanViewOrganisation(Jinghua));
        Assert.False(Integrity.CanManageOrganisation(Jinghua));
        Assert.False(Integrity.CanManageUsers());
    }

    [Fact]
    public void Experts_see_no_organisation_register()
    {
        // Experts learn of organisations through their assignments, not by browsing the register.
        Assert.False(Expert.CanListOrganisations());
        Assert.False(Expert.CanViewOrganisation(Jinghua));
    }

    [Fact]
    public void No_grant_means_no_access()
    {
        Assert.False(Nobody.CanViewOrganisation(Jinghua));
        Assert.False(Nobody.CanListOrganisations());
        Assert.False(Nobody.CanReadAudit());
        Assert.False(Nobody.CanManageOrganisationsIn(Beijing));
    }

    [Fact]
    public void Grants_add_up()
    {
        RoleGrant[] both = [.. WorkingGroupBeijing, new(Role.RegionalWorkingGroup, Shanghai)];

        Assert.True(both.CanManageOrganisation(Jinghua));
        Assert.True(both.CanManageOrganisation(Pujiang));
        Assert.True(both.Has(Role.RegionalWorkingGroup));
        Assert.False(both.Has(Role.Applicant));
    }
}
