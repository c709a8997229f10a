using System.Net;
using FinPilot.Domain.Projects;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Applications;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Applications;

/// <summary>Its own apps: the test moves the clock, which would close other tests' calls.</summary>
public sealed class SupplementDeadlineJobTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_applicant_is_reminded_on_the_last_day_and_a_missed_deadline_is_flagged_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        using var applicant = await app.ApiClientAsync(DemoUsers.Applicant);
        using var wg = await app.ApiClientAsync(DemoUsers.WorkingGroupBeijing);
        var id = await app.SubmittedAsync(applicant, "期限提醒");
        await (await wg.PostAsync($"/api/v1/screening/{id}/start", new { })).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await wg.PostAsync($"/api/v1/screening/{id}/return", new ScreeningApi.SupplementRequestDto(["补充材料"], 3))).AssertStatusAsync(HttpStatusCode.NoContent);
        var due = (await applicant.GetApplicationAsync(id)).SupplementRequest!;
        var job = app.Services.GetRequiredService<SupplementDeadlineJob>();
        var link = $"/applications/{id}";

        await job.TryRunAsync(CancellationToken.None);
        Assert.Equal(0, await CountAsync(app, NotificationKind.DeadlineApproaching, link));

        // On the due day itself the reminder goes out, once however often the job runs.
        app.Clock.SetUtcNow(due.DueAt.AddHours(-12));
        await job.TryRunAsync(CancellationToken.None);
        await job.TryRunAsync(CancellationToken.None);
        Assert.Equal(1, await CountAsync(app, NotificationKind.DeadlineApproaching, link));

        app.Clock.SetUtcNow(due.DueAt.AddMinutes(1));
        await job.TryRunAsync(CancellationToken.None);
        await job.TryRunAsync(CancellationToken.None);
        var flagged = await app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.NotNull(flagged.CurrentSupplementRequest!.FlaggedOverdueAt);
        Assert.Equal(ProjectStage.ReturnedForSupplement, flagged.Stage);
        Assert.Equal(1, await CountAsync(app, NotificationKind.SupplementOverdue, $"/screening/{id}"));

        // One line, by the system, from the project's event at the job's save.
        var overdue = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "screening.supplement-overdue" && a.ResourceId == id.ToString()).ToListAsync()));
        Assert.Equal(
            ("project", "system", (int?)flagged.RegionId, $"{{\"dueOn\":\"{due.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}\"}}"),
            (overdue.ResourceType, overdue.ActorName, overdue.RegionId, overdue.Details));
    }

    private static Task<int> CountAsync(FinPilotApp app, NotificationKind kind, string link) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == kind && n.Link == link));
}
