using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.NameZh).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(o => o.NameEn).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(60);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => o.NameZh);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(o => o.Contacts, contact =>
        {
            contact.ToTable("OrganisationContacts");
            contact.WithOwner().HasForeignKey("OrganisationId");
            contact.Property<int>("Id");
            contact.HasKey("Id");
            contact.Property(c => c.Name).HasMaxLength(100);
            contact.Property(c => c.Title).HasMaxLength(100);
            contact.Property(c => c.Phone).HasMaxLength(40);
            contact.Property(c => c.Email).HasMaxLength(254);
        });
        builder.Navigation(o => o.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
