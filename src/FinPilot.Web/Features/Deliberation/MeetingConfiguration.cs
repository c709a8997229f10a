using FinPilot.Domain.Deliberation;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Deliberation;

/// <summary>
/// A meeting and its agenda items in two tables; what hangs off an item (opinion requests, ballots,
/// recusals, the resolution) is small, read with the item and never queried alone, so it is kept
/// as JSON in the item's row.
/// </summary>
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.ChairId).HasMaxLength(450);
        builder.Property(m => m.AttendeeIds).HasConversion(JsonColumn<IReadOnlyList<string>>.Converter, JsonColumn<IReadOnlyList<string>>.Comparer).HasMaxLength(25000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CreatedBy).HasMaxLength(450);
        builder.Property(m => m.HeldBy).HasMaxLength(450);
        builder.Property(m => m.ClosedBy).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Date);
        builder.OwnsMany(m => m.AgendaItems, item =>
        {
            item.ToTable("MeetingAgendaItems");
            item.WithOwner().HasForeignKey("MeetingId");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
            item.Property(i => i.Title).HasMaxLength(200);
            item.Property(i => i.ProjectIds).HasConversion(JsonColumn<IReadOnlyList<Guid>>.Converter, JsonColumn<IReadOnlyList<Guid>>.Comparer);
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.AddedBy).HasMaxLength(450);
            item.Property(i => i.Resolution).HasConversion(JsonColumn<Resolution>.NullableConverter, JsonColumn<Resolution>.NullableComparer);
            item.Ignore(i => i.OpinionRequests);
            item.Ignore(i => i.Ballots);
            item.Ignore(i => i.RecusedMemberIds);
            item.Ignore(i => i.DeclaredConflicts);
            item.Property<List<MemberConflict>>("_declaredConflicts").HasColumnName("DeclaredConflicts")
                .HasConversion(JsonColumn<List<MemberConflict>>.Converter, JsonColumn<List<MemberConflict>>.Comparer);
            item.Property<List<OpinionRequest>>("_opinionRequests").HasColumnName("OpinionRequests")
                .HasConversion(JsonColumn<List<OpinionRequest>>.Converter, JsonColumn<List<OpinionRequest>>.Comparer);
            item.Property<List<Ballot>>("_ballots").HasColumnName("Ballots")
                .HasConversion(JsonColumn<List<Ballot>>.Converter, JsonColumn<List<Ballot>>.Comparer);
            item.Property<List<string>>("_recusedMemberIds").HasColumnName("RecusedMemberIds")
                .HasConversion(JsonColumn<List<string>>.Converter, JsonColumn<List<string>>.Comparer);
        });
        builder.Navigation(m => m.AgendaItems).HasField("_agendaItems").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
