using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Tests.Calls;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Tests.Supervision;

/// <summary>
/// The one visibility filter of supervised records (obligations, alerts, incidents): the same rule
/// in SQL on both databases for each kind of record, and for a list's named region and organisation.
/// </summary>
public sealed class SupervisedScopeTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task One_scope_restricts_every_kind_of_supervised_record_in_sql(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var beijing = await app.RegionIdAsync("BJ");
        await app.WithDbAsync(async db =>
        {
            await AssertRestrictsAsync(db.Obligations.AsNoTracking(), beijing);
            await AssertRestrictsAsync(db.Alerts.AsNoTracking(), beijing);
            await AssertRestrictsAsync(db.Incidents.AsNoTracking(), beijing);
            return 0;
        });
    }

    [Fact]
    public void A_list_may_name_only_what_is_the_callers()
    {
        static SupervisedScope Of(params RoleGrant[] grants) => SupervisedScope.Of(grants);
        Assert.True(Of(Grants.WorkingGroupBeijing).Allows(Grants.Beijing, Grants.Other));
        Assert.False(Of(Grants.WorkingGroupBeijing).Allows(Grants.Shanghai, Grants.Other));
        Assert.False(Of(Grants.LeadApplicant).Allows(null, Grants.Other));
        Assert.True(Of(Grants.LeadApplicant).Allows(null, Grants.Lead));
        Assert.True(Of(Grants.Expert).Nothing);
        Assert.False(Of(Grants.Expert).Allows(null, null));
        Assert.True(Of(Grants.Integrity).Covers(Grants.Shanghai, Grants.Other));
        Assert.True(Of(Grants.WorkingGroupBeijing).Covers(Grants.Beijing, Grants.Other));
        Assert.False(Of(Grants.WorkingGroupShanghai).Covers(Grants.Beijing, Grants.Lead));
        Assert.True(Of(Grants.LeadApplicant).Covers(Grants.Shanghai, Grants.Lead));
    }

    private static async Task AssertRestrictsAsync<T>(IQueryable<T> records, int beijing)
        where T : class, ISupervisedRecord
    {
        var all = await records.Select(r => new { r.ProjectId, r.RegionId, r.OrganisationId }).ToListAsync();
        Assert.NotEmpty(all);
        var organisation = all[0].OrganisationId;
        var project = all[0].ProjectId;

        var everything = SupervisedScope.Of([Grants.Integrity]);
        var beijingGroup = SupervisedScope.Of([new RoleGrant(Role.RegionalWorkingGroup, beijing)]);
        var elsewhere = SupervisedScope.Of([new RoleGrant(Role.RegionalWorkingGroup, beijing + 10_000)]);
        var applicant = SupervisedScope.Of([new RoleGrant(Role.Applicant, OrganisationId: organisation)]);
        var nobody = SupervisedScope.Of([Grants.Expert]);

        Assert.Equal(all.Count, await everything.Apply(records).CountAsync());
        Assert.Equal(all.Count(r => r.RegionId == beijing), await beijingGroup.Apply(records).CountAsync());
        Assert.Equal(0, await elsewhere.Apply(records).CountAsync());
        Assert.Equal(0, await nobody.Apply(records).CountAsync());
        Assert.Equal(all.Count(r => r.OrganisationId == organisation), await applicant.Apply(records).CountAsync());
        Assert.Equal(all.Count(r => r.ProjectId == project), await everything.Apply(records, projectId: project).CountAsync());
        Assert.Equal(all.Count(r => r.RegionId == beijing && r.OrganisationId == organisation),
            await beijingGroup.Apply(records, beijing, organisation).CountAsync());
    }
}
