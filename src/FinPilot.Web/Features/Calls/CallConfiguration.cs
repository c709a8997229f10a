using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Calls;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Call.MaxTitleLength);
        builder.Property(c => c.Contact).HasMaxLength(Call.MaxContactLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Directions).HasConversion(JsonColumn<IReadOnlyList<string>>.Converter, JsonColumn<IReadOnlyList<string>>.Comparer);
        builder.Property(c => c.Materials).HasConversion(JsonColumn<IReadOnlyList<string>>.Converter, JsonColumn<IReadOnlyList<string>>.Comparer);
        builder.Property(c => c.EligibleTypes).HasConversion(JsonEnumNames<OrganisationType>.Converter, JsonEnumNames<OrganisationType>.Comparer);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.Property(c => c.PublishedBy).HasMaxLength(450);
        builder.Property(c => c.ClosedBy).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.RegionId, c.BatchNumber }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Corrections, correction =>
        {
            correction.ToTable("CallCorrections");
            correction.WithOwner().HasForeignKey("CallId");
            correction.Property<int>("Id");
            correction.HasKey("Id");
            correction.Property(x => x.By).HasMaxLength(450);
            correction.Property(x => x.Note).HasMaxLength(Call.MaxNoteLength);
            correction.Property(x => x.ChangedFields).HasConversion(JsonColumn<IReadOnlyList<string>>.Converter, JsonColumn<IReadOnlyList<string>>.Comparer).HasMaxLength(500);
        });
        builder.Navigation(c => c.Corrections).HasField("_corrections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CallSubscriptionConfiguration : IEntityTypeConfiguration<CallSubscription>
{
    public void Configure(EntityTypeBuilder<CallSubscription> builder)
    {
        builder.ToTable("CallSubscriptions");
        builder.HasKey(s => new { s.OrganisationId, s.RegionId });
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.HasIndex(s => s.RegionId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}
