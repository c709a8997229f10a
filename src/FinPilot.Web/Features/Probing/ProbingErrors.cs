using FinPilot.Domain.Common;

namespace FinPilot.Web.Features.Probing;

public static class ProbingErrors
{
    /// <summary>No such project. For the edge.</summary>
    public static readonly ErrorCode ProjectNotFound = ErrorCode.NotFound("Probe.Project.NotFound");

    /// <summary>A probe's result could not be saved: the target changed meanwhile (a plan sync, another job).</summary>
    public static readonly ErrorCode Concurrency = ErrorCode.Conflict("Probe.ChangedByAnother");
}
