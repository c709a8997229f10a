using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Probing;

public static class ProbingErrors
{
    /// <summary>No such project. For the edge.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Probe.Project.NotFound");
}
