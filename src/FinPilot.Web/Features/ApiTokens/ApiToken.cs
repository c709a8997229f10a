using System.Security.Cryptography;
using System.Text;

namespace FinPilot.Web.Features.ApiTokens;

/// <summary>
/// A personal API token. Only its SHA-256 is stored: the secret is shown once at creation and a
/// database leak reveals nothing that can be presented as a bearer token.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "fpt_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; } = string.Empty;

    /// <summary>The first characters of the secret, so a user can tell tokens apart.</summary>
    public string Hint { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Makes a token and returns it with the secret, which is never stored.</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name.Trim(),
            Hash = HashOf(secret),
            Hint = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
