using System.Text.Json;
using FinPilot.Domain.Disclosure;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Disclosure;
using FinPilot.Web.Features.Ledger;
using FinPilot.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinPilot.Web.Features.Statistics;

/// <summary>A snapshot as read back: its content, and the ledger entry of its public record once logged.</summary>
public sealed record SnapshotView(long CheckpointSize, string RootHash, DateTimeOffset AsAt, DateTimeOffset TakenAt, long? LedgerIndex, SnapshotContent Content, string CanonicalContent);

/// <summary>Takes the statistics snapshot at the ledger's latest checkpoint, and reads snapshots back.</summary>
public sealed class StatisticsSnapshots(
    FinPilotDbContext db, StatisticsQueries queries, LedgerReader ledger, PublicRecordWriter records, IOptions<StatisticsOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Takes a snapshot at the latest checkpoint when the ledger has moved past the last snapshot's and
    /// the interval has passed since it (the first one at once); returns it, or null when none was due.
    /// </summary>
    public Task<StatisticsSnapshotRecord?> TakeIfDueAsync(CancellationToken ct = default) => TakeAsync(waitForInterval: true, ct);

    /// <summary>Takes a snapshot at the latest checkpoint now, unless one exists at it (or a later one); returns it, or null.</summary>
    public Task<StatisticsSnapshotRecord?> TakeNowAsync(CancellationToken ct = default) => TakeAsync(waitForInterval: false, ct);

    private async Task<StatisticsSnapshotRecord?> TakeAsync(bool waitForInterval, CancellationToken ct)
    {
        if (await ledger.LatestCheckpointAsync(ct) is not { } checkpoint)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var last = await db.StatisticsSnapshots.AsNoTracking().OrderByDescending(s => s.CheckpointSize)
            .Select(s => new { s.CheckpointSize, s.TakenAt }).FirstOrDefaultAsync(ct);
        if (last is not null && (last.CheckpointSize >= checkpoint.Size
            || (waitForInterval && now - last.TakenAt < TimeSpan.FromHours(options.Value.SnapshotIntervalHours))))
        {
            return null;
        }

        var figures = await queries.ComputeAtCheckpointAsync(checkpoint.SignedAt, checkpoint.Size, ct);
        var rootHash = Convert.ToHexStringLower(checkpoint.RootHash);
        var content = SnapshotContent.Of(checkpoint.Size, rootHash, checkpoint.SignedAt, figures);
        var record = PublicRecord.Create(StatisticsSnapshotRecord.RecordKind, Subject(checkpoint.Size), now, content);
        var snapshot = new StatisticsSnapshotRecord
        {
            CheckpointSize = checkpoint.Size,
            RootHash = rootHash,
            AsAt = checkpoint.SignedAt,
            TakenAt = now,
            Content = record.Payload,
        };
        db.StatisticsSnapshots.Add(snapshot);

        // The snapshot is the platform's, of no one region: its record names none.
        records.WriteNational(record, StatisticsSnapshotRecord.Link(checkpoint.Size));
        await db.SaveChangesAsync(ct);
        return snapshot;
    }

    /// <summary>The snapshots, newest first, paged in SQL.</summary>
    public async Task<Page<SnapshotRow>> ListAsync(int? pageNumber, int? pageSize, CancellationToken ct = default)
    {
        var (page, size) = Page<SnapshotRow>.Normalise(pageNumber, pageSize);
        var query = db.StatisticsSnapshots.AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CheckpointSize).Skip((page - 1) * size).Take(size)
            .Select(s => new { s.CheckpointSize, s.AsAt, s.TakenAt }).ToListAsync(ct);
        var indices = await LedgerIndicesAsync([.. rows.Select(r => r.CheckpointSize)], ct);
        return new Page<SnapshotRow>(
            [.. rows.Select(r => new SnapshotRow(r.CheckpointSize, r.AsAt, r.TakenAt, indices.TryGetValue(r.CheckpointSize, out var i) ? i : null))],
            page, size, total);
    }

    public async Task<SnapshotView?> FindAsync(long checkpointSize, CancellationToken ct = default)
    {
        var s = await db.StatisticsSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.CheckpointSize == checkpointSize, ct);
        if (s is null)
        {
            return null;
        }

        var indices = await LedgerIndicesAsync([checkpointSize], ct);
        var content = JsonSerializer.Deserialize<SnapshotContent>(s.Content, ReadOptions) ?? throw new InvalidDataException("A snapshot without content.");
        return new SnapshotView(s.CheckpointSize, s.RootHash, s.AsAt, s.TakenAt, indices.TryGetValue(checkpointSize, out var i) ? i : null, content, s.Content);
    }

    /// <summary>The ledger index of each snapshot's public record (absent until the ledger has appended it), in one query.</summary>
    private async Task<Dictionary<long, long>> LedgerIndicesAsync(IReadOnlyCollection<long> sizes, CancellationToken ct)
    {
        var subjects = sizes.Select(Subject).ToList();
        var found = await db.PublicRecords.AsNoTracking()
            .Where(r => r.Kind == StatisticsSnapshotRecord.RecordKind && subjects.Contains(r.SubjectId))
            .Join(db.LedgerEntries, r => r.Sequence, l => l.RecordSequence, (r, l) => new { r.SubjectId, l.Index })
            .ToListAsync(ct);
        return found.ToDictionary(f => long.Parse(f.SubjectId, System.Globalization.CultureInfo.InvariantCulture), f => f.Index);
    }

    private static string Subject(long checkpointSize) => checkpointSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SnapshotRow(long CheckpointSize, DateTimeOffset AsAt, DateTimeOffset TakenAt, long? LedgerIndex);
