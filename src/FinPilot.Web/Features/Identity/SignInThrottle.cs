namespace FinPilot.Web.Features.Identity;

/// <summary>Settings <c>SignIn:*</c>: how many failed sign-ins are allowed before attempts are refused for a while.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Failed attempts on one address from one client (network address) within <see cref="Window"/>.</summary>
    public int FailuresPerClient { get; set; } = 5;

    /// <summary>Failed attempts on one address from all clients together within <see cref="Window"/>.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Holds back sign-in attempts on an e-mail address after repeated failures, before any password is
/// checked. One client's failures hold back only that client, so a stranger who knows an address
/// cannot keep its owner out; all clients' failures together are capped per address, so guessing
/// from many networks stays slow. Kept in memory on each node: a restart forgets it, which is the
/// account lockout's job (<see cref="Microsoft.AspNetCore.Identity.LockoutOptions"/>) to survive.
/// </summary>
public sealed class SignInThrottle(SignInThrottleOptions options, TimeProvider clock)
{
    private const int MaxTrackedKeys = 100_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>How long the client must wait before trying this address again, or null if it may try now.</summary>
    public TimeSpan? RetryAfter(string normalizedAddress, string client)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var perClient = Wait(ClientKey(normalizedAddress, client), options.FailuresPerClient, now);
            var perAddress = Wait(AddressKey(normalizedAddress), options.FailuresPerAddress, now);
            return perClient is null ? perAddress : perAddress is null ? perClient : Max(perClient.Value, perAddress.Value);
        }
    }

    public void RecordFailure(string normalizedAddress, string client)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= MaxTrackedKeys)
            {
                Prune(now);
            }

            Add(ClientKey(normalizedAddress, client), now);
            Add(AddressKey(normalizedAddress), now);
        }
    }

    /// <summary>A successful sign-in forgets the client's failures on that address (not the address's total).</summary>
    public void RecordSuccess(string normalizedAddress, string client)
    {
        lock (_lock)
        {
            _failures.Remove(ClientKey(normalizedAddress, client));
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        Expire(times, now);
        if (times.Count < limit)
        {
            return null;
        }

        // Free again once enough of the oldest failures have left the window.
        var freeing = times.ElementAt(times.Count - limit);
        return freeing + options.Window - now;
    }

    private void Add(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            _failures[key] = times = new Queue<DateTimeOffset>();
        }

        Expire(times, now);
        times.Enqueue(now);
    }

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + options.Window <= now)
        {
            times.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures.ToList())
        {
            Expire(times, now);
            if (times.Count == 0)
            {
                _failures.Remove(key);
            }
        }
    }

    private static string ClientKey(string address, string client) => "c\n" + address + "\n" + client;

    private static string AddressKey(string address) => "a\n" + address;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>A sign-in refused by <see cref="SignInThrottle"/> before the password was looked at.</summary>
public sealed class ThrottledSignInResult : Microsoft.AspNetCore.Identity.SignInResult
{
    public ThrottledSignInResult(TimeSpan retryAfter) => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }
}
