using FinPilot.Domain.Integrity;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Integrity;

/// <summary>
/// Integrity flags. A computed flag is unique per (rule, record, person): the scan inserts and a
/// second scan racing it hits the unique index instead of making a twin (an officer's flag has its
/// own id in the person key, <see cref="IntegrityFlag.PersonKey"/>). Lists filter by status, rule and
/// region, newest first.
/// </summary>
internal sealed class IntegrityFlagConfiguration : IEntityTypeConfiguration<IntegrityFlag>
{
    public void Configure(EntityTypeBuilder<IntegrityFlag> builder)
    {
        builder.ToTable("IntegrityFlags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Rule).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.RecordId).HasMaxLength(IntegrityFlag.MaxRecordIdLength);
        builder.Property(f => f.PersonId).HasMaxLength(450);
        builder.Property(f => f.PersonKey).HasMaxLength(450);
        builder.Property(f => f.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Conclusion).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.RaisedBy).HasMaxLength(450);
        builder.Property(f => f.RequestedBy).HasMaxLength(450);
        builder.Property(f => f.ExplainedBy).HasMaxLength(450);
        builder.Property(f => f.ClosedBy).HasMaxLength(450);
        builder.Property(f => f.Request).HasMaxLength(IntegrityFlag.MaxTextLength);
        builder.Property(f => f.Explanation).HasMaxLength(IntegrityFlag.MaxTextLength);
        builder.Property(f => f.ConclusionText).HasMaxLength(IntegrityFlag.MaxTextLength);
        builder.Property(f => f.Facts).HasConversion(JsonColumn<IntegrityFacts>.Converter, JsonColumn<IntegrityFacts>.Comparer);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOpen);
        builder.Ignore(f => f.ObligationSubject);
        builder.HasIndex(f => new { f.Rule, f.RecordKind, f.RecordId, f.PersonKey }).IsUnique();
        builder.HasIndex(f => new { f.Status, f.RaisedAt });
        builder.HasIndex(f => new { f.RegionId, f.RaisedAt });
        builder.HasIndex(f => new { f.UnitOrganisationId, f.RaisedAt });
    }
}
