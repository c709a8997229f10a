using FinPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Applications;

/// <summary>The items of a project's screening checklist that the reviewer has ticked.</summary>
public sealed class ScreeningChecklist
{
    public Guid ProjectId { get; set; }

    public List<string> Ticked { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}

internal sealed class ScreeningChecklistConfiguration : IEntityTypeConfiguration<ScreeningChecklist>
{
    public void Configure(EntityTypeBuilder<ScreeningChecklist> builder)
    {
        builder.ToTable("ScreeningChecklists");
        builder.HasKey(c => c.ProjectId);
        builder.Property(c => c.UpdatedBy).HasMaxLength(450);
        builder.PrimitiveCollection(c => c.Ticked);
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
