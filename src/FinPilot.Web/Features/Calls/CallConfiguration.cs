using System.Text.Json;
using FinPilot.Domain.Calls;
using FinPilot.Domain.Organisations;
using FinPilot.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FinPilot.Web.Features.Calls;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Call.MaxTitleLength);
        builder.Property(c => c.Contact).HasMaxLength(Call.MaxContactLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Directions).HasConversion(JsonList.Strings, JsonList.StringComparer);
        builder.Property(c => c.Materials).HasConversion(JsonList.Strings, JsonList.StringComparer);
        builder.Property(c => c.EligibleTypes).HasConversion(JsonList.Types, JsonList.TypeComparer);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.Property(c => c.PublishedBy).HasMaxLength(450);
        builder.Property(c => c.ClosedBy).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.RegionId, c.BatchNumber }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Corrections, correction =>
        {
            correction.ToTable("CallCorrections");
            correction.WithOwner().HasForeignKey("CallId");
            correction.Property<int>("Id");
            correction.HasKey("Id");
            correction.Property(x => x.By).HasMaxLength(450);
            correction.Property(x => x.Note).HasMaxLength(Call.MaxNoteLength);
            correction.Property(x => x.ChangedFields).HasConversion(JsonList.Strings, JsonList.StringComparer).HasMaxLength(500);
        });
        builder.Navigation(c => c.Corrections).HasField("_corrections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CallSubscriptionConfiguration : IEntityTypeConfiguration<CallSubscription>
{
    public void Configure(EntityTypeBuilder<CallSubscription> builder)
    {
        builder.ToTable("CallSubscriptions");
        builder.HasKey(s => new { s.OrganisationId, s.RegionId });
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.HasIndex(s => s.RegionId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Short lists stored as a JSON array in one text column: the same on SQLite and PostgreSQL, and
/// never queried by element. Organisation types are stored by name so the column reads on its own.
/// </summary>
internal static class JsonList
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Strings = new(v => Write(v), s => ReadStrings(s));

    public static readonly ValueComparer<IReadOnlyList<string>> StringComparer = new(
        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToArray());

    public static readonly ValueConverter<IReadOnlyList<OrganisationType>, string> Types = new(v => WriteTypes(v), s => ReadTypes(s));

    public static readonly ValueComparer<IReadOnlyList<OrganisationType>> TypeComparer = new(
        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToArray());

    private static string Write(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string WriteTypes(IReadOnlyList<OrganisationType> values) => JsonSerializer.Serialize(values.Select(v => v.ToString()));

    private static IReadOnlyList<OrganisationType> ReadTypes(string json) =>
        (JsonSerializer.Deserialize<string[]>(json) ?? [])
            .Select(n => Enum.TryParse<OrganisationType>(n, out var t) ? t : (OrganisationType?)null)
            .OfType<OrganisationType>()
            .ToArray();
}
