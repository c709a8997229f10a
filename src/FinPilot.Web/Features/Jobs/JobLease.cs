namespace FinPilot.Web.Features.Jobs;

/// <summary>
/// Who runs a background job right now. Web nodes are identical; the lease makes sure that only
/// one of them closes calls or sends mail at a time, and another takes over if it dies.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = string.Empty;

    public string Holder { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
