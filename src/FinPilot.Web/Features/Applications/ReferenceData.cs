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
    ];

    public static async Task EnsureAsync(FinPilotDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.ReferenceItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var (kind, code, zh, en) in Initial)
        {
            db.ReferenceItems.Add(new ReferenceItem { Kind = kind, Code = code, NameZh = zh, NameEn = en, SortOrder = order++ });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
