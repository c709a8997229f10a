using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Ignore(n => n.Values);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.ValuesJson).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.EmailError).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.EmailSentAt);
    }
}

internal sealed class AddressedNotificationConfiguration : IEntityTypeConfiguration<AddressedNotification>
{
    public void Configure(EntityTypeBuilder<AddressedNotification> builder)
    {
        builder.ToTable("AddressedNotifications");
        builder.HasKey(n => n.Id);
        builder.Ignore(n => n.Values);
        builder.Property(n => n.Address).HasMaxLength(AddressedNotification.MaxAddressLength);
        builder.Property(n => n.Culture).HasMaxLength(10);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        // Unbounded: it carries the working group's answer to an objection, up to 5,000 characters before JSON escaping.
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.EmailError).HasMaxLength(500);
        builder.HasIndex(n => n.EmailSentAt);
    }
}
