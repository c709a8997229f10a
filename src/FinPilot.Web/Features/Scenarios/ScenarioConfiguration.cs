using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Scenarios: invitations in their own table so that the visibility rule is one SQL filter; the
/// technologies as one delimited string so that a filter by technology is a LIKE on every provider.
/// Lists are by status and publication time, filtered by region and area.
/// </summary>
internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("Scenarios");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(Scenario.MaxTitleLength);
        builder.Property(s => s.PainPoint).HasMaxLength(Scenario.MaxTextLength);
        builder.Property(s => s.DataAvailable).HasMaxLength(Scenario.MaxTextLength);
        builder.Property(s => s.ExpectedOutcome).HasMaxLength(Scenario.MaxTextLength);
        builder.Property(s => s.Timeline).HasMaxLength(Scenario.MaxShortTextLength);
        builder.Property(s => s.TechnologyCodes).HasMaxLength(TechnologyTags.MaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.Area).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Technologies);
        builder.Ignore(s => s.IsPublished);
        builder.OwnsMany(s => s.Invitations, i =>
        {
            i.ToTable("ScenarioInvitations");
            i.WithOwner().HasForeignKey("ScenarioId");
            i.HasKey("ScenarioId", nameof(ScenarioInvitation.OrganisationId));
            i.HasIndex(x => x.OrganisationId);
        });
        builder.Navigation(s => s.Invitations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.Status, s.PublishedAt });
        builder.HasIndex(s => new { s.RegionId, s.Status });
        builder.HasIndex(s => s.PublisherOrganisationId);
    }
}

internal sealed class SolutionConfiguration : IEntityTypeConfiguration<Solution>
{
    public void Configure(EntityTypeBuilder<Solution> builder)
    {
        builder.ToTable("Solutions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(Solution.MaxTitleLength);
        builder.Property(s => s.Capability).HasMaxLength(Solution.MaxTextLength);
        builder.Property(s => s.References).HasMaxLength(Solution.MaxTextLength);
        builder.Property(s => s.Certifications).HasMaxLength(Solution.MaxTextLength);
        builder.Property(s => s.TechnologyCodes).HasMaxLength(TechnologyTags.MaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Area).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Technologies);
        builder.HasIndex(s => new { s.Status, s.PublishedAt });
        builder.HasIndex(s => s.OrganisationId);
        builder.HasIndex(s => s.ScenarioId);
    }
}

internal sealed class ScenarioSubscriptionConfiguration : IEntityTypeConfiguration<ScenarioSubscription>
{
    public void Configure(EntityTypeBuilder<ScenarioSubscription> builder)
    {
        builder.ToTable("ScenarioSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Area).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Technology).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(s => s.OrganisationId);
    }
}

/// <summary>Matches: one per scenario–solution pair; the thread is small and read with the match, so a JSON column.</summary>
internal sealed class ScenarioMatchConfiguration : IEntityTypeConfiguration<ScenarioMatch>
{
    public void Configure(EntityTypeBuilder<ScenarioMatch> builder)
    {
        builder.ToTable("ScenarioMatches");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ScenarioConsentBy).HasMaxLength(450);
        builder.Property(m => m.SolutionConsentBy).HasMaxLength(450);
        builder.Property(m => m.Messages)
            .HasConversion(JsonColumn<IReadOnlyList<MatchMessage>>.Converter, JsonColumn<IReadOnlyList<MatchMessage>>.Comparer);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.ScenarioId, m.SolutionId }).IsUnique();
        builder.HasIndex(m => m.RegionId);
        builder.HasIndex(m => m.SolutionOrganisationId);
        builder.HasIndex(m => m.ScenarioOrganisationId);
        builder.HasIndex(m => m.ProjectId);
    }
}
