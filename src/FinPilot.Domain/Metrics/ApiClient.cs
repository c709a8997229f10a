using System.Security.Cryptography;
using System.Text;
using FinPilot.Domain.Common;

namespace FinPilot.Domain.Metrics;

/// <summary>
/// An organisation's machine credential for submitting metrics (接口采集): not a person's token, it
/// acts for no user and reaches nothing but the submission endpoint of the organisation's own
/// pilots. It holds up to two valid secrets, so a new one can be rolled out while the old one still
/// works (rotation without downtime); each secret expires, and retiring one or revoking the whole
/// client ends it at once. Only secrets' SHA-256 are kept.
/// </summary>
public sealed class ApiClient : IRecordsEvents
{
    public const string SecretPrefix = "fpc_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;
    public const int MaxValidSecrets = 2;

    private readonly List<ApiClientSecret> _secrets = [];
    private readonly EventLog _events = new();

    private ApiClient()
    {
    }

    IReadOnlyList<IDomainEvent> IRecordsEvents.PendingEvents => _events.Pending;

    void IRecordsEvents.ClearEvents() => _events.Clear();

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>Moved by the edge at most once a minute; not part of the aggregate's rules.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public Guid Version { get; private set; }

    public IReadOnlyList<ApiClientSecret> Secrets => _secrets;

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Whether any secret of the client is accepted now.</summary>
    public bool IsActive(DateTimeOffset now) => !IsRevoked && _secrets.Any(s => s.IsValid(now));

    public IEnumerable<ApiClientSecret> ValidSecrets(DateTimeOffset now) => IsRevoked ? [] : _secrets.Where(s => s.IsValid(now));

    /// <summary>Makes a client with its first secret, returned with the secret (never stored).</summary>
    public static Result<(ApiClient Client, string Secret)> Create(Guid organisationId, string name, int expiresInDays, DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var errors = Text.Required(name, nameof(Name), MaxNameLength).ToList();
        if (LifetimeError(expiresInDays) is { } lifetime)
        {
            errors.Add(lifetime);
        }

        if (errors.Count > 0)
        {
            return Result<(ApiClient, string)>.Fail([.. errors]);
        }

        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Name = name.Trim(),
            CreatedAt = now,
            CreatedBy = actorUserId,
            Version = Guid.NewGuid(),
        };
        var (_, secret) = client.AddSecret(now, expiresInDays);
        client._events.Record(new ApiClientCreated());
        return (client, secret);
    }

    /// <summary>
    /// Issues a new secret beside the valid one; the old keeps working until it expires or is
    /// retired. Refused while two are valid, so that an old secret is never dropped unannounced.
    /// </summary>
    public Result<(ApiClientSecret Secret, string Value)> Rotate(int expiresInDays, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return new Error(MetricsErrors.ClientRevoked);
        }

        if (LifetimeError(expiresInDays) is { } lifetime)
        {
            return lifetime;
        }

        if (ValidSecrets(now).Count() >= MaxValidSecrets)
        {
            return new Error(MetricsErrors.TooManySecrets, null, MaxValidSecrets);
        }

        Version = Guid.NewGuid();
        var added = AddSecret(now, expiresInDays);
        _events.Record(new ApiClientSecretIssued(added.Item1));
        return added;
    }

    /// <summary>Ends one secret at once (the old one, once the systems use the new).</summary>
    public Result RetireSecret(Guid secretId, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            return new Error(MetricsErrors.ClientRevoked);
        }

        var secret = _secrets.FirstOrDefault(s => s.Id == secretId);
        if (secret is null || !secret.IsValid(now))
        {
            return new Error(MetricsErrors.SecretNotFound);
        }

        if (ValidSecrets(now).Count() == 1)
        {
            return new Error(MetricsErrors.LastSecret);
        }

        secret.Retire(now);
        Version = Guid.NewGuid();
        _events.Record(new ApiClientSecretRetired(secret));
        return Result.Ok();
    }

    /// <summary>Ends the client and every secret at once; final.</summary>
    public Result Revoke(DateTimeOffset now, string actorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        if (IsRevoked)
        {
            return new Error(MetricsErrors.ClientRevoked);
        }

        RevokedAt = now;
        RevokedBy = actorUserId;
        Version = Guid.NewGuid();
        _events.Record(new ApiClientRevoked());
        return Result.Ok();
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static Error? LifetimeError(int days) =>
        days is < 1 or > MaxLifetimeDays ? new Error(MetricsErrors.LifetimeOutOfRange, "ExpiresInDays", MaxLifetimeDays) : null;

    private (ApiClientSecret, string) AddSecret(DateTimeOffset now, int expiresInDays)
    {
        var value = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var secret = new ApiClientSecret(Guid.CreateVersion7(now), Id, HashOf(value), value[..(SecretPrefix.Length + 6)], now, now.AddDays(expiresInDays));
        _secrets.Add(secret);
        return (secret, value);
    }
}

/// <summary>One secret of an <see cref="ApiClient"/>: its hash, a prefix to tell it apart, its lifetime.</summary>
public sealed class ApiClientSecret
{
    internal ApiClientSecret(Guid id, Guid clientId, string hash, string hint, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        ClientId = clientId;
        Hash = hash;
        Hint = hint;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    private ApiClientSecret()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; } = string.Empty;

    public string Hint { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsValid(DateTimeOffset now) => RetiredAt is null && now < ExpiresAt;

    internal void Retire(DateTimeOffset now) => RetiredAt ??= now;
}

/// <summary>The client was created with its first secret.</summary>
public sealed record ApiClientCreated : IDomainEvent;

/// <summary>A new secret was issued beside the valid one.</summary>
public sealed record ApiClientSecretIssued(ApiClientSecret Secret) : IDomainEvent;

/// <summary>A secret was ended at once.</summary>
public sealed record ApiClientSecretRetired(ApiClientSecret Secret) : IDomainEvent;

/// <summary>The client and all its secrets were ended.</summary>
public sealed record ApiClientRevoked : IDomainEvent;
