using System.Security.Claims;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Deliberation;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Organisations;
using FinPilot.Web.Features.Users;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static FinPilot.Web.Tests.Infrastructure.Grants;

namespace FinPilot.Web.Tests.Identity;

/// <summary>The resource handlers' denials, rule by rule, and once through IAuthorizationService with grants read from the database.</summary>
public sealed class ResourceAuthorizationTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{


    public static TheoryData<RoleGrant, bool> RunsBeijing => new()
    {
        { Admin, true }, { WorkingGroupBeijing, true }, { WorkingGroupShanghai, false }, { Coordination, false },
        { Integrity, false }, { Expert, false }, { LeadApplicant, false },
    };

    [Theory, MemberData(nameof(RunsBeijing))]
    public void Region_scoped_operations_belong_to_the_regions_working_group_and_admins(RoleGrant grant, bool allowed)
    {
        var record = new RegionScope(Beijing);
        Assert.Equal(allowed, CallOperations.Manage.Allows([grant], record));
        Assert.Equal(allowed, NoticeOperations.Manage.Allows([grant], record));
        Assert.Equal(allowed, OrganisationOperations.Manage.Allows([grant], record));
        Assert.Equal(allowed, ProjectOperations.Screen.Allows([grant], Project()));
    }

    [Fact]
    public void Drafts_are_also_read_by_the_national_overseers_but_not_by_other_regions_or_applicants()
    {
        var record = new RegionScope(Beijing);
        Assert.True(CallOperations.ViewDraft.Allows([Coordination], record));
        Assert.True(CallOperations.ViewDraft.Allows([Integrity], record));
        Assert.False(CallOperations.ViewDraft.Allows([WorkingGroupShanghai], record));
        Assert.False(CallOperations.ViewDraft.Allows([Expert], record));
        Assert.False(CallOperations.ViewDraft.Allows([LeadApplicant], record));
    }

    [Fact]
    public void Projects_are_read_by_their_lead_and_region_and_moved_only_by_who_owns_the_trigger()
    {
        var project = Project();
        Assert.True(ProjectAuthorizationHandler.Allows([LeadApplicant], ProjectOperations.View, project));
        Assert.False(ProjectAuthorizationHandler.Allows([OtherApplicant], ProjectOperations.View, project));
        Assert.False(ProjectAuthorizationHandler.Allows([WorkingGroupShanghai], ProjectOperations.View, project));
        Assert.False(ProjectAuthorizationHandler.Allows([Expert], ProjectOperations.View, project));

        Assert.True(ProjectAuthorizationHandler.Allows([LeadApplicant], ProjectOperations.EditApplication, project));
        Assert.False(ProjectAuthorizationHandler.Allows([OtherApplicant], ProjectOperations.EditApplication, project));
        Assert.False(ProjectAuthorizationHandler.Allows([WorkingGroupBeijing], ProjectOperations.EditApplication, project));

        Assert.True(ProjectAuthorizationHandler.Allows([LeadApplicant], ProjectOperations.Move(ProjectTrigger.Withdraw), project));
        Assert.False(ProjectAuthorizationHandler.Allows([OtherApplicant], ProjectOperations.Move(ProjectTrigger.Withdraw), project));
        Assert.True(ProjectAuthorizationHandler.Allows([WorkingGroupBeijing], ProjectOperations.Move(ProjectTrigger.Accept), project));
        Assert.False(ProjectAuthorizationHandler.Allows([WorkingGroupShanghai], ProjectOperations.Move(ProjectTrigger.Accept), project));
        Assert.False(ProjectAuthorizationHandler.Allows([LeadApplicant], ProjectOperations.Move(ProjectTrigger.Accept), project));
        Assert.False(ProjectAuthorizationHandler.Allows([WorkingGroupBeijing], ProjectOperations.Move(ProjectTrigger.Approve), project));
        Assert.False(ProjectAuthorizationHandler.Allows([OtherApplicant], ProjectOperations.ConfirmConditions, project));

        // An operation of another kind of record is never a project's to grant.
        Assert.False(ProjectAuthorizationHandler.Allows([Admin], OrganisationOperations.View, project));
    }

    [Fact]
    public void Meetings_are_run_by_the_coordination_group_and_read_by_integrity_officers_too()
    {
        Assert.True(MeetingAuthorizationHandler.Allows([Coordination], MeetingOperations.Manage));
        Assert.True(MeetingAuthorizationHandler.Allows([Coordination], MeetingOperations.Vote));
        Assert.True(MeetingAuthorizationHandler.Allows([Integrity], MeetingOperations.Read));
        Assert.False(MeetingAuthorizationHandler.Allows([Integrity], MeetingOperations.Manage));
        Assert.False(MeetingAuthorizationHandler.Allows([Integrity], MeetingOperations.Vote));
        Assert.False(MeetingAuthorizationHandler.Allows([WorkingGroupBeijing], MeetingOperations.Read));
        Assert.False(MeetingAuthorizationHandler.Allows([LeadApplicant], MeetingOperations.Read));
        Assert.False(MeetingAuthorizationHandler.Allows([Coordination], CallOperations.Manage));
    }

    [Theory, AllProviders]
    public async Task The_service_asks_the_handlers_with_grants_read_from_the_database(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync());
        var shanghai = await app.WithDbAsync(db => db.Regions.Where(r => r.Code == "SH").Select(r => r.Id).SingleAsync());
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.RegionId == beijing).OrderBy(o => o.Id).FirstAsync());
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var wgBeijing = await app.CreateUserAsync($"authz-wg-bj-{stamp}@example.cn", Role.RegionalWorkingGroup, beijing);
        var wgShanghai = await app.CreateUserAsync($"authz-wg-sh-{stamp}@example.cn", Role.RegionalWorkingGroup, shanghai);
        var applicant = await app.CreateUserAsync($"authz-app-{stamp}@example.cn", Role.Applicant, organisationId: organisation.Id);
        var expert = await app.CreateUserAsync($"authz-ex-{stamp}@example.cn", Role.Expert);

        await using var scope = app.Services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        async Task<bool> May(CreatedUser user, object resource, IAuthorizationRequirement operation) =>
            (await authorization.AuthorizeAsync(Principal(user.User.Id), resource, operation)).Succeeded;

        Assert.True(await May(wgBeijing, organisation, OrganisationOperations.Manage));
        Assert.False(await May(wgShanghai, organisation, OrganisationOperations.Manage));
        Assert.False(await May(applicant, organisation, OrganisationOperations.Manage));
        Assert.True(await May(applicant, organisation, OrganisationOperations.View));
        Assert.False(await May(expert, organisation, OrganisationOperations.View));
        Assert.True(await May(applicant, new OrganisationScope(organisation.Id), OrganisationOperations.ActFor));
        Assert.False(await May(applicant, new OrganisationScope(Guid.NewGuid()), OrganisationOperations.ActFor));
        Assert.False(await May(wgBeijing, new OrganisationScope(organisation.Id), OrganisationOperations.ActFor));
        Assert.True(await May(wgBeijing, new RegionScope(beijing), CallOperations.Manage));
        Assert.False(await May(wgShanghai, new RegionScope(beijing), NoticeOperations.Manage));

        // A grant revoked in the database stops working, whatever the principal still carries.
        await app.WithDbAsync(async db =>
        {
            db.RoleAssignments.RemoveRange(db.RoleAssignments.Where(a => a.UserId == wgBeijing.User.Id));
            return await db.SaveChangesAsync();
        });
        Assert.False(await May(wgBeijing, new RegionScope(beijing), CallOperations.Manage));
    }

    private static PilotProject Project() =>
        PilotProject.Create(Guid.NewGuid(), Guid.NewGuid(), Beijing, Lead, ProjectCategory.BusinessInnovation, "资源授权测试", DateTimeOffset.UtcNow, "someone").Value!;

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
}
