using FinPilot.Domain.Casebooks;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Casebooks;

/// <summary>
/// One row per casebook; its cases (selection, editorial text, policy) are a small JSON value, and the
/// public model frozen at publication is kept as JSON beside it, so the pages show what the files say.
/// Indexed for the public list (published, newest first) and a region's drafts.
/// </summary>
internal sealed class CasebookConfiguration : IEntityTypeConfiguration<Casebook>
{
    public void Configure(EntityTypeBuilder<Casebook> builder)
    {
        builder.ToTable("Casebooks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.TitleZh).HasMaxLength(Casebook.MaxTitleLength);
        builder.Property(c => c.TitleEn).HasMaxLength(Casebook.MaxTitleLength);
        builder.Property(c => c.Period).HasMaxLength(Casebook.MaxPeriodLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(Casebook.MaxActorLength);
        builder.Property(c => c.PublishedBy).HasMaxLength(Casebook.MaxActorLength);
        builder.Property(c => c.PdfSha256).HasMaxLength(64);
        builder.Property(c => c.DocxSha256).HasMaxLength(64);
        builder.Property(c => c.Cases).HasConversion(JsonColumn<IReadOnlyList<CasebookCase>>.Converter, JsonColumn<IReadOnlyList<CasebookCase>>.Comparer);
        builder.Property<string?>(CasebookContent.Column);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsPublished);
        builder.HasIndex(c => new { c.Status, c.PublishedAt });
        builder.HasIndex(c => new { c.RegionId, c.Status });

        // One successor per edition: a second "new edition" of the same one is refused by the database too.
        builder.HasIndex(c => c.SupersedesId).IsUnique();
    }
}
