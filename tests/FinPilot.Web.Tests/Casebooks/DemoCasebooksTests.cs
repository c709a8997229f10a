using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Exit;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Features.Notifications;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>The demo casebook: Beijing's first-batch casebook, published once from the demo exits.</summary>
public sealed class DemoCasebooksTests(AppsWithDemoData apps) : IClassFixture<AppsWithDemoData>
{
    [Theory, AllProviders]
    public async Task The_demo_publishes_beijings_casebook_from_its_exited_pilots_once(DatabaseProvider provider)
    {
        var app = await apps.StartAsync(provider);
        async Task SeedAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<DemoCasebooks>(scope.ServiceProvider).SeedAsync();
        }

        Task<List<Casebook>> DemoBooksAsync() => app.WithDbAsync(db => db.Casebooks.AsNoTracking().Where(c => c.TitleZh == DemoCasebooks.Title).ToListAsync());

        // The demo seeder published it at start, from the three demo exits; seeding again, even after another exit, adds none.
        var seeded = Assert.Single(await DemoBooksAsync());
        await app.ExitedPilotAsync("示范案例试点", "监管启发", "审核通过");
        await SeedAsync();
        await SeedAsync();

        var book = Assert.Single(await DemoBooksAsync());
        Assert.Equal((seeded.Id, CasebookStatus.Published), (book.Id, book.Status));
        Assert.Equal([ExitTier.Exemplary, ExitTier.Good, ExitTier.Qualified], book.Cases.Select(c => c.Tier));
        Assert.NotNull(book.PdfSha256);

        // Each lead institution of the demo exits has an applicant account, told that its pilot is in the casebook.
        var told = await app.WithDbAsync(db => (from n in db.Notifications.AsNoTracking()
                                                join u in db.Users.AsNoTracking() on n.UserId equals u.Id
                                                where n.Kind == NotificationKind.CasebookCaseIncluded
                                                select new { u.Email, n.Link }).ToListAsync());
        var reached = told.Where(t => t.Link.Contains(book.Id.ToString(), StringComparison.Ordinal)).Select(t => t.Email).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["applicant.registry@demo.finpilot.cn", "applicant.yanshan@demo.finpilot.cn"], reached);
    }
}
