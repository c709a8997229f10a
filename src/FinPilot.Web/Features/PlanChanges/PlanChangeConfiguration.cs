using FinPilot.Domain.PlanChanges;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.PlanChanges;

/// <summary>
/// One row per change request; the parameters side by side as JSON values. Indexed for a project's
/// history, a region's queue by status, and the job's approved-but-not-applied changes by effective date.
/// </summary>
internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> builder)
    {
        builder.ToTable("PlanChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Current).HasConversion(JsonColumn<TestParameters>.Converter, JsonColumn<TestParameters>.Comparer);
        builder.Property(c => c.Proposed).HasConversion(JsonColumn<TestParameters>.Converter, JsonColumn<TestParameters>.Comparer);
        builder.Property(c => c.CurrentMetrics).HasConversion(JsonColumn<IReadOnlyList<MetricDefinition>>.NullableConverter, JsonColumn<IReadOnlyList<MetricDefinition>>.NullableComparer);
        builder.Property(c => c.ProposedMetrics).HasConversion(JsonColumn<IReadOnlyList<MetricDefinition>>.NullableConverter, JsonColumn<IReadOnlyList<MetricDefinition>>.NullableComparer);
        builder.Property(c => c.ChangedFields).HasConversion(JsonEnumNames<PlanField>.Converter, JsonEnumNames<PlanField>.Comparer).HasMaxLength(200);
        builder.Property(c => c.RouteReasons).HasConversion(JsonEnumNames<RouteReason>.Converter, JsonEnumNames<RouteReason>.Comparer).HasMaxLength(400);
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Reason).HasMaxLength(PlanChange.MaxReasonLength);
        builder.Property(c => c.DecisionNote).HasMaxLength(PlanChange.MaxNoteLength);
        builder.Property(c => c.RequestedBy).HasMaxLength(PlanChange.MaxActorLength);
        builder.Property(c => c.DecidedBy).HasMaxLength(PlanChange.MaxActorLength);
        builder.Property(c => c.Review).HasConversion(JsonColumn<ExpertReview>.NullableConverter, JsonColumn<ExpertReview>.NullableComparer);
        builder.Property(c => c.ForwardedBy).HasMaxLength(PlanChange.MaxActorLength);
        builder.Property(c => c.ForwardNote).HasMaxLength(PlanChange.MaxNoteLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.ProjectId, c.RequestedAt });
        builder.HasIndex(c => new { c.RegionId, c.Status, c.RequestedAt });
        builder.HasIndex(c => new { c.Status, c.AppliedAt, c.EffectiveOn });
    }
}
