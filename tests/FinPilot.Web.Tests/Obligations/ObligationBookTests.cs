using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Obligations;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Obligations;

/// <summary>The book other modules write obligations through: idempotent creation, closing in the caller's save.</summary>
public sealed class ObligationBookTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task EnsureAsync_makes_one_obligation_however_often_it_is_asked_and_keeps_its_due_time(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(ObligationTestKit.JinghuaCode);
        var subject = ObligationTestKit.NewSubject();
        var due = ObligationRules.Precise(app.Clock.GetUtcNow().AddDays(10));
        var draft = new ObligationDraft(pilot.Id, pilot.RegionId, pilot.OrganisationId, ObligationKind.Disclosure, subject, due);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<ObligationBook>();

            // Twice in one unit of work, before any save: the second finds the first among the added.
            var first = await book.EnsureAsync(draft, CancellationToken.None);
            var second = await book.EnsureAsync(draft, CancellationToken.None);
            Assert.Same(first, second);
            await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().SaveChangesAsync();
        }

        // Again later, with a different due time: the stored one stands.
        var again = await app.AddObligationAsync(pilot, ObligationKind.Disclosure, subject, due.AddDays(5));
        Assert.Equal(due, again.DueAt);
        var stored = await app.WithDbAsync(db => db.Obligations.AsNoTracking()
            .Where(o => o.ProjectId == pilot.Id && o.Kind == ObligationKind.Disclosure && o.Subject == subject).ToListAsync());
        Assert.Equal(due, Assert.Single(stored).DueAt);
        Assert.Equal(ObligationStatus.Open, stored[0].Status);
    }

    [Theory, AllProviders]
    public async Task The_same_subject_under_another_kind_or_project_is_another_obligation(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(ObligationTestKit.JinghuaCode);
        var other = await app.PilotOfAsync(ObligationTestKit.RegistryCode);
        var subject = ObligationTestKit.NewSubject();
        var due = app.Clock.GetUtcNow().AddDays(3);

        var a = await app.AddObligationAsync(pilot, ObligationKind.Disclosure, subject, due);
        var b = await app.AddObligationAsync(pilot, ObligationKind.ReportSupplement, subject, due);
        var c = await app.AddObligationAsync(other, ObligationKind.Disclosure, subject, due);

        Assert.Equal(3, new[] { a.Id, b.Id, c.Id }.Distinct().Count());
    }

    [Theory, AllProviders]
    public async Task Fulfilling_and_waiving_close_an_open_obligation_once_in_the_callers_save(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        var pilot = await app.PilotOfAsync(ObligationTestKit.JinghuaCode);
        var fulfilled = await app.AddObligationAsync(pilot, ObligationKind.Disclosure, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddDays(3));
        var waived = await app.AddObligationAsync(pilot, ObligationKind.Disclosure, ObligationTestKit.NewSubject(), app.Clock.GetUtcNow().AddDays(3));
        var at = app.Clock.GetUtcNow();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<ObligationBook>();
            Assert.True(await book.FulfilAsync(pilot.Id, ObligationKind.Disclosure, fulfilled.Subject, at, "user-1", CancellationToken.None));

            // Nothing is written until the caller saves.
            Assert.Equal(ObligationStatus.Open, (await app.ObligationAsync(fulfilled.Id)).Status);
            Assert.True(await book.WaiveAsync(pilot.Id, ObligationKind.Disclosure, waived.Subject, at, "wg-1", "试点已退出", CancellationToken.None));
            Assert.False(await book.FulfilAsync(pilot.Id, ObligationKind.Disclosure, "no-such-subject", at, "user-1", CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<FinPilotDbContext>().SaveChangesAsync();
        }

        var closed = await app.ObligationAsync(fulfilled.Id);
        Assert.Equal((ObligationStatus.Fulfilled, "user-1"), (closed.Status, closed.ClosedBy));
        var dropped = await app.ObligationAsync(waived.Id);
        Assert.Equal((ObligationStatus.Waived, "试点已退出"), (dropped.Status, dropped.WaiveReason));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<ObligationBook>();
            Assert.False(await book.FulfilAsync(pilot.Id, ObligationKind.Disclosure, fulfilled.Subject, at, "user-2", CancellationToken.None));
            Assert.False(await book.FulfilAsync(pilot.Id, ObligationKind.Disclosure, waived.Subject, at, "user-2", CancellationToken.None));
        }
    }
}
