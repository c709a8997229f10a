using FinPilot.Ledger.Witness;
using FinPilot.Web.Data;
using FinPilot.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using static FinPilot.Ledger.Witness.WitnessOutcome;

namespace FinPilot.Web.Features.Ledger.Witnessing;

/// <summary>
/// This node as a witness of other regions' logs (c2sp.org/tlog-witness): cosigns a checkpoint
/// only if its log signed it and it extends the last one cosigned, and records every refusal of a
/// checkpoint the log did sign, since that is evidence of a bad proof or a fork.
/// </summary>
/// <remarks>
/// A refusal is stored once per (log, size, root): a log that keeps resending the same bad
/// checkpoint adds nothing. Each sender's address may add at most
/// <see cref="WitnessRefusalPace.PerAddressPerHour"/> stored refusals an hour; beyond that the
/// checkpoint is still refused, only not stored again.
/// </remarks>
public sealed class LedgerWitness(FinPilotDbContext db, WitnessKeys keys, TimeProvider clock, WitnessRefusalPace pace, ILogger<LedgerWitness> logger)
{
    public bool IsWitness => keys.Cosigner is not null;

    public async Task<WitnessOutcome> AddCheckpointAsync(ReadOnlyMemory<byte> body, string? senderAddress = null, CancellationToken cancellationToken = default)
    {
        var cosigner = keys.Cosigner ?? throw new InvalidOperationException("This node is not a witness: set Ledger:Witness:KeyFile.");
        var request = AddCheckpointRequest.Parse(body.Span);
        if (!request.IsSuccess)
        {
            return Refuse(new Refused(RefusalKind.BadRequest, request.Error!));
        }

        var witness = new CheckpointWitness(cosigner, keys.FollowedLogs, new DbWitnessStateStore(db, clock));
        var outcome = await witness.AddCheckpointAsync(request.Value, cancellationToken);
        if (outcome is not Refused refused)
        {
            return outcome;
        }

        if (refused.LogSignedCheckpoint is { } checkpoint
            && !await AlreadyRecordedAsync(checkpoint.Origin, checkpoint.Size, request.Value.CheckpointNote.Format(), cancellationToken)
            && await pace.TryTakeAsync(senderAddress ?? "unknown", cancellationToken))
        {
            var reason = refused.Reason;
            db.WitnessRefusals.Add(new WitnessRefusalRecord
            {
                Origin = checkpoint.Origin,
                At = clock.GetUtcNow(),
                Kind = refused.Kind.ToString(),
                Reason = reason.Length <= WitnessRefusalRecord.MaxReasonLength ? reason : reason[..(WitnessRefusalRecord.MaxReasonLength - 1)] + "…",
                OldSize = request.Value.OldSize,
                Size = checkpoint.Size,
                CheckpointNote = request.Value.CheckpointNote.Format(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Refuse(refused);
    }

    /// <summary>The logs this witness follows, with what it last cosigned for each.</summary>
    public async Task<IReadOnlyList<FollowedLog>> FollowedAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.WitnessedLogs.AsNoTracking().ToDictionaryAsync(l => l.Origin, cancellationToken);
        return [.. keys.FollowedLogKeys.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new FollowedLog(l.Key, l.Value, stored.GetValueOrDefault(l.Key)))];
    }

    /// <summary>Recorded refusals, newest first.</summary>
    public async Task<(IReadOnlyList<WitnessRefusalRecord> Items, int Total)> RefusalsAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var total = await db.WitnessRefusals.CountAsync(cancellationToken);
        var items = await db.WitnessRefusals.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Skip((Math.Max(1, page) - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    private async Task<bool> AlreadyRecordedAsync(string origin, long size, string note, CancellationToken cancellationToken)
    {
        var root = RootLine(note);
        var stored = await db.WitnessRefusals.AsNoTracking()
            .Where(r => r.Origin == origin && r.Size == size)
            .Select(r => r.CheckpointNote)
            .ToListAsync(cancellationToken);
        return stored.Any(n => RootLine(n) == root);
    }

    /// <summary>A checkpoint note's third line is the tree's root hash (c2sp.org/tlog-checkpoint).</summary>
    private static string RootLine(string note) => note.Split('\n') is { Length: > 2 } lines ? lines[2] : note;

    private Refused Refuse(Refused refused)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Witness refused a checkpoint ({Kind}): {Reason}", refused.Kind, refused.Reason);
        }

        return refused;
    }
}

/// <summary>A log this node witnesses, its verifier keys, and the latest checkpoint cosigned for it (null before the first).</summary>
public sealed record FollowedLog(string Origin, IReadOnlyList<string> Keys, WitnessedLogRecord? Latest);

/// <summary>How many refusals each sending address may have stored per hour, counted in the database for every node.</summary>
public sealed class WitnessRefusalPace(ThrottleCounters counters)
{
    public const int PerAddressPerHour = 10;

    public Task<bool> TryTakeAsync(string address, CancellationToken cancellationToken = default) =>
        counters.TryTakeAsync(ThrottleCounters.KeyOf("witness.refusal", address), PerAddressPerHour, TimeSpan.FromHours(1), cancellationToken);
}
