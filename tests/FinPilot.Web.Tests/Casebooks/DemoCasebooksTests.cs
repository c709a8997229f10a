using FinPilot.Domain.Casebooks;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Demo;
using FinPilot.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinPilot.Web.Tests.Casebooks;

/// <summary>The demo casebook: nothing without exited pilots, then Beijing's casebook published once.</summary>
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

        if (!await app.WithDbAsync(db => db.ExitCases.AnyAsync(e => e.Status == Domain.Exit.ExitStatus.Exited)))
        {
            await SeedAsync();
            Assert.Empty(await DemoBooksAsync());
        }

        var projectId = await app.ExitedPilotAsync("示范案例试点", "监管启发", "审核通过");
        await SeedAsync();
        await SeedAsync();

        var book = Assert.Single(await DemoBooksAsync());
        Assert.Equal(CasebookStatus.Published, book.Status);
        Assert.Contains(book.Cases, c => c.ProjectId == projectId);
        Assert.NotNull(book.PdfSha256);
    }
}
