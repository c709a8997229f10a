using FinPilot.Domain.Metrics;
using FinPilot.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Metrics;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(ApiClient.MaxNameLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.Property(c => c.RevokedBy).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.OrganisationId, c.CreatedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Secrets).WithOne().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Secrets).HasField("_secrets").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>Secrets are found by their hash on every submission: the hash is unique and indexed.</summary>
internal sealed class ApiClientSecretConfiguration : IEntityTypeConfiguration<ApiClientSecret>
{
    public void Configure(EntityTypeBuilder<ApiClientSecret> builder)
    {
        builder.ToTable("ApiClientSecrets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.HasIndex(s => s.Hash).IsUnique();
        builder.Property(s => s.Hint).HasMaxLength(16);
    }
}
