using FinPilot.Domain.Calendar;
using FinPilot.Domain.Identity;
using FinPilot.Domain.Obligations;
using FinPilot.Domain.Organisations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Http;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>
/// An organisation's duty with no project (<see cref="Obligation.NoProject"/>, a coaching follow-up):
/// the API gives it no project id, and its reminders name the organisation in each reader's language.
/// </summary>
public sealed class ObligationNoProjectTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_api_gives_no_project_id_and_reminders_name_the_organisation_in_the_readers_language(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (organisationId, regionId) = await app.WithDbAsync(async db =>
        {
            var beijing = await db.Regions.Where(r => r.Code == "BJ").Select(r => r.Id).SingleAsync();
            var details = new OrganisationDetails($"无项目科技有限公司{tag}", $"No Project Technology {tag}", OrganisationType.TechnologyCompany, false, CreditCodes.NewValid(), beijing);
            var organisation = Organisation.Create(details, Guid.CreateVersion7()).ValueOrThrow();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return (organisation.Id, beijing);
        });
        var english = await ApplicantAsync(app, $"np.en.{tag}@example.cn", organisationId, "en");
        var chinese = await ApplicantAsync(app, $"np.zh.{tag}@example.cn", organisationId, "zh-CN");
        var calendar = await app.CalendarAsync();
        var due = ChinaTime.EndOfDay(calendar.AddWorkingDays(app.Today(), 3));
        var obligation = await app.WithScopeAsync(async sp =>
        {
            var book = sp.GetRequiredService<ObligationBook>();
            var added = await book.EnsureAsync(
                new ObligationDraft(Obligation.NoProject, regionId, organisationId, ObligationKind.CoachingFollowUp, $"np-{tag}", due), CancellationToken.None);
            await sp.GetRequiredService<FinPilotDbContext>().SaveChangesAsync();
            return added;
        });

        // The API: no project, not a project id of zeros.
        using var api = await app.ApiClientAsync($"np.en.{tag}@example.cn");
        var listed = await (await api.GetAsync("/api/v1/obligations?kind=CoachingFollowUp&pageSize=100")).ReadAsync<Page<ObligationsApi.ObligationDto>>();
        var item = Assert.Single(listed.Items);
        Assert.Equal((obligation.Id, (Guid?)null, (string?)null), (item.Id, item.ProjectId, item.ProjectTitle));
        var one = await (await api.GetAsync($"/api/v1/obligations/{obligation.Id}")).ReadAsync<ObligationsApi.ObligationDto>();
        Assert.Null(one.ProjectId);
        var json = await (await api.GetAsync($"/api/v1/obligations/{obligation.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("\"projectId\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", json, StringComparison.Ordinal);

        // The reminder (three working days ahead) names the organisation: in English to the English reader, in Chinese to the other.
        await app.WithScopeAsync(sp => sp.GetRequiredService<ObligationClock>().RunAsync(CancellationToken.None));
        var sent = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => (n.UserId == english || n.UserId == chinese) && n.Kind == NotificationKind.OrganisationObligationDueSoon).ToListAsync());
        Assert.Equal($"No Project Technology {tag}", Assert.Single(sent, n => n.UserId == english).Values[NotificationValues.Title]);
        Assert.Equal($"无项目科技有限公司{tag}", Assert.Single(sent, n => n.UserId == chinese).Values[NotificationValues.Title]);
    }

    private static async Task<string> ApplicantAsync(FinPilotApp app, string email, Guid organisationId, string culture)
    {
        var id = (await app.CreateUserAsync(email, Role.Applicant, organisationId: organisationId)).User.Id;
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.PreferredCulture = culture;
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
