using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Ledger;

internal sealed class LedgerHashRecordConfiguration : IEntityTypeConfiguration<LedgerHashRecord>
{
    public void Configure(EntityTypeBuilder<LedgerHashRecord> builder)
    {
        builder.ToTable("LedgerHashes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(32);
    }
}

internal sealed class LedgerTreeStateConfiguration : IEntityTypeConfiguration<LedgerTreeState>
{
    public void Configure(EntityTypeBuilder<LedgerTreeState> builder)
    {
        builder.ToTable("LedgerTree");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasData(new LedgerTreeState { Id = LedgerTreeState.SingletonId, Size = 0 });
    }
}

internal sealed class LedgerEntryRecordConfiguration : IEntityTypeConfiguration<LedgerEntryRecord>
{
    public void Configure(EntityTypeBuilder<LedgerEntryRecord> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Index);
        builder.Property(e => e.Index).ValueGeneratedNever();
        builder.HasIndex(e => e.RecordSequence).IsUnique();
        builder.Property(e => e.ContentSha256).HasMaxLength(64);
        builder.HasIndex(e => e.ContentSha256);
    }
}

internal sealed class LedgerCheckpointRecordConfiguration : IEntityTypeConfiguration<LedgerCheckpointRecord>
{
    public void Configure(EntityTypeBuilder<LedgerCheckpointRecord> builder)
    {
        builder.ToTable("LedgerCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.RootHash).HasMaxLength(32);
        builder.Property(c => c.Note).HasMaxLength(16_000);
        builder.HasIndex(c => c.Size);
    }
}
