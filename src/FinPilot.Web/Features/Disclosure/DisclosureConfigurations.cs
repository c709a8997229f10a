using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Disclosure;

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> builder)
    {
        builder.ToTable("PublicNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Title).HasMaxLength(PublicNotice.MaxTitleLength);
        builder.Property(n => n.BodyText).HasMaxLength(PublicNotice.MaxBodyLength);
        builder.Property(n => n.Contact).HasMaxLength(PublicNotice.MaxContactLength);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.CreatedBy).HasMaxLength(450);
        builder.Property(n => n.PublishedBy).HasMaxLength(450);
        builder.Property(n => n.WithdrawnBy).HasMaxLength(450);
        builder.Property(n => n.WithdrawalReason).HasMaxLength(PublicNotice.MaxReasonLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.EndsAt);
        builder.Ignore(n => n.IsPublic);
        builder.Ignore(n => n.Content);
        builder.Ignore(n => n.CanWithdraw);
        builder.Ignore(n => n.ReleasedResponses);
        builder.HasIndex(n => new { n.RegionId, n.Status });
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(n => n.Listings, listing =>
        {
            listing.ToTable("PublicNoticeListings");
            listing.WithOwner().HasForeignKey("NoticeId");
            listing.Property<int>("Id");
            listing.HasKey("Id");
            listing.Ignore(l => l.ProjectId);
            listing.Property(l => l.Summary).HasConversion(JsonColumn<PublicProjectSummary>.Converter, JsonColumn<PublicProjectSummary>.Comparer);
            listing.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            listing.Property(l => l.DecidedBy).HasMaxLength(450);
            listing.Property(l => l.Reason).HasMaxLength(PublicNotice.MaxReasonLength);
        });
        builder.Navigation(n => n.Listings).HasField("_listings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(n => n.Responses, response =>
        {
            response.ToTable("PublicResponses");
            response.WithOwner().HasForeignKey(r => r.NoticeId);
            response.HasKey(r => r.Id);
            response.Property(r => r.Id).ValueGeneratedNever();
            response.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            response.Property(r => r.Text).HasMaxLength(PublicResponse.MaxTextLength);
            response.Property(r => r.Name).HasMaxLength(PublicResponse.MaxNameLength);
            response.Property(r => r.Contact).HasMaxLength(PublicContact.MaxLength);
            response.Property(r => r.Language).HasMaxLength(PublicResponse.MaxLanguageLength).HasDefaultValue(PublicResponse.Chinese);
            response.Property(r => r.Reply).HasConversion(JsonColumn<ResponseReply>.NullableConverter, JsonColumn<ResponseReply>.NullableComparer);
            response.Property(r => r.Resolution).HasConversion(JsonColumn<ObjectionResolution>.NullableConverter, JsonColumn<ObjectionResolution>.NullableComparer);
            response.Ignore(r => r.IsOpenObjection);
            response.Ignore(r => r.IsReleased);
            response.Property(r => r.ReleasedBy).HasMaxLength(450);
            response.HasIndex(r => r.ProjectId);
        });
        builder.Navigation(n => n.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PublicRecordEntryConfiguration : IEntityTypeConfiguration<PublicRecordEntry>
{
    public void Configure(EntityTypeBuilder<PublicRecordEntry> builder)
    {
        builder.ToTable("PublicRecords");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedOnAdd();
        builder.Property(r => r.Kind).HasMaxLength(100);
        builder.Property(r => r.SubjectId).HasMaxLength(100);
        builder.Property(r => r.Link).HasMaxLength(300);
        builder.HasIndex(r => r.SubjectId);
        // The ledger's list searches entries by kind and by region, each over a span of days.
        builder.HasIndex(r => new { r.Kind, r.At });
        builder.HasIndex(r => new { r.RegionId, r.At });
    }
}

internal sealed class PublicEventRecordConfiguration : IEntityTypeConfiguration<PublicEventRecord>
{
    public void Configure(EntityTypeBuilder<PublicEventRecord> builder)
    {
        builder.ToTable("PublicEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.TitleZh).HasMaxLength(PublicEventRecord.MaxTitleLength);
        builder.Property(e => e.TitleEn).HasMaxLength(PublicEventRecord.MaxTitleLength);
        builder.Property(e => e.Link).HasMaxLength(300);
        builder.HasIndex(e => new { e.ProjectId, e.At });
        builder.HasIndex(e => new { e.RegionId, e.At });
        // The feed reads the newest events first.
        builder.HasIndex(e => new { e.At, e.Id });
        builder.HasOne(e => e.Record).WithMany().HasForeignKey(e => e.RecordSequence).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicSubmissionLogConfiguration : IEntityTypeConfiguration<PublicSubmissionLog>
{
    public void Configure(EntityTypeBuilder<PublicSubmissionLog> builder)
    {
        builder.ToTable("PublicSubmissionLog");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();
        builder.Property(l => l.ClientKey).HasMaxLength(64);
        builder.HasIndex(l => new { l.ClientKey, l.At });
    }
}
