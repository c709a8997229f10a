using FinPilot.Domain.Disclosure;
using FinPilot.Domain.Projects;
using FinPilot.Domain.Regions;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Disclosure;

/// <summary>
/// The register's read model: one row per project in the register, written by
/// <see cref="RegisterProjection"/> in the same transaction as the public event that changes it, and
/// recreated from the public records by <c>finpilot register rebuild</c>. It holds what the list
/// filters, sorts and searches on; the project's stage (its status) is read from the project, which
/// changes it without a public record.
/// </summary>
public sealed class RegisterPilot
{
    /// <summary>The full-text index over <see cref="SearchText"/> (created in the migration).</summary>
    public static readonly FullTextIndex Search = new("RegisterPilots", nameof(Id), nameof(SearchText));

    /// <summary>Order of first entry; the search index's key.</summary>
    public long Id { get; set; }

    public Guid ProjectId { get; set; }

    public int RegionId { get; set; }

    public Guid CallId { get; set; }

    public Guid LeadOrganisationId { get; set; }

    public ProjectCategory Category { get; set; }

    /// <summary>The project's public name, the list's second sort key.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The latest public listing's summary on a published notice that was not withdrawn.</summary>
    public PublicProjectSummary Statement { get; set; } = null!;

    /// <summary>The first public event.</summary>
    public DateTimeOffset ListedAt { get; set; }

    /// <summary>The latest public event, the list's sort key.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The tokens of the names and the statement in both languages (<see cref="Features.Search.SearchText"/>).</summary>
    public string SearchText { get; set; } = string.Empty;

    public List<RegisterPilotTag> Tags { get; set; } = [];
}

public enum RegisterTagKind
{
    Technology = 1,
    Scenario = 2,

    /// <summary>The lead institution's type as the notice states it (an <c>OrganisationType</c> name, lower-cased).</summary>
    LeadType = 3,
}

/// <summary>A technology or scenario code of a row of the register, lower-cased, for the filters.</summary>
public sealed class RegisterPilotTag
{
    public long PilotId { get; set; }

    public RegisterTagKind Kind { get; set; }

    public string Code { get; set; } = string.Empty;
}

internal sealed class RegisterPilotConfiguration : IEntityTypeConfiguration<RegisterPilot>
{
    /// <summary>The index of the list's order (newest first), which also covers the row key.</summary>
    public const string OrderIndex = "IX_RegisterPilots_UpdatedAt_Name_ProjectId";

    public void Configure(EntityTypeBuilder<RegisterPilot> builder)
    {
        builder.ToTable("RegisterPilots");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.HasIndex(p => p.ProjectId).IsUnique();
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(PublicProjectSummary.MaxNameLength);
        builder.Property(p => p.Statement).HasConversion(JsonColumn<PublicProjectSummary>.Converter, JsonColumn<PublicProjectSummary>.Comparer);
        // The list's order, newest first: read from the index, never sorted.
        builder.HasIndex(p => new { p.UpdatedAt, p.Name, p.ProjectId }).IsDescending(true, false, false).HasDatabaseName(OrderIndex);
        builder.HasIndex(p => new { p.RegionId, p.UpdatedAt });
        builder.HasIndex(p => new { p.CallId, p.UpdatedAt });
        builder.HasIndex(p => new { p.Category, p.UpdatedAt });
        builder.HasIndex(p => p.ListedAt);
        builder.HasOne<PilotProject>().WithOne().HasForeignKey<RegisterPilot>(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Tags).WithOne().HasForeignKey(t => t.PilotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegisterPilotTagConfiguration : IEntityTypeConfiguration<RegisterPilotTag>
{
    public void Configure(EntityTypeBuilder<RegisterPilotTag> builder)
    {
        builder.ToTable("RegisterPilotTags");
        builder.HasKey(t => new { t.PilotId, t.Kind, t.Code });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Code).HasMaxLength(PublicProjectSummary.MaxCodeLength);
        builder.HasIndex(t => new { t.Kind, t.Code, t.PilotId });
    }
}
