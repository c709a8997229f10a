using System.Security.Claims;
using FinPilot.Domain.Identity;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Identity;

/// <summary>
/// The signed-in user of this request and their role grants, read from the database once per
/// request so that a revoked role stops working at once, whatever the cookie still says.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, FinPilotDbContext db)
{
    private IReadOnlyList<RoleGrant>? _grants;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsAuthenticated => Id is not null;

    /// <summary>
    /// The grants of <paramref name="user"/>: this request's own (read once) when it is the current
    /// user, as authorisation handlers are asked about, else read from the database.
    /// </summary>
    public async Task<IReadOnlyList<RoleGrant>> GrantsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id == Id)
        {
            return await GrantsAsync(cancellationToken);
        }

        return id is null ? [] : await ReadAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<RoleGrant>> GrantsAsync(CancellationToken cancellationToken = default)
    {
        if (_grants is not null)
        {
            return _grants;
        }

        var id = Id;
        if (id is null)
        {
            return _grants = [];
        }

        return _grants = await ReadAsync(id, cancellationToken);
    }

    private async Task<IReadOnlyList<RoleGrant>> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(cancellationToken);
        return assignments.Select(a => a.Grant).ToList();
    }
}
