using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// The lists every installation starts with (DESIGN.md, "Application"). They are reference data,
/// not demo data: loaded once into an empty table; administrators maintain them afterwards.
/// </summary>
public static class ReferenceData
{
    public static readonly (ReferenceKind Kind, string Code, string Zh, string En)[] Initial =
    [
        (ReferenceKind.Scenario, "operations", "运营", "Operations"),
        (ReferenceKind.Scenario, "investment-advice", "投顾", "Investment advice"),
        (ReferenceKind.Scenario, "trading", "交易", "Trading"),
        (ReferenceKind.Scenario, "risk-control", "风控", "Risk control"),
        (ReferenceKind.Scenario, "compliance", "合规", "Compliance"),
        (ReferenceKind.Scenario, "customer-service", "客户服务", "Customer service"),
        (ReferenceKind.Scenario, "internal-management", "内部管理", "Internal management"),
        (ReferenceKind.Technology, "big-data", "大数据", "Big data"),
        (ReferenceKind.Technology, "privacy-computing", "隐私计算", "Privacy computing"),
        (ReferenceKind.Technology, "cloud", "云计算", "Cloud computing"),
        (ReferenceKind.Technology, "ai", "人工智能", "Artificial intelligence"),
        (ReferenceKind.Technology, "blockchain", "区块链", "Blockchain"),
        (ReferenceKind.Technology, "digital-rmb", "数字人民币", "Digital RMB"),
        (ReferenceKind.Department, "market-1", "市场一部", "Market Supervision Department I"),
        (ReferenceKind.Department, "institutions", "机构部", "Securities Institutions Department"),
        (ReferenceKind.Department, "futures", "期货部", "Futures Supervision Department"),
        (ReferenceKind.Department, "investor-protection", "投保局", "Investor Protection Bureau"),
        (ReferenceKind.Department, "technology", "科技监管司", "Technology Supervision Department"),
    ];

    public static async Task EnsureAsync(FinPilotDbContext db, CancellationToken cancellationToken = default)
    {
        // A kind is seeded once, when it has no entries yet: a later kind reaches existing databases,
        // and an administrator's changes to a seeded kind are never undone.
        var seeded = await db.ReferenceItems.Select(r => r.Kind).Distinct().ToListAsync(cancellationToken);
        var order = 0;
        foreach (var (kind, code, zh, en) in Initial)
        {
            order++;
            if (!seeded.Contains(kind))
            {
                db.ReferenceItems.Add(new ReferenceItem { Kind = kind, Code = code, NameZh = zh, NameEn = en, SortOrder = order });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
