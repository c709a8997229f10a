using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Search;

/// <summary>What a row of the platform search tells of; stored by name.</summary>
public enum SearchKind
{
    Call = 1,

    /// <summary>A project before admission (draft to public notice, or rejected, withdrawn).</summary>
    Application = 2,

    /// <summary>An admitted project (running, rectifying, suspended, exiting, exited).</summary>
    Project = 3,

    Organisation = 4,

    Notice = 5,

    /// <summary>A line of a project's public history (a public record in the ledger).</summary>
    PublicRecord = 6,
}

/// <summary>
/// The platform search's read model (<c>SearchDocuments</c>): one row per searchable thing, written
/// by <see cref="SearchProjection"/> in the transaction of the change to its source, recreated by
/// <c>finpilot search rebuild</c>. Who may see a row is decided in SQL from <see cref="Public"/>,
/// <see cref="RegionId"/> and <see cref="OrganisationId"/> (<see cref="SearchScope"/>).
/// </summary>
public sealed class SearchDocument
{
    public const int MaxTitleLength = 300;
    public const int MaxSnippetLength = 1000;
    public const int MaxLinkLength = 300;

    /// <summary>The full-text index over <see cref="Tokens"/> (created by hand in the migration).</summary>
    public static readonly FullTextIndex Index = new("SearchDocuments", nameof(Id), nameof(Tokens));

    /// <summary>The search index's key.</summary>
    public long Id { get; set; }

    public SearchKind Kind { get; set; }

    /// <summary>The id of the call, project, organisation, notice or public event.</summary>
    public Guid TargetId { get; set; }

    /// <summary>The name as written (Chinese, or the only name).</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The English name where the source has one.</summary>
    public string? TitleEn { get; set; }

    /// <summary>The useful text shown under the name (plain text, cut).</summary>
    public string Snippet { get; set; } = string.Empty;

    /// <summary>The site-relative page that opens it.</summary>
    public string Link { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The tokens of the names and the text (<see cref="SearchText.Index"/>).</summary>
    public string Tokens { get; set; } = string.Empty;

    /// <summary>Anyone may open it (a published call or notice, a public record).</summary>
    public bool Public { get; set; }

    /// <summary>The region whose staff may open it when it is not public.</summary>
    public int? RegionId { get; set; }

    /// <summary>The organisation that owns it (an application's applicant, the organisation itself).</summary>
    public Guid? OrganisationId { get; set; }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("SearchDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.Kind, d.TargetId }).IsUnique();
        builder.HasIndex(d => d.TargetId);
        builder.Property(d => d.Title).HasMaxLength(MaxTitle);
        builder.Property(d => d.TitleEn).HasMaxLength(MaxTitle);
        builder.Property(d => d.Snippet).HasMaxLength(SearchDocument.MaxSnippetLength);
        builder.Property(d => d.Link).HasMaxLength(SearchDocument.MaxLinkLength);
        // The result order, newest first, and the visibility filters.
        builder.HasIndex(d => new { d.UpdatedAt, d.Id }).IsDescending(true, true);
        builder.HasIndex(d => new { d.Public, d.Kind });
        builder.HasIndex(d => new { d.RegionId, d.Kind });
        builder.HasIndex(d => new { d.OrganisationId, d.Kind });
    }

    private const int MaxTitle = SearchDocument.MaxTitleLength;
}
