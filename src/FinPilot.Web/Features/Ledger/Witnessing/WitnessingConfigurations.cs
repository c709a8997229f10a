using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Ledger.Witnessing;

internal sealed class WitnessedLogRecordConfiguration : IEntityTypeConfiguration<WitnessedLogRecord>
{
    public void Configure(EntityTypeBuilder<WitnessedLogRecord> builder)
    {
        builder.ToTable("WitnessedLogs");
        builder.HasKey(l => l.Origin);
        builder.Property(l => l.Origin).HasMaxLength(WitnessingLimits.MaxOriginLength);
        builder.Property(l => l.RootHash).HasMaxLength(32);
        builder.Property(l => l.CosignedNote).HasMaxLength(WitnessingLimits.MaxNoteLength);
    }
}

internal sealed class WitnessRefusalRecordConfiguration : IEntityTypeConfiguration<WitnessRefusalRecord>
{
    public void Configure(EntityTypeBuilder<WitnessRefusalRecord> builder)
    {
        builder.ToTable("WitnessRefusals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Origin).HasMaxLength(WitnessingLimits.MaxOriginLength);
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.Reason).HasMaxLength(WitnessRefusalRecord.MaxReasonLength);
        builder.Property(r => r.CheckpointNote).HasMaxLength(WitnessingLimits.MaxNoteLength);
        builder.HasIndex(r => r.At);
    }
}

internal sealed class LedgerWitnessRecordConfiguration : IEntityTypeConfiguration<LedgerWitnessRecord>
{
    public void Configure(EntityTypeBuilder<LedgerWitnessRecord> builder)
    {
        builder.ToTable("LedgerWitnesses");
        builder.HasKey(w => w.Name);
        builder.Property(w => w.Name).HasMaxLength(WitnessingLimits.MaxOriginLength);
        builder.Property(w => w.LastError).HasMaxLength(LedgerWitnessRecord.MaxErrorLength);
    }
}

internal static class WitnessingLimits
{
    /// <summary>Origins and key names are short lines (a host and a path); this bounds stored ones.</summary>
    public const int MaxOriginLength = 255;

    /// <summary>A request body's limit: no stored note is longer than what a witness accepts.</summary>
    public const int MaxNoteLength = FinPilot.Ledger.Witness.AddCheckpointRequest.MaxBodyBytes;
}
