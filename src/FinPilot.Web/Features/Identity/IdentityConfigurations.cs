using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("RoleAssignments");
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Grant);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.GrantedBy).HasMaxLength(450);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.Role, a.RegionId, a.OrganisationId }).IsUnique();
    }
}

internal sealed class ThrottleCounterConfiguration : IEntityTypeConfiguration<ThrottleCounter>
{
    public void Configure(EntityTypeBuilder<ThrottleCounter> builder)
    {
        // Raw SQL upserts into this table (ThrottleCounters.AddAsync): keep its and its columns' names.
        builder.ToTable("ThrottleCounters");
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasColumnName("Key").HasMaxLength(ThrottleCounter.MaxKeyLength);
        builder.Property(c => c.WindowStart).HasColumnName("WindowStart");
        builder.Property(c => c.Count).HasColumnName("Count");
        builder.Property(c => c.ExpiresAt).HasColumnName("ExpiresAt");
        builder.HasIndex(c => c.ExpiresAt);
    }
}
