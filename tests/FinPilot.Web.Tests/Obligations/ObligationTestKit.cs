using FinPilot.Domain.Calendar;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Calendar;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Tests.Infrastructure;
using FinPilot.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>A running demo pilot, as the obligations tests need it.</summary>
public sealed record Pilot(Guid Id, int RegionId, Guid OrganisationId, string Title);

internal static class ObligationTestKit
{
    /// <summary>京华证券's AI pilot: its applicant is the demo applicant.</summary>
    public const string JinghuaCode = "MA01JHQ20";

    /// <summary>北方登记中心's blockchain pilot: another organisation in Beijing.</summary>
    public const string RegistryCode = "MA02BFD31";

    public static Task<Pilot> PilotOfAsync(this FinPilotApp app, string organisationCode) =>
        app.WithDbAsync(db => (
            from p in db.Projects.AsNoTracking()
            join o in db.Organisations.AsNoTracking() on p.LeadOrganisationId equals o.Id
            where o.CreditCode.Contains(organisationCode) && p.Stage == ProjectStage.Running
            select new Pilot(p.Id, p.RegionId, p.LeadOrganisationId, p.Title)).FirstAsync());

    /// <summary>
    /// A new running pilot of the organisation, without a plan or obligations: the demo's own
    /// pilots carry a supervised year, which a test of the clock must not inherit.
    /// </summary>
    public static async Task<Pilot> FreshPilotOfAsync(this FinPilotApp app, string organisationCode)
    {
        var name = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.CreditCode.Contains(organisationCode)).Select(o => o.NameZh).FirstAsync());
        var id = await app.AdmittedPilotAsync($"义务测试试点 {Guid.NewGuid():N}", organisationCode: name);
        return await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Pilot(p.Id, p.RegionId, p.LeadOrganisationId, p.Title)).SingleAsync());
    }

    /// <summary>Adds an obligation through the book and saves it, as a module's command would.</summary>
    public static async Task<Obligation> AddObligationAsync(this FinPilotApp app, Pilot pilot, ObligationKind kind, string subject, DateTimeOffset dueAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<ObligationBook>();
        var obligation = await book.EnsureAsync(new ObligationDraft(pilot.Id, pilot.RegionId, pilot.OrganisationId, kind, subject, dueAt), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().SaveChangesAsync();
        return obligation;
    }

    public static Task<Obligation> ObligationAsync(this FinPilotApp app, Guid id) =>
        app.WithDbAsync(db => db.Obligations.AsNoTracking().SingleAsync(o => o.Id == id));

    public static async Task<WorkingDayCalendar> CalendarAsync(this FinPilotApp app) =>
        await app.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();

    /// <summary>Today in Beijing on the app's clock.</summary>
    public static DateOnly Today(this FinPilotApp app) => ChinaTime.DateOf(app.Clock.GetUtcNow());

    /// <summary>Confirms a supervision plan for the pilot with these terms (drafting it first if there is none).</summary>
    public static async Task ConfirmPlanAsync(this FinPilotApp app, Pilot pilot, SupervisionTerms terms)
    {
        // The app's plan-drafting job may draft this pilot's plan between our read and our insert: then confirm its draft.
        try
        {
            await ConfirmPlanOnceAsync(app, pilot, terms);
        }
        catch (DbUpdateException)
        {
            await ConfirmPlanOnceAsync(app, pilot, terms);
        }
    }

    private static async Task ConfirmPlanOnceAsync(FinPilotApp app, Pilot pilot, SupervisionTerms terms)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinPilotDbContext>();
        var now = app.Clock.GetUtcNow();
        var plan = await db.SupervisionPlans.SingleOrDefaultAsync(p => p.ProjectId == pilot.Id);
        if (plan is null)
        {
            var project = await db.Projects.SingleAsync(p => p.Id == pilot.Id);
            plan = SupervisionPlan.Draft(project, terms, now).ValueOrThrow();
            db.SupervisionPlans.Add(plan);
        }

        var confirmed = plan.Confirm(terms, now, "wg-test");
        Assert.True(confirmed.Succeeded, string.Join("; ", confirmed.Errors));
        await db.SaveChangesAsync();
    }

    public static SupervisionTerms Terms(ReportFrequency frequency, DateOnly startsOn, DateOnly endsOn) => new()
    {
        ReportFrequency = frequency,
        Parameters = new TestParameters { CustomerCap = 1000, StartsOn = startsOn, EndsOn = endsOn, Scope = "测试范围" },
    };

    public static string NewSubject() => $"t-{Guid.NewGuid():N}"[..14];
}
