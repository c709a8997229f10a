using FinPilot.Domain.Corrections;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Corrections;

/// <summary>
/// Correction orders: steps are small, append-only and read with the order, so a JSON column.
/// Lists are per region, organisation and project, newest first; the escalation clock reads open
/// orders by due time.
/// </summary>
internal sealed class CorrectionOrderConfiguration : IEntityTypeConfiguration<CorrectionOrder>
{
    public void Configure(EntityTypeBuilder<CorrectionOrder> builder)
    {
        builder.ToTable("CorrectionOrders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Findings).HasMaxLength(CorrectionOrder.MaxTextLength);
        builder.Property(o => o.Breach).HasMaxLength(CorrectionOrder.MaxTextLength);
        builder.Property(o => o.RequiredActions).HasMaxLength(CorrectionOrder.MaxTextLength);
        builder.Property(o => o.CorrectionPlan).HasMaxLength(CorrectionOrder.MaxTextLength);
        builder.Property(o => o.Evidence).HasMaxLength(CorrectionOrder.MaxTextLength);
        builder.Property(o => o.Conclusion).HasMaxLength(CorrectionOrder.MaxNoteLength);
        builder.Property(o => o.IssuedBy).HasMaxLength(450);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Severity).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Escalation).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Steps)
            .HasConversion(JsonColumn<IReadOnlyList<CorrectionStep>>.Converter, JsonColumn<IReadOnlyList<CorrectionStep>>.Comparer);
        builder.Property(o => o.Files)
            .HasConversion(JsonColumn<IReadOnlyList<CorrectionFile>>.Converter, JsonColumn<IReadOnlyList<CorrectionFile>>.Comparer)
            .HasDefaultValueSql("'[]'");
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.RegionId, o.IssuedAt });
        builder.HasIndex(o => new { o.OrganisationId, o.IssuedAt });
        builder.HasIndex(o => new { o.ProjectId, o.IssuedAt });
        builder.HasIndex(o => new { o.Status, o.DueAt });
    }
}

/// <summary>Tolerated deviations: few per pilot, read with their history.</summary>
internal sealed class ToleratedDeviationConfiguration : IEntityTypeConfiguration<ToleratedDeviation>
{
    public void Configure(EntityTypeBuilder<ToleratedDeviation> builder)
    {
        builder.ToTable("ToleratedDeviations");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Deviation).HasMaxLength(ToleratedDeviation.MaxTextLength);
        builder.Property(t => t.Rationale).HasMaxLength(ToleratedDeviation.MaxTextLength);
        builder.Property(t => t.Conditions).HasMaxLength(ToleratedDeviation.MaxTextLength);
        builder.Property(t => t.RecordedBy).HasMaxLength(450);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Steps)
            .HasConversion(JsonColumn<IReadOnlyList<ToleranceStep>>.Converter, JsonColumn<IReadOnlyList<ToleranceStep>>.Comparer);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Renewals);
        builder.Ignore(t => t.ReviewSubject);
        builder.HasIndex(t => new { t.RegionId, t.RecordedAt });
        builder.HasIndex(t => new { t.ProjectId, t.RecordedAt });
    }
}
