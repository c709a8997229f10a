using FinPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Applications;

internal sealed class ApplicationVersionConfiguration : IEntityTypeConfiguration<ApplicationVersionRecord>
{
    public void Configure(EntityTypeBuilder<ApplicationVersionRecord> builder)
    {
        builder.ToTable("ApplicationVersions");
        builder.HasKey(v => new { v.ProjectId, v.Number });
        builder.Ignore(v => v.Form);
        builder.Ignore(v => v.Frozen);
        builder.Property(v => v.SavedBy).HasMaxLength(450);
        builder.Property(v => v.Concurrency).IsConcurrencyToken();
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedBy).HasMaxLength(450);
        builder.Property(a => a.Material).HasMaxLength(FinPilot.Domain.Calls.Call.MaxMaterialLength);
        builder.HasIndex(a => new { a.ProjectId, a.VersionNumber });
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferenceItemConfiguration : IEntityTypeConfiguration<ReferenceItem>
{
    public void Configure(EntityTypeBuilder<ReferenceItem> builder)
    {
        builder.ToTable("ReferenceItems");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Code).HasMaxLength(60);
        builder.Property(r => r.NameZh).HasMaxLength(100);
        builder.Property(r => r.NameEn).HasMaxLength(100);
        builder.HasIndex(r => new { r.Kind, r.Code }).IsUnique();
    }
}
