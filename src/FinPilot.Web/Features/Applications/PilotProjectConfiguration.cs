using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Applications;

internal sealed class PilotProjectConfiguration : IEntityTypeConfiguration<PilotProject>
{
    public void Configure(EntityTypeBuilder<PilotProject> builder)
    {
        builder.ToTable("Projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(PilotProject.MaxTitleLength);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.ExitMode).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.CreatedBy).HasMaxLength(450);
        builder.Property(p => p.RejectionReason).HasMaxLength(PilotProject.MaxReasonLength);
        builder.Property(p => p.WithdrawalReason).HasMaxLength(PilotProject.MaxReasonLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.CurrentSupplementRequest);
        builder.Ignore(p => p.CanEditApplication);
        builder.Ignore(p => p.RejectedInDeliberation);
        builder.Ignore(p => p.HasUnconfirmedConditions);
        builder.Property(p => p.ApprovalConditions).HasConversion(JsonColumn<IReadOnlyList<string>>.Converter, JsonColumn<IReadOnlyList<string>>.Comparer).HasMaxLength(12000);
        builder.Property(p => p.ConditionsConfirmedBy).HasMaxLength(450);
        builder.HasIndex(p => new { p.CallId, p.Stage });
        builder.HasIndex(p => p.LeadOrganisationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(p => p.Timeline, e =>
        {
            e.ToTable("ProjectEvents");
            e.WithOwner().HasForeignKey("ProjectId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ActorUserId).HasMaxLength(450);
            e.Property(x => x.Note).HasMaxLength(PilotProject.MaxReasonLength);
        });
        builder.Navigation(p => p.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.SupplementRequests, r =>
        {
            r.ToTable("SupplementRequests");
            r.WithOwner().HasForeignKey("ProjectId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.RequestedBy).HasMaxLength(450);
            r.PrimitiveCollection(x => x.Items);
        });
        builder.Navigation(p => p.SupplementRequests).HasField("_supplementRequests").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
