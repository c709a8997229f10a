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

    // The facts the live statistics group on, each read from the project's public events (see
    // RegisterProjection.SetFacts); the figures at a past checkpoint derive them from the events instead.

    /// <summary>The first admission (入箱): set for the pilots, null for an entry never admitted.</summary>
    public DateTimeOffset? AdmittedAt { get; set; }

    /// <summary>The Beijing date of <see cref="AdmittedAt"/>, for the days from the call's closing to admission.</summary>
    public DateOnly? AdmittedOn { get; set; }

    /// <summary>The latest admission (the pilot index counts admissions within its period).</summary>
    public DateTimeOffset? LastAdmittedAt { get; set; }

    /// <summary>The first exit or termination.</summary>
    public DateTimeOffset? ExitedAt { get; set; }

    /// <summary>Listed on a published notice at least once (the funnel's first step).</summary>
    public bool Noticed { get; set; }

    /// <summary>The latest lifecycle event (<see cref="Domain.Statistics.PublicStages.Lifecycle"/>), which gives the public stage.</summary>
    public PublicEventKind? Lifecycle { get; set; }

    /// <summary>Ever suspended or terminated, or with more public correction orders than closures (<see cref="Domain.Statistics.PilotIndex.IsTroubled"/>).</summary>
    public bool Troubled { get; set; }

    /// <summary>Its exit tier is public (a <see cref="PublicEventKind.TierAssigned"/> event).</summary>
    public bool TierPublished { get; set; }

    /// <summary>
    /// The version of the facts the row was written with (<see cref="RegisterProjection.FactsVersion"/>);
    /// rows of an older version (0: written before the facts existed) are rebuilt after migrating.
    /// </summary>
    public int FactsVersion { get; set; }

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

    /// <summary>The row's region, copied so the statistics count tags from their index alone.</summary>
    public int RegionId { get; set; }

    /// <summary>Whether the row is a pilot (its <see cref="RegisterPilot.AdmittedAt"/> is set), copied likewise.</summary>
    public bool Admitted { get; set; }
}

internal sealed class RegisterPilotConfiguration : IEntityTypeConfiguration<RegisterPilot>
{
    /// <summary>The index of the list's order (newest first), which also covers the row key.</summary>
    public const string OrderIndex = "IX_RegisterPilots_UpdatedAt_Name_ProjectId";

    /// <summary>The pilots by region and their lead institutions.</summary>
    public const string AdmittedIndex = "IX_RegisterPilots_RegionId_AdmittedAt_Lead";

    /// <summary>Every fact the statistics' cube groups on: the cube is read from this index alone.</summary>
    public const string FactsIndex = "IX_RegisterPilots_Facts";

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
        builder.Property(p => p.Lifecycle).HasConversion<string>().HasMaxLength(40);
        // The live statistics' grouped counts, each read from one of these indexes rather than the (wide) rows.
        builder.HasIndex(p => new { p.RegionId, p.AdmittedAt, p.LeadOrganisationId }).HasDatabaseName(AdmittedIndex);
        builder.HasIndex(p => p.ExitedAt);
        builder.HasIndex(p => new { p.RegionId, p.CallId, p.Category, p.AdmittedOn, p.LastAdmittedAt, p.Noticed, p.ExitedAt, p.Troubled, p.Lifecycle })
            .HasDatabaseName(FactsIndex);
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
        // The statistics' counts per code and region of the pilots, read from this index in its order.
        builder.HasIndex(t => new { t.Kind, t.Code, t.RegionId, t.Admitted });
    }
}
