using FinPilot.Domain.Exit;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Exit;

/// <summary>
/// One row per exit; the self-assessment, the checklist, the questions, the expert review and the
/// tier proposal are small JSON values. The tier is a column of its own, so the register filters by
/// it in SQL; indexed for a region's queue by status and a pilot's exit.
/// </summary>
internal sealed class ExitCaseConfiguration : IEntityTypeConfiguration<ExitCase>
{
    public void Configure(EntityTypeBuilder<ExitCase> builder)
    {
        builder.ToTable("ExitCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reasons).HasMaxLength(ExitCase.MaxReasonLength);
        builder.Property(c => c.TransitionPlan).HasMaxLength(ExitCase.MaxReasonLength);
        builder.Property(c => c.OpenedBy).HasMaxLength(ExitCase.MaxActorLength);
        builder.Property(c => c.AuditedBy).HasMaxLength(ExitCase.MaxActorLength);
        builder.Property(c => c.ForwardedBy).HasMaxLength(ExitCase.MaxActorLength);
        builder.Property(c => c.AuditNote).HasMaxLength(ExitCase.MaxNoteLength);
        builder.Property(c => c.ForwardNote).HasMaxLength(ExitCase.MaxNoteLength);
        builder.Property(c => c.Resolution).HasMaxLength(ExitCase.MaxReasonLength);
        builder.Property(c => c.SelfAssessment).HasConversion(JsonColumn<ExitSelfAssessment>.NullableConverter, JsonColumn<ExitSelfAssessment>.NullableComparer);
        builder.Property(c => c.Checklist).HasConversion(JsonColumn<IReadOnlyList<ChecklistItem>>.Converter, JsonColumn<IReadOnlyList<ChecklistItem>>.Comparer);
        builder.Property(c => c.Questions).HasConversion(JsonColumn<IReadOnlyList<ExitQuestion>>.Converter, JsonColumn<IReadOnlyList<ExitQuestion>>.Comparer);
        builder.Property(c => c.Review).HasConversion(JsonColumn<ExitReview>.NullableConverter, JsonColumn<ExitReview>.NullableComparer);
        builder.Property(c => c.Proposal).HasConversion(JsonColumn<TierProposal>.NullableConverter, JsonColumn<TierProposal>.NullableComparer);
        builder.Property(c => c.TierDecision).HasConversion(JsonColumn<TierDecision>.NullableConverter, JsonColumn<TierDecision>.NullableComparer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.MissingChecklistItems);
        builder.Ignore(c => c.ChecklistComplete);
        builder.Ignore(c => c.OpenQuestions);
        builder.Ignore(c => c.TierToConfirm);
        builder.HasIndex(c => c.ProjectId).IsUnique();
        builder.HasIndex(c => new { c.RegionId, c.Status, c.OpenedAt });
        builder.HasIndex(c => new { c.Tier, c.ProjectId });
    }
}
