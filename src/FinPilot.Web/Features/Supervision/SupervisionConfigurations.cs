using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Supervision;

/// <summary>
/// A plan's terms are small, read with the plan and never queried inside, so they are one JSON
/// column; one plan per project.
/// </summary>
internal sealed class SupervisionPlanConfiguration : IEntityTypeConfiguration<SupervisionPlan>
{
    public void Configure(EntityTypeBuilder<SupervisionPlan> builder)
    {
        builder.ToTable("SupervisionPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Terms).HasConversion(JsonColumn<SupervisionTerms>.Converter, JsonColumn<SupervisionTerms>.Comparer);
        builder.Property(p => p.ConfirmedBy).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.ProjectId).IsUnique();
        builder.HasIndex(p => new { p.RegionId, p.Revision });
        builder.HasIndex(p => p.OrganisationId);

        // The probe job reads the plans confirmed since its last sync.
        builder.HasIndex(p => p.ConfirmedAt);
    }
}

/// <summary>
/// Samples grow by millions: a long key, the idempotency key unique, and one index that serves a
/// project's series of one metric in time order (charts, rules, freshness).
/// </summary>
internal sealed class MetricSampleConfiguration : IEntityTypeConfiguration<MetricSample>
{
    public void Configure(EntityTypeBuilder<MetricSample> builder)
    {
        builder.ToTable("MetricSamples");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.MetricCode).HasMaxLength(MetricDefinition.MaxCodeLength);
        builder.Property(s => s.Source).HasMaxLength(MetricSample.MaxSourceLength);
        builder.Property(s => s.EventId).HasMaxLength(MetricSample.MaxEventIdLength);
        builder.HasIndex(s => new { s.ProjectId, s.Source, s.EventId }).IsUnique();
        builder.HasIndex(s => new { s.ProjectId, s.MetricCode, s.PeriodEnd });
    }
}
