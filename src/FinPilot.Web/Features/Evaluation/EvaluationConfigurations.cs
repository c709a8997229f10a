using FinPilot.Domain.Calls;
using FinPilot.Domain.Evaluation.Rounds;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Evaluation;

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> builder)
    {
        builder.ToTable("ExpertProfiles");
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.EmployerName).HasMaxLength(ExpertProfile.MaxEmployerNameLength);
        builder.Property(e => e.Profile).HasMaxLength(ExpertProfile.MaxProfileLength);
        builder.Property(e => e.DomainList).HasMaxLength(50);
        builder.Property(e => e.RegionList).HasMaxLength(500);
        builder.Property(e => e.TagsJson).HasMaxLength(4000);
        builder.Property(e => e.CategoriesJson).HasMaxLength(200);
        builder.Property(e => e.UpdatedBy).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Domains);
        builder.Ignore(e => e.RegionIds);
        builder.Ignore(e => e.Tags);
        builder.Ignore(e => e.Categories);
        builder.Ignore(e => e.History);
        builder.Ignore(e => e.EffectiveLoad);
        builder.HasOne<User>().WithOne().HasForeignKey<ExpertProfile>(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.EmployerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("ConflictDeclarations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ExpertUserId).HasMaxLength(450);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(ConflictDeclaration.MaxTextLength);
        builder.Ignore(c => c.IsCurrent);
        builder.HasIndex(c => c.ExpertUserId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.ExpertUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> builder)
    {
        builder.ToTable("EvaluationRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(EvaluationRound.MaxTitleLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Rubric);
        builder.Ignore(r => r.Weights);
        builder.Ignore(r => r.LastSolve);
        builder.HasIndex(r => r.CallId);
        builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundProjectConfiguration : IEntityTypeConfiguration<RoundProject>
{
    public void Configure(EntityTypeBuilder<RoundProject> builder)
    {
        builder.ToTable("EvaluationRoundProjects");
        builder.HasKey(r => new { r.RoundId, r.ProjectId });
        builder.HasIndex(r => r.ProjectId);
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PairRuleConfiguration : IEntityTypeConfiguration<PairRule>
{
    public void Configure(EntityTypeBuilder<PairRule> builder)
    {
        builder.ToTable("EvaluationPairRules");
        builder.HasKey(r => new { r.RoundId, r.ProjectId, r.ExpertUserId });
        builder.Property(r => r.ExpertUserId).HasMaxLength(450);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> builder)
    {
        builder.ToTable("ExpertAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ExpertUserId).HasMaxLength(450);
        builder.Property(a => a.AssignedBy).HasMaxLength(450);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ConflictNote).HasMaxLength(ExpertAssignment.MaxReasonLength);
        builder.Property(a => a.LastReopenReason).HasMaxLength(ExpertAssignment.MaxReasonLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.State);
        builder.Ignore(a => a.OpensMaterials);
        builder.Ignore(a => a.Sheet);
        builder.HasIndex(a => new { a.RoundId, a.ProjectId, a.ExpertUserId }).IsUnique();
        builder.HasIndex(a => a.ExpertUserId);
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.ExpertUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationQuestionConfiguration : IEntityTypeConfiguration<EvaluationQuestion>
{
    public void Configure(EntityTypeBuilder<EvaluationQuestion> builder)
    {
        builder.ToTable("EvaluationQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.AskedBy).HasMaxLength(450);
        builder.Property(q => q.AnsweredBy).HasMaxLength(450);
        builder.Property(q => q.Text).HasMaxLength(EvaluationQuestion.MaxTextLength);
        builder.Property(q => q.Answer).HasMaxLength(EvaluationQuestion.MaxTextLength);
        builder.HasIndex(q => new { q.ProjectId, q.AskedAt });
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(q => q.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsensusRecordConfiguration : IEntityTypeConfiguration<ConsensusRecord>
{
    public void Configure(EntityTypeBuilder<ConsensusRecord> builder)
    {
        builder.ToTable("EvaluationConsensus");
        builder.HasKey(c => new { c.RoundId, c.ProjectId });
        builder.Property(c => c.Outcome).HasMaxLength(ConsensusRecord.MaxOutcomeLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(450);
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
