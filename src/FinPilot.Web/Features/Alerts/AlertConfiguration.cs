using FinPilot.Domain.Alerts;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Alerts;

/// <summary>
/// One row per alert. The filtered unique index on open alerts is what keeps one open alert per
/// (project, kind, key) when two raisers race; the others serve the lists (by region, organisation
/// or project, newest first) and a rule's question whether an episode was raised before.
/// </summary>
internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    /// <summary>The open statuses as stored (by name); the same SQL on SQLite and PostgreSQL.</summary>
    public const string OpenFilter = "\"Status\" IN ('Open', 'Acknowledged')";

    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RuleKey).HasMaxLength(Alert.MaxRuleKeyLength);
        builder.Property(a => a.Episode).HasMaxLength(Alert.MaxEpisodeLength);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(Alert.MaxActorLength);
        builder.Property(a => a.ClosedBy).HasMaxLength(Alert.MaxActorLength);
        builder.Property(a => a.ClosingNote).HasMaxLength(Alert.MaxNoteLength);
        builder.Property(a => a.Evidence).HasConversion(JsonColumn<AlertEvidence>.Converter, JsonColumn<AlertEvidence>.Comparer).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.HasIndex(a => new { a.ProjectId, a.Kind, a.RuleKey }, "IX_Alerts_OneOpen").IsUnique().HasFilter(OpenFilter);
        builder.HasIndex(a => new { a.ProjectId, a.Kind, a.RuleKey, a.Episode });
        builder.HasIndex(a => new { a.ProjectId, a.Status });
        builder.HasIndex(a => new { a.RegionId, a.RaisedAt });
        builder.HasIndex(a => new { a.OrganisationId, a.RaisedAt });
    }
}

/// <summary>One row per project whose working group set its own rule settings; the settings are one small JSON value.</summary>
internal sealed class RiskRuleOverrideConfiguration : IEntityTypeConfiguration<RiskRuleOverride>
{
    public void Configure(EntityTypeBuilder<RiskRuleOverride> builder)
    {
        builder.ToTable("RiskRuleOverrides");
        builder.HasKey(o => o.ProjectId);
        builder.Property(o => o.ProjectId).ValueGeneratedNever();
        builder.Property(o => o.Settings).HasConversion(JsonColumn<RiskRuleSettings>.Converter, JsonColumn<RiskRuleSettings>.Comparer).HasMaxLength(2000);
        builder.Property(o => o.UpdatedBy).HasMaxLength(RiskRuleOverride.MaxActorLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.RegionId);
    }
}
