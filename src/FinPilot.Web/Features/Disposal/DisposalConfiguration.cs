using FinPilot.Domain.Disposal;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Disposal;

/// <summary>
/// Disposal cases: the checklist, notices, compensation entries and level changes are small and read
/// with the case, so JSON columns. Lists are per region and per project, newest first.
/// </summary>
internal sealed class DisposalCaseConfiguration : IEntityTypeConfiguration<DisposalCase>
{
    public void Configure(EntityTypeBuilder<DisposalCase> builder)
    {
        builder.ToTable("DisposalCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Level).HasConversion<int>();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(DisposalCase.MaxTextLength);
        builder.Property(c => c.OpenedBy).HasMaxLength(450);
        builder.Property(c => c.ClosedBy).HasMaxLength(450);
        builder.Property(c => c.Conclusion).HasMaxLength(DisposalCase.MaxTextLength);
        builder.Property(c => c.TerminationReason).HasMaxLength(DisposalCase.MaxTextLength);
        builder.Property(c => c.Actions)
            .HasConversion(JsonColumn<IReadOnlyList<DisposalAction>>.Converter, JsonColumn<IReadOnlyList<DisposalAction>>.Comparer);
        builder.Property(c => c.LevelChanges)
            .HasConversion(JsonColumn<IReadOnlyList<LevelChange>>.Converter, JsonColumn<IReadOnlyList<LevelChange>>.Comparer);
        builder.Property(c => c.Notices)
            .HasConversion(JsonColumn<IReadOnlyList<CustomerNotice>>.Converter, JsonColumn<IReadOnlyList<CustomerNotice>>.Comparer);
        builder.Property(c => c.Compensation)
            .HasConversion(JsonColumn<IReadOnlyList<CompensationEntry>>.Converter, JsonColumn<IReadOnlyList<CompensationEntry>>.Comparer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.OpenActions);
        builder.HasIndex(c => new { c.RegionId, c.OpenedAt });
        builder.HasIndex(c => new { c.OrganisationId, c.OpenedAt });
        builder.HasIndex(c => new { c.ProjectId, c.OpenedAt });
    }
}

/// <summary>The contingency plan's versions, append-only; version 1 is the platform's default, installed by the migration.</summary>
internal sealed class ContingencyPlanVersionConfiguration : IEntityTypeConfiguration<ContingencyPlanVersion>
{
    public void Configure(EntityTypeBuilder<ContingencyPlanVersion> builder)
    {
        builder.ToTable("ContingencyPlanVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.PublishedBy).HasMaxLength(450);
        builder.Property(v => v.Note).HasMaxLength(ContingencyPlanVersion.MaxNoteLength);
        builder.Property(v => v.Levels)
            .HasConversion(JsonColumn<IReadOnlyList<ContingencyLevel>>.Converter, JsonColumn<IReadOnlyList<ContingencyLevel>>.Comparer);
        builder.HasData(ContingencyPlanVersion.Default());
    }
}
