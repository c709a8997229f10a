using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinPilot.Web.Features.Statistics;

internal sealed class StatisticsSnapshotConfiguration : IEntityTypeConfiguration<StatisticsSnapshotRecord>
{
    public void Configure(EntityTypeBuilder<StatisticsSnapshotRecord> builder)
    {
        builder.ToTable("StatisticsSnapshots");

        // One snapshot per checkpoint: two nodes racing to take it cannot both succeed.
        builder.HasKey(s => s.CheckpointSize);
        builder.Property(s => s.CheckpointSize).ValueGeneratedNever();
        builder.Property(s => s.RootHash).HasMaxLength(64);
    }
}
