using FinPilot.Domain.Probing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Probing;

/// <summary>
/// One target per (project, URL); the job reads active rows by next-due time only, so the index
/// leads with those two columns.
/// </summary>
internal sealed class ProbeTargetConfiguration : IEntityTypeConfiguration<ProbeTarget>
{
    public void Configure(EntityTypeBuilder<ProbeTarget> builder)
    {
        builder.ToTable("ProbeTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Url).HasMaxLength(Domain.Supervision.ProbeEndpoint.MaxUrlLength);
        builder.Property(t => t.LastOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.LastFailure).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Failing);
        builder.HasIndex(t => new { t.ProjectId, t.Url }).IsUnique();
        builder.HasIndex(t => new { t.Active, t.NextDueAt });
    }
}

/// <summary>Results: appended, read per target over the last days, pruned by age.</summary>
internal sealed class ProbeResultConfiguration : IEntityTypeConfiguration<ProbeResult>
{
    public void Configure(EntityTypeBuilder<ProbeResult> builder)
    {
        builder.ToTable("ProbeResults");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Failure).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(r => new { r.TargetId, r.At });
        builder.HasIndex(r => new { r.ProjectId, r.At });
        builder.HasIndex(r => r.At);
    }
}

/// <summary>The probe job's one sync mark.</summary>
internal sealed class ProbeSyncMarkConfiguration : IEntityTypeConfiguration<ProbeSyncMark>
{
    public void Configure(EntityTypeBuilder<ProbeSyncMark> builder)
    {
        builder.ToTable("ProbeSyncMarks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
    }
}
