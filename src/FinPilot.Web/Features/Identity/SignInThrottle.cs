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
/// from many networks stays slow. The counts are kept in the database (<see cref="ThrottleCounters"/>),
/// so every web node sees the same ones.
/// </summary>
public sealed class SignInThrottle(SignInThrottleOptions options, ThrottleCounters counters)
{
    /// <summary>How long the client must wait before trying this address again, or null if it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string normalizedAddress, string client, CancellationToken cancellationToken = default)
    {
        var perClient = await counters.RetryAfterAsync(ClientKey(normalizedAddress, client), options.FailuresPerClient, options.Window, cancellationToken);
        var perAddress = await counters.RetryAfterAsync(AddressKey(normalizedAddress), options.FailuresPerAddress, options.Window, cancellationToken);
        return perClient is null ? perAddress : perAddress is null ? perClient : Max(perClient.Value, perAddress.Value);
    }

    public async Task RecordFailureAsync(string normalizedAddress, string client, CancellationToken cancellationToken = default)
    {
        await counters.AddAsync(ClientKey(normalizedAddress, client), options.Window, cancellationToken);
        await counters.AddAsync(AddressKey(normalizedAddress), options.Window, cancellationToken);
    }

    /// <summary>A successful sign-in forgets the client's failures on that address (not the address's total).</summary>
    public Task RecordSuccessAsync(string normalizedAddress, string client, CancellationToken cancellationToken = default) =>
        counters.ResetAsync(ClientKey(normalizedAddress, client), cancellationToken);

    private static string ClientKey(string address, string client) => ThrottleCounters.KeyOf("signin.client", address + "\n" + client);

    private static string AddressKey(string address) => ThrottleCounters.KeyOf("signin.address", address);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>A sign-in refused by <see cref="SignInThrottle"/> before the password was looked at.</summary>
public sealed class ThrottledSignInResult : Microsoft.AspNetCore.Identity.SignInResult
{
    public ThrottledSignInResult(TimeSpan retryAfter) => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }
}
