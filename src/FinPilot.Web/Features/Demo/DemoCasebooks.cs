using FinPilot.Domain.Casebooks;
using FinPilot.Domain.Exit;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Casebooks;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Demo;

/// <summary>
/// The casebook of Beijing's first batch (北京金融科技创新监管试点首批案例集), composed from Beijing's
/// exited, tiered pilots — exemplary first — and published (web, PDF, DOCX, ledger record). Run after
/// the exit demo, in a scope of its own:
/// <c>await ActivatorUtilities.CreateInstance&lt;DemoCasebooks&gt;(scope.ServiceProvider).SeedAsync(ct)</c>.
/// Does nothing when Beijing has no exited, tiered pilot or the casebook exists already.
/// </summary>
public sealed class DemoCasebooks(FinPilotDbContext db, CasebookService casebooks, TimeProvider clock)
{
    public const string Title = "北京金融科技创新监管试点首批案例集";
    private const string Actor = "demo-seed";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var beijing = await db.Regions.Where(r => r.Code == "BJ").Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (beijing is not { } regionId || await db.Casebooks.AnyAsync(c => c.RegionId == regionId && c.TitleZh == Title, cancellationToken))
        {
            return;
        }

        var exits = await db.ExitCases.AsNoTracking().Where(e => e.RegionId == regionId && e.Status == ExitStatus.Exited && e.Tier != null)
            .OrderBy(e => e.Tier).ThenBy(e => e.ExitedAt).Select(e => new { e.ProjectId, e.Tier }).ToListAsync(cancellationToken);
        if (exits.Count == 0)
        {
            return;
        }

        var officer = await db.Users.Where(u => u.Email == $"wg.beijing@{DemoData.DemoDomain}").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) ?? Actor;
        var casebook = Casebook.Create(CasebookScope.Region, regionId, Title, "Casebook of Beijing's first batch of fintech innovation pilots", "首批",
            clock.GetUtcNow(), officer).ValueOrThrow();
        foreach (var exit in exits)
        {
            casebook.Select(exit.ProjectId, exit.Tier!.Value).OrThrow();
            var exemplary = exit.Tier == ExitTier.Exemplary;
            casebook.WriteEditorial(
                exit.ProjectId,
                exemplary ? "以真实业务检验创新价值：测试计划、客户告知与退出预案从入箱起同步设计，监管部门据此验证了穿透式监管的可行性。"
                    : "试点证明了技术方案可行，也暴露出客户告知和数据报送的不足，退出前已整改到位。",
                exemplary ? "Test the innovation on real business, with the test plan, customer notices and the exit plan designed together from admission."
                    : "The technology worked; customer notices and data reporting needed the corrections made before exit.",
                exemplary ? "全流程留痕：业务数据按月报送并上链存证，客户权益保护清单逐项留存证据，整改在两周内闭环。"
                    : "按监管要求定期报送监测指标，对整改事项逐项销号。",
                null).OrThrow();
        }

        db.Casebooks.Add(casebook);
        (await casebooks.PublishNowAsync(casebook, officer, cancellationToken)).OrThrow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
