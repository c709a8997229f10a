using FinPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Applications;

/// <summary>
/// An e-mail inviting a partner that is not on the platform yet to register, sent once the
/// application naming it is submitted (a draft may still change its mind).
/// </summary>
public sealed class PartnerInvitation
{
    public const int MaxAttempts = 5;

    private PartnerInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public string InvitedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static PartnerInvitation For(Guid projectId, string email, string invitedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = projectId,
        Email = email.Trim(),
        InvitedBy = invitedBy,
        CreatedAt = now,
    };

    public void Sent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    public void Failed(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
    }
}

internal sealed class PartnerInvitationConfiguration : IEntityTypeConfiguration<PartnerInvitation>
{
    public void Configure(EntityTypeBuilder<PartnerInvitation> builder)
    {
        builder.ToTable("PartnerInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.InvitedBy).HasMaxLength(450);
        builder.Property(i => i.LastError).HasMaxLength(500);
        builder.HasIndex(i => new { i.ProjectId, i.Email }).IsUnique();
        builder.HasIndex(i => i.SentAt);
        builder.HasOne<PilotProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
