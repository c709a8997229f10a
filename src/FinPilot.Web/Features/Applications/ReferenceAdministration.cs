using FinPilot.Domain.Common;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Audit;
using FinPilot.Web.Features.Commands;
using FinPilot.Web.Features.Identity;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// The administrator's lists of business scenarios and technologies. Entries are retired, never
/// deleted, because submitted applications keep pointing at their codes.
/// </summary>
public sealed class ReferenceAdministration(FinPilotDbContext db, CommandPipeline commands)
{
    public static readonly ErrorCode CodeInvalid = ErrorCode.Validation("Reference.CodeInvalid");
    public static readonly ErrorCode CodeTaken = ErrorCode.Validation("Reference.CodeTaken");
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("Reference.NotFound");

    public async Task<IReadOnlyList<ReferenceItem>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ReferenceItems.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ToListAsync(cancellationToken);

    public async Task<Result<ReferenceItem>> AddAsync(ReferenceKind kind, string code, string nameZh, string nameEn, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageReferenceLists))
        {
            return Problems.Forbidden;
        }

        code = (code ?? string.Empty).Trim().ToLowerInvariant();
        var errors = Text.Required(nameZh, "NameZh", 100).Concat(Text.Required(nameEn, "NameEn", 100)).ToList();
        if (code.Length is < 2 or > 60 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(new Error(CodeInvalid, "Code"));
        }
        else if (await db.ReferenceItems.AnyAsync(r => r.Kind == kind && r.Code == code, cancellationToken))
        {
            errors.Add(new Error(CodeTaken, "Code"));
        }

        if (errors.Count > 0)
        {
            return Result<ReferenceItem>.Fail([.. errors]);
        }

        var order = await db.ReferenceItems.Where(r => r.Kind == kind).Select(r => (int?)r.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var item = new ReferenceItem { Kind = kind, Code = code, NameZh = nameZh.Trim(), NameEn = nameEn.Trim(), SortOrder = order + 1 };
        db.ReferenceItems.Add(item);
        await commands.SaveAsync(cancellationToken, AuditLines.ReferenceItem(AuditActions.ReferenceAdded, kind, code, new { item.NameZh, item.NameEn }));
        return item;
    }

    public async Task<Result> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        if (!await commands.AllowsAsync(null, PlatformOperations.ManageReferenceLists))
        {
            return Problems.Forbidden;
        }

        var item = await db.ReferenceItems.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (item is null)
        {
            return new Error(NotFound);
        }

        item.Active = active;
        await commands.SaveAsync(cancellationToken, AuditLines.ReferenceItem(active ? AuditActions.ReferenceRestored : AuditActions.ReferenceRetired, item.Kind, item.Code));
        return Result.Ok();
    }
}
