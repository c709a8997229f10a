using FinPilot.Domain.Metrics;

namespace FinPilot.Domain.Tests.Metrics;

public sealed class ApiClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public void A_new_client_has_one_secret_kept_only_as_its_hash()
    {
        var (client, secret) = ApiClient.Create(Organisation, "  核心系统 ", 30, Now, "u1").ValueOrThrow();

        var stored = Assert.Single(client.Secrets);
        Assert.Equal("核心系统", client.Name);
        Assert.StartsWith(ApiClient.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(ApiClient.HashOf(secret), stored.Hash);
        Assert.NotEqual(secret, stored.Hash);
        Assert.StartsWith(stored.Hint, secret, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(30), stored.ExpiresAt);
        Assert.True(client.IsActive(Now));
        Assert.False(client.IsActive(Now.AddDays(30)));
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("名称", 0)]
    [InlineData("名称", ApiClient.MaxLifetimeDays + 1)]
    public void A_client_needs_a_name_and_a_lifetime_within_bounds(string name, int days)
    {
        var created = ApiClient.Create(Organisation, name, days, Now, "u1");

        Assert.True(created.Failed);
    }

    [Fact]
    public void Rotation_keeps_the_old_secret_valid_beside_the_new_until_it_is_retired()
    {
        var (client, _) = ApiClient.Create(Organisation, "c", 30, Now, "u1").ValueOrThrow();
        var first = client.Secrets[0];
        var version = client.Version;

        var (second, value) = client.Rotate(60, Now.AddDays(1)).ValueOrThrow();
        var third = client.Rotate(60, Now.AddDays(1));
        var retired = client.RetireSecret(first.Id, Now.AddDays(2));
        var last = client.RetireSecret(second.Id, Now.AddDays(2));

        Assert.NotEqual(version, client.Version);
        Assert.Equal(ApiClient.HashOf(value), second.Hash);
        Assert.Equal(MetricsErrors.TooManySecrets, Assert.Single(third.Errors).Code);
        Assert.True(retired.Succeeded);
        Assert.False(first.IsValid(Now.AddDays(2)));
        Assert.Equal(MetricsErrors.LastSecret, Assert.Single(last.Errors).Code);
        Assert.Equal([second.Id], client.ValidSecrets(Now.AddDays(2)).Select(s => s.Id));
    }

    [Fact]
    public void An_expired_secret_no_longer_counts_against_rotation()
    {
        var (client, _) = ApiClient.Create(Organisation, "c", 1, Now, "u1").ValueOrThrow();
        client.Rotate(30, Now).ValueOrThrow();

        var later = client.Rotate(30, Now.AddDays(2));

        Assert.True(later.Succeeded);
        Assert.Equal(2, client.ValidSecrets(Now.AddDays(2)).Count());
    }

    [Fact]
    public void A_revoked_client_has_no_valid_secret_and_refuses_every_change()
    {
        var (client, _) = ApiClient.Create(Organisation, "c", 30, Now, "u1").ValueOrThrow();
        client.Rotate(30, Now).ValueOrThrow();

        var revoked = client.Revoke(Now.AddHours(1), "u2");

        Assert.True(revoked.Succeeded);
        Assert.False(client.IsActive(Now.AddHours(1)));
        Assert.Empty(client.ValidSecrets(Now.AddHours(1)));
        Assert.Equal(MetricsErrors.ClientRevoked, Assert.Single(client.Rotate(30, Now.AddHours(2)).Errors).Code);
        Assert.Equal(MetricsErrors.ClientRevoked, Assert.Single(client.Revoke(Now.AddHours(2), "u2").Errors).Code);
        Assert.Equal(MetricsErrors.ClientRevoked, Assert.Single(client.RetireSecret(client.Secrets[0].Id, Now.AddHours(2)).Errors).Code);
    }
}
