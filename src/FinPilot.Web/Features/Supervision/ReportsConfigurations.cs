using FinPilot.Domain.Supervision;
using FinPilot.Domain.Supervision.Disclosures;
using FinPilot.Domain.Supervision.Reports;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Supervision;

/// <summary>Plan revisions: append-only, one row per confirmation, read per plan in order.</summary>
internal sealed class SupervisionPlanRevisionConfiguration : IEntityTypeConfiguration<SupervisionPlanRevision>
{
    public void Configure(EntityTypeBuilder<SupervisionPlanRevision> builder)
    {
        builder.ToTable("SupervisionPlanRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Terms).HasConversion(JsonColumn<SupervisionTerms>.Converter, JsonColumn<SupervisionTerms>.Comparer);
        builder.Property(r => r.ConfirmedBy).HasMaxLength(450);
        builder.Property(r => r.Reason).HasMaxLength(SupervisionPlanRevision.MaxReasonLength);
        builder.HasIndex(r => new { r.PlanId, r.Revision }).IsUnique();
        builder.HasIndex(r => r.ProjectId);
    }
}

/// <summary>
/// A report's content, files, submissions and reviews are small, read with it and never queried
/// inside: JSON columns. One report per project and period; the dashboard counts by region and status.
/// </summary>
internal sealed class PeriodicReportConfiguration : IEntityTypeConfiguration<PeriodicReport>
{
    public void Configure(EntityTypeBuilder<PeriodicReport> builder)
    {
        builder.ToTable("PeriodicReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Subject).HasMaxLength(20);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.Content).HasConversion(JsonColumn<ReportContent>.Converter, JsonColumn<ReportContent>.Comparer);
        builder.Property(r => r.Files).HasConversion(JsonColumn<IReadOnlyList<ReportFile>>.Converter, JsonColumn<IReadOnlyList<ReportFile>>.Comparer);
        builder.Property(r => r.Submissions).HasConversion(JsonColumn<IReadOnlyList<ReportSubmission>>.Converter, JsonColumn<IReadOnlyList<ReportSubmission>>.Comparer);
        builder.Property(r => r.Reviews).HasConversion(JsonColumn<IReadOnlyList<ReportReview>>.Converter, JsonColumn<IReadOnlyList<ReportReview>>.Comparer);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ProjectId, r.Subject }).IsUnique();
        builder.HasIndex(r => new { r.RegionId, r.Status });
    }
}

/// <summary>Disclosures: listed per project, counted per region and status for the dashboard.</summary>
internal sealed class ProgressDisclosureConfiguration : IEntityTypeConfiguration<ProgressDisclosure>
{
    public void Configure(EntityTypeBuilder<ProgressDisclosure> builder)
    {
        builder.ToTable("ProgressDisclosures");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(ProgressDisclosure.MaxTitleLength);
        builder.Property(d => d.Text).HasMaxLength(ProgressDisclosure.MaxTextLength);
        builder.Property(d => d.ReturnReason).HasMaxLength(ProgressDisclosure.MaxReasonLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(450);
        builder.Property(d => d.DecidedBy).HasMaxLength(450);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.ProjectId, d.CreatedAt });
        builder.HasIndex(d => new { d.RegionId, d.Status });
    }
}
