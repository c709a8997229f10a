using FinPilot.Domain.Calls;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinPilot.Web.Features.Calls;

/// <summary>Reads of calls that other modules need, such as the call an application is started for.</summary>
public sealed class CallQueries(FinPilotDbContext db)
{
    /// <summary>The call if it is published (open for applications); null for a draft, closed or unknown call.</summary>
    public Task<Call?> FindPublishedAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published, cancellationToken);
}
