using System.Security.Cryptography;
using System.Text;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// Turns a public client's network address into the key its submissions are counted under. The
/// address is kept only as this key: an HMAC with a server secret, because a plain hash of an IPv4
/// address is undone by hashing all four billion of them.
/// </summary>
/// <remarks>
/// The secret is the setting <see cref="Setting"/> (base64, at least 32 bytes), kept like the other
/// secrets (environment or secret store, never in appsettings.json). Without it each process makes
/// its own: keys then differ between nodes and restarts, so the rate limit counts from zero there.
/// </remarks>
public sealed class ClientAddressKey
{
    public const string Setting = "Disclosure:AddressHashKey";

    private const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public ClientAddressKey(IConfiguration configuration, IHostEnvironment environment, ILogger<ClientAddressKey> logger)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("{Setting} is not set: public submissions are rate-limited per process, and the limit restarts with the process.", Setting);
            }

            _key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
            return;
        }

        _key = Decode(configured);
    }

    public string For(string? address) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("finpilot-public:" + (address ?? "unknown"))));

    private static byte[] Decode(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{Setting} is not base64.", exception);
        }

        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{Setting} holds {key.Length} bytes; it needs at least {MinimumKeyBytes} (make one with: openssl rand -base64 32).");
    }
}
