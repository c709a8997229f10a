using System.Collections.Concurrent;

namespace FinPilot.Web.Features.Metrics;

/// <summary>The submission endpoint's limits (<c>Metrics:Ingestion</c> in configuration).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Metrics:Ingestion";

    /// <summary>The largest body taken; a larger one is answered 413 before it is read whole.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most events in one batch (413 beyond).</summary>
    public int MaxEventsPerBatch { get; set; } = 1000;

    /// <summary>Requests per second a client may make on average (429 beyond, with Retry-After).</summary>
    public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Requests a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 20;
}

/// <summary>
/// A token bucket per API client, on the platform's clock: each request takes a token, tokens come
/// back at <see cref="IngestionOptions.RequestsPerSecond"/> up to <see cref="IngestionOptions.Burst"/>.
/// Per node: behind a load balancer each node allows its share again, which bounds the load on
/// each node, the purpose of the limit.
/// </summary>
public sealed class IngestionRateLimiter(IngestionOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    /// <summary>Null when the request may go ahead; otherwise how long to wait before the next token.</summary>
    public TimeSpan? Take(Guid clientId)
    {
        var now = clock.GetUtcNow();
        var bucket = _buckets.GetOrAdd(clientId, _ => new Bucket(options.Burst, now));
        lock (bucket)
        {
            var rate = Math.Max(options.RequestsPerSecond, 0.001);
            bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + ((now - bucket.At).TotalSeconds * rate));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds((1 - bucket.Tokens) / rate);
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset At { get; set; } = at;
    }
}
