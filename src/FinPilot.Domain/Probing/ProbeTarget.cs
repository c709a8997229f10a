using FinPilot.Domain.Identity;
using FinPilot.Domain.Supervision;

namespace FinPilot.Domain.Probing;

/// <summary>How a probe ended. Stored by name.</summary>
public enum ProbeOutcome
{
    /// <summary>Answered with a 2xx status.</summary>
    Up = 1,

    /// <summary>Answered, but not with a 2xx status (or redirected too often).</summary>
    Down = 2,

    /// <summary>No answer: the connection failed or the timeout passed.</summary>
    Unreachable = 3,

    /// <summary>Not tried: the address, scheme or a redirect is one the platform will not connect to.</summary>
    Refused = 4,
}

/// <summary>
/// Why a probe failed, stored by name and shown from resources in the reader's language (never the
/// technical text of the exception). <see cref="HttpStatus"/> goes with the status code kept beside it.
/// </summary>
public enum ProbeFailure
{
    /// <summary>No answer within the endpoint's timeout.</summary>
    Timeout = 1,

    /// <summary>The host name does not resolve.</summary>
    DnsFailure = 2,

    /// <summary>The host refused the connection.</summary>
    ConnectionRefused = 3,

    /// <summary>The connection failed otherwise (reset, unreachable network).</summary>
    ConnectionFailed = 4,

    /// <summary>The TLS handshake failed (certificate, protocol).</summary>
    Tls = 5,

    /// <summary>The endpoint answered with a status other than 2xx.</summary>
    HttpStatus = 6,

    /// <summary>The address is private, loopback or otherwise not public, and the platform does not probe it.</summary>
    PrivateAddressRefused = 7,

    /// <summary>The address (or a redirect) is not an absolute http or https address.</summary>
    SchemeRefused = 8,

    /// <summary>A redirect led to another host.</summary>
    RedirectToOtherHost = 9,

    /// <summary>More redirects than the platform follows.</summary>
    TooManyRedirects = 10,

    /// <summary>The request failed for another reason.</summary>
    RequestFailed = 11,
}

/// <summary>What the listeners are to be told after a probe is recorded.</summary>
public enum ProbeVerdict
{
    Nothing = 0,

    /// <summary>This failure made the streak reach the endpoint's threshold; told once per streak.</summary>
    Failing = 1,

    /// <summary>An endpoint the listeners were told was failing answered again.</summary>
    Recovered = 2,
}

/// <summary>
/// One endpoint of a pilot's supervision plan as the probe job keeps it (自动探测): when it is next
/// due, how it stood on the last probe, and whether the listeners were told it is failing. One row
/// per (project, URL); the job claims a due row before probing it, so two jobs never probe it twice.
/// </summary>
public sealed class ProbeTarget : IRegionScoped
{
    private ProbeTarget()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int RegionId { get; private set; }

    public string Url { get; private set; } = string.Empty;

    public int IntervalMinutes { get; private set; }

    public int TimeoutSeconds { get; private set; }

    public int FailuresBeforeAlert { get; private set; }

    /// <summary>Whether the endpoint is in the plan in force of a supervised pilot; inactive rows keep their history and are not probed.</summary>
    public bool Active { get; private set; }

    public DateTimeOffset NextDueAt { get; private set; }

    public DateTimeOffset? LastProbedAt { get; private set; }

    public ProbeOutcome? LastOutcome { get; private set; }

    public int? LastStatusCode { get; private set; }

    public int? LastLatencyMs { get; private set; }

    /// <summary>Why the last probe failed; null after a success. With <see cref="ProbeFailure.HttpStatus"/>, <see cref="LastStatusCode"/> says which.</summary>
    public ProbeFailure? LastFailure { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    /// <summary>When the listeners were told of the current failing streak; null when not failing (or not yet told).</summary>
    public DateTimeOffset? FailingToldAt { get; private set; }

    public Guid Version { get; private set; }

    public bool Failing => FailingToldAt is not null;

    public static ProbeTarget For(Guid projectId, int regionId, ProbeEndpoint endpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var target = new ProbeTarget
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            RegionId = regionId,
            Url = endpoint.Url,
            NextDueAt = now,
            Active = true,
            Version = Guid.NewGuid(),
        };
        target.Apply(endpoint);
        return target;
    }

    /// <summary>Takes the plan's schedule for the endpoint; returns whether anything changed.</summary>
    public bool Apply(ProbeEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (Active && IntervalMinutes == endpoint.IntervalMinutes && TimeoutSeconds == endpoint.TimeoutSeconds && FailuresBeforeAlert == endpoint.FailuresBeforeAlert)
        {
            return false;
        }

        IntervalMinutes = Math.Clamp(endpoint.IntervalMinutes, ProbeEndpoint.MinIntervalMinutes, ProbeEndpoint.MaxIntervalMinutes);
        TimeoutSeconds = Math.Clamp(endpoint.TimeoutSeconds, 1, 60);
        FailuresBeforeAlert = Math.Max(1, endpoint.FailuresBeforeAlert);
        Active = true;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>The endpoint left the plan, or the pilot left supervision: no longer probed; a failing streak ends untold.</summary>
    public bool Deactivate()
    {
        if (!Active)
        {
            return false;
        }

        Active = false;
        FailingToldAt = null;
        ConsecutiveFailures = 0;
        Version = Guid.NewGuid();
        return true;
    }

    public bool IsDue(DateTimeOffset now) => Active && NextDueAt <= now;

    /// <summary>When the probe claimed at <paramref name="now"/> makes the row due again.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now) => now.AddMinutes(IntervalMinutes);

    /// <summary>
    /// Records a probe's outcome and says whom to tell: a failure that makes the streak reach the
    /// threshold, untold so far, is <see cref="ProbeVerdict.Failing"/> (and marks it told); a success
    /// after a told streak is <see cref="ProbeVerdict.Recovered"/>.
    /// </summary>
    public ProbeVerdict Record(ProbeOutcome outcome, int? statusCode, int? latencyMs, ProbeFailure? failure, DateTimeOffset at)
    {
        LastProbedAt = at;
        LastOutcome = outcome;
        LastStatusCode = statusCode;
        LastLatencyMs = latencyMs;
        Version = Guid.NewGuid();
        if (outcome == ProbeOutcome.Up)
        {
            var wasFailing = Failing;
            ConsecutiveFailures = 0;
            FailingToldAt = null;
            LastFailure = null;
            return wasFailing ? ProbeVerdict.Recovered : ProbeVerdict.Nothing;
        }

        ConsecutiveFailures++;
        LastFailure = failure ?? ProbeFailure.RequestFailed;
        if (ConsecutiveFailures >= FailuresBeforeAlert && FailingToldAt is null)
        {
            FailingToldAt = at;
            return ProbeVerdict.Failing;
        }

        return ProbeVerdict.Nothing;
    }
}

/// <summary>One probe of one endpoint, kept for availability and latency history (pruned after the retention period).</summary>
public sealed class ProbeResult
{
    private ProbeResult()
    {
    }

    public Guid Id { get; private set; }

    public Guid TargetId { get; private set; }

    public Guid ProjectId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ProbeOutcome Outcome { get; private set; }

    public bool Up { get; private set; }

    public int? StatusCode { get; private set; }

    public int? LatencyMs { get; private set; }

    public ProbeFailure? Failure { get; private set; }

    public static ProbeResult Of(ProbeTarget target, ProbeOutcome outcome, int? statusCode, int? latencyMs, ProbeFailure? failure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ProbeResult
        {
            Id = Guid.CreateVersion7(at),
            TargetId = target.Id,
            ProjectId = target.ProjectId,
            At = at,
            Outcome = outcome,
            Up = outcome == ProbeOutcome.Up,
            StatusCode = statusCode,
            LatencyMs = latencyMs,
            Failure = outcome == ProbeOutcome.Up ? null : failure ?? ProbeFailure.RequestFailed,
        };
    }
}

/// <summary>
/// How far the probe job has brought its targets in line with the plans: each run reads only the
/// plans confirmed since (with an overlap for late commits), not every plan. One row.
/// </summary>
public sealed class ProbeSyncMark
{
    public const int Singleton = 1;

    private ProbeSyncMark()
    {
    }

    public int Id { get; private set; }

    /// <summary>Plans confirmed before this (less the overlap) are reflected in the targets.</summary>
    public DateTimeOffset SyncedThrough { get; private set; }

    public static ProbeSyncMark Start(DateTimeOffset at) => new() { Id = Singleton, SyncedThrough = at };

    /// <summary>Moves the mark forward, never back (a slower run finishing late does not undo a later one).</summary>
    public void MoveTo(DateTimeOffset at)
    {
        if (at > SyncedThrough)
        {
            SyncedThrough = at;
        }
    }
}
