using FinPilot.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(8);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.NameZh).HasMaxLength(Region.MaxNameLength);
        builder.Property(r => r.NameEn).HasMaxLength(Region.MaxNameLength);
    }
}
