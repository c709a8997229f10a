using FinPilot.Domain.Scenarios;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Scenarios;

/// <summary>
/// Roadshows: the registrations and the panel in their own tables (the conflict finder asks which
/// organisations presented to which panellists in SQL); the rubric, the covered scenarios and the
/// score sheets are small and read with the roadshow, so JSON columns.
/// </summary>
internal sealed class RoadshowConfiguration : IEntityTypeConfiguration<Roadshow>
{
    public void Configure(EntityTypeBuilder<Roadshow> builder)
    {
        builder.ToTable("Roadshows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(Roadshow.MaxTitleLength);
        builder.Property(r => r.Place).HasMaxLength(Roadshow.MaxPlaceLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.ScenarioIds)
            .HasConversion(JsonColumn<IReadOnlyList<Guid>>.Converter, JsonColumn<IReadOnlyList<Guid>>.Comparer);
        builder.Property(r => r.Criteria)
            .HasConversion(JsonColumn<IReadOnlyList<RoadshowCriterion>>.Converter, JsonColumn<IReadOnlyList<RoadshowCriterion>>.Comparer);
        builder.Property(r => r.Scores)
            .HasConversion(JsonColumn<IReadOnlyList<RoadshowScore>>.Converter, JsonColumn<IReadOnlyList<RoadshowScore>>.Comparer);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.SeatsTaken);
        builder.Ignore(r => r.WaitingList);
        builder.OwnsMany(r => r.Registrations, g =>
        {
            g.ToTable("RoadshowRegistrations");
            g.WithOwner().HasForeignKey("RoadshowId");
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).ValueGeneratedNever();
            g.Property(x => x.Seat).HasConversion<string>().HasMaxLength(20);
            g.Property(x => x.RegisteredBy).HasMaxLength(450);
            g.HasIndex(x => x.OrganisationId);
            g.HasIndex(x => x.MatchId);
        });
        builder.Navigation(r => r.Registrations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.Panel, p =>
        {
            p.ToTable("RoadshowPanellists");
            p.WithOwner().HasForeignKey("RoadshowId");
            p.HasKey("RoadshowId", nameof(RoadshowPanellist.ExpertId));
            p.Property(x => x.ExpertId).HasMaxLength(450);
            p.HasIndex(x => x.ExpertId);
        });
        builder.Navigation(r => r.Panel).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.RegionId, r.StartsAt });
    }
}

/// <summary>Coaching assignments: looked up by coach (conflicts), organisation and match; the sessions are a JSON column.</summary>
internal sealed class CoachingAssignmentConfiguration : IEntityTypeConfiguration<CoachingAssignment>
{
    public void Configure(EntityTypeBuilder<CoachingAssignment> builder)
    {
        builder.ToTable("CoachingAssignments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CoachUserId).HasMaxLength(450);
        builder.Property(c => c.AssignedBy).HasMaxLength(450);
        builder.Property(c => c.Sessions)
            .HasConversion(JsonColumn<IReadOnlyList<CoachingSession>>.Converter, JsonColumn<IReadOnlyList<CoachingSession>>.Comparer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Parties);
        builder.HasIndex(c => c.CoachUserId);
        builder.HasIndex(c => c.OrganisationId);
        builder.HasIndex(c => c.PartnerOrganisationId);
        builder.HasIndex(c => c.MatchId);
        builder.HasIndex(c => c.RegionId);
    }
}
