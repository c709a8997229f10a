using FinPilot.Domain.Incidents;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Incidents;

/// <summary>
/// Incidents: updates and triage steps are small, append-only and read with the incident, so JSON
/// columns. Lists are per region, per organisation and per project, newest first.
/// </summary>
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(Incident.MaxTitleLength);
        builder.Property(i => i.Description).HasMaxLength(Incident.MaxTextLength);
        builder.Property(i => i.Measures).HasMaxLength(Incident.MaxTextLength);
        builder.Property(i => i.Conclusion).HasMaxLength(Incident.MaxNoteLength);
        builder.Property(i => i.ReportedBy).HasMaxLength(450);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.AmountAffected).HasPrecision(18, 2);
        builder.Property(i => i.Updates)
            .HasConversion(JsonColumn<IReadOnlyList<IncidentUpdate>>.Converter, JsonColumn<IReadOnlyList<IncidentUpdate>>.Comparer);
        builder.Property(i => i.Triage)
            .HasConversion(JsonColumn<IReadOnlyList<IncidentTriageStep>>.Converter, JsonColumn<IReadOnlyList<IncidentTriageStep>>.Comparer);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Severe);
        builder.HasIndex(i => new { i.RegionId, i.ReportedAt });
        builder.HasIndex(i => new { i.OrganisationId, i.ReportedAt });
        builder.HasIndex(i => new { i.ProjectId, i.ReportedAt });
    }
}
