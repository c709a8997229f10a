using FinPilot.Domain.Calendar;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Common;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Calls;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Supervision;
using FinPilot.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>Loads <see cref="DemoData"/>; safe to run again, it only adds what is missing.</summary>
public sealed class DemoSeeder(
    FinPilotDbContext db, UserAdministration users, CalendarSeeder calendar, WorkingCalendarProvider calendars, DemoOptions options,
    IEnumerable<IMetricSampleListener> metricListeners, IEnumerable<Incidents.IIncidentListener> incidentListeners, TimeProvider clock, IServiceProvider services, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // Reference data, seeded at start anyway; here too so that a demo database made by the CLI has it.
        await calendar.SeedOfficialSchedulesAsync(cancellationToken);
        var regions = await SeedRegionsAsync(cancellationToken);
        var organisations = await SeedOrganisationsAsync(regions, cancellationToken);
        await SeedUsersAsync(regions, organisations, cancellationToken);
        await SeedCallsAsync(regions, organisations, cancellationToken);
        await new DemoApplications(db, clock).SeedAsync(organisations, cancellationToken);
        await new DemoEvaluation(db, calendars, clock).SeedAsync(organisations, cancellationToken);
        await new DemoAdmittedBatch(db, calendars).SeedAsync(organisations, cancellationToken);
        await new DemoSupervision(db, calendars, metricListeners, incidentListeners, clock, logger).SeedAsync(cancellationToken);
        await new DemoCorrections(db, calendars, clock).SeedAsync(cancellationToken);
        await new DemoDisposal(db, calendars, clock).SeedAsync(cancellationToken);
        await new DemoPlanChanges(db, calendars, clock).SeedAsync(cancellationToken);
        await new DemoIntegrity(db, calendars, clock).SeedAsync(cancellationToken);
        await new DemoExits(db, calendars, clock).SeedAsync(cancellationToken);

        // The casebook of Beijing's first batch is assembled from the exits above, through the casebook module's own publication.
        await ActivatorUtilities.CreateInstance<DemoCasebooks>(services).SeedAsync(cancellationToken);
        await new DemoScenarios(db, services).SeedAsync(organisations, cancellationToken);

        // At the source's scale: the rest of Beijing's first batch, the other regions' pilots (last, so the parts above see the demo they always saw).
        await new DemoScale(db, calendars, clock).SeedAsync(organisations, cancellationToken);
    }

    private async Task SeedCallsAsync(Dictionary<string, Region> regions, Dictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var author = await db.Users.Where(u => u.Email == $"wg.beijing@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? "system";
        var now = clock.GetUtcNow();
        var records = new PublicRecordWriter(db);
        foreach (var demo in DemoData.Calls)
        {
            var regionId = regions[demo.RegionCode].Id;
            // By batch, or by title: a demo seeded when Shanghai's open call was its batch 1 does not get it twice.
            if (await db.Calls.AnyAsync(c => c.RegionId == regionId && (c.BatchNumber == demo.Batch || c.Title == demo.Title), cancellationToken))
            {
                continue;
            }

            // Relative windows open at 09:00 and close at 17:00 Beijing time, as real calls do.
            var today = ChinaTime.DateOf(now);
            var opensAt = demo.OpensAt ?? ChinaTime.StartOfDay(today.AddDays(demo.OpensInDays)).AddHours(9);
            var closesAt = demo.ClosesAt ?? ChinaTime.StartOfDay(today.AddDays(demo.ClosesInDays)).AddHours(17);
            var publishedAt = opensAt.AddDays(-3) < now ? opensAt.AddDays(-3) : now;
            var details = new CallDetails(demo.Batch, demo.Title, demo.BodyHtml, demo.Directions, demo.EligibleTypes, opensAt, closesAt, demo.Materials, demo.Contact);

            // Calls are walked through their history (published before opening), so their dates read true.
            var created = Call.Create(Guid.CreateVersion7(now), regionId, details, publishedAt, author).ValueOrThrow();
            if (demo.Status is CallStatus.Published or CallStatus.Closed)
            {
                created.Publish(publishedAt, author);
                records.WriteCallPublished(created);
            }

            if (demo.Status == CallStatus.Closed)
            {
                created.Close(closesAt, actorUserId: null);
            }

            db.Calls.Add(created);
        }

        foreach (var (organisationCode, regionCode) in DemoData.CallSubscriptions)
        {
            var organisationId = organisations[organisationCode].Id;
            var regionId = regions[regionCode].Id;
            if (!await db.CallSubscriptions.AnyAsync(s => s.OrganisationId == organisationId && s.RegionId == regionId, cancellationToken))
            {
                db.CallSubscriptions.Add(CallSubscription.For(organisationId, regionId, now, "system"));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Region>> SeedRegionsAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in DemoData.Regions)
        {
            if (!await db.Regions.AnyAsync(r => r.Code == demo.Code, cancellationToken))
            {
                db.Regions.Add(Region.Create(demo.Code, demo.NameZh, demo.NameEn, demo.ApprovedOn).ValueOrThrow());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken);
    }

    private async Task<Dictionary<string, Organisation>> SeedOrganisationsAsync(Dictionary<string, Region> regions, CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, Organisation>();
        foreach (var demo in DemoData.Organisations)
        {
            var region = DemoData.Regions.Single(r => r.Code == demo.RegionCode);
            var creditCode = DemoData.CreditCode(region.Division, demo.OrganisationCode);
            var existing = await db.Organisations.SingleOrDefaultAsync(o => o.CreditCode == creditCode, cancellationToken);
            if (existing is null)
            {
                var contact = new OrganisationContact(demo.ContactName, "创新业务负责人", "010-8000 0000", null);
                existing = Organisation.Create(
                    new OrganisationDetails(demo.NameZh, demo.NameEn, demo.Type, demo.Licensed, creditCode, regions[demo.RegionCode].Id, [contact]),
                    Guid.CreateVersion7(clock.GetUtcNow())).ValueOrThrow();
                db.Organisations.Add(existing);
            }

            byCode[demo.OrganisationCode] = existing;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Seeded, not registered by anyone: the users' saves that follow in this scope must not audit them.
        foreach (var organisation in byCode.Values)
        {
            ((IRecordsEvents)organisation).ClearEvents();
        }

        return byCode;
    }

    private async Task SeedUsersAsync(Dictionary<string, Region> regions, Dictionary<string, Organisation> organisations, CancellationToken cancellationToken)
    {
        var system = users.AsSystem();
        foreach (var demo in DemoData.Users)
        {
            if (await db.Users.AnyAsync(u => u.Email == demo.Email, cancellationToken))
            {
                continue;
            }

            var created = await system.CreateAsync(new NewUser(demo.Email, demo.DisplayName, options.Password), cancellationToken);
            if (!created.Succeeded)
            {
                logger.LogError("Demo user {Email} could not be created: {Errors}", demo.Email, string.Join("; ", created.Errors));
                continue;
            }

            var regionId = demo.RegionCode is null ? (int?)null : regions[demo.RegionCode].Id;
            var organisationId = demo.OrganisationCode is null ? (Guid?)null : organisations[demo.OrganisationCode].Id;
            await system.GrantAsync(created.Value.User.Id, demo.Role, regionId, organisationId, cancellationToken);
        }
    }
}
