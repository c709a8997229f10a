using FinPilot.Domain.Projects;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// A reason, held by another feature's records, for a user to read a project's application and
/// files beyond their roles — an expert's cleared assignment. The applications feature asks every
/// registered grant; a grant that allows also writes its own audit line.
/// </summary>
public interface IProjectReadGrant
{
    Task<bool> AllowsAsync(PilotProject project, string userId, CancellationToken cancellationToken);
}
