using FinPilot.Domain.Obligations;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Obligations;

/// <summary>
/// One row per duty, unique on (project, kind, subject) so that creating one twice is harmless; the
/// clock reads open obligations by due time (Status, DueAt), the lists by owner and due time.
/// </summary>
internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.ToTable("Obligations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Subject).HasMaxLength(Obligation.MaxSubjectLength);
        builder.Property(o => o.ClosedBy).HasMaxLength(Obligation.MaxActorLength);
        builder.Property(o => o.WaiveReason).HasMaxLength(Obligation.MaxReasonLength);
        builder.Property(o => o.RemindersSent)
            .HasConversion(JsonColumn<IReadOnlyList<int>>.Converter, JsonColumn<IReadOnlyList<int>>.Comparer)
            .HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsOpen);
        builder.HasIndex(o => new { o.ProjectId, o.Kind, o.Subject }).IsUnique();
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.HasIndex(o => new { o.OrganisationId, o.DueAt });
        builder.HasIndex(o => new { o.RegionId, o.DueAt });
    }
}
