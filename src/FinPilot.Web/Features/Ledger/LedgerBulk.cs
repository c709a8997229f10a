using System.Data.Common;
using FinPilot.Ledger.Merkle;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace FinPilot.Web.Features.Ledger;

/// <summary>
/// The ledger's inserts of a batch, in the caller's transaction, without the change tracker: on
/// PostgreSQL one <c>INSERT … SELECT FROM unnest(…)</c> per table and batch (one round trip), on
/// SQLite one prepared statement run per row inside the process (SQLite has no round trips).
/// Both tables are append-only and their rows are never read back through the context that wrote them.
/// </summary>
internal static class LedgerBulk
{
    public static async Task InsertEntriesAsync(FinPilotDbContext db, IReadOnlyList<LedgerEntryRecord> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var (connection, transaction) = Current(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (db.Database.IsNpgsql())
        {
            command.CommandText = """
                INSERT INTO "LedgerEntries" ("Index", "RecordSequence", "Entry", "ContentSha256")
                SELECT * FROM unnest(@index, @sequence, @entry, @content)
                """;
            command.Parameters.Add(new NpgsqlParameter<long[]>("index", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.Index)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("sequence", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.RecordSequence)] });
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("entry", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. entries.Select(e => e.Entry)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("content", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. entries.Select(e => e.ContentSha256)] });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        command.CommandText = """
            INSERT INTO "LedgerEntries" ("Index", "RecordSequence", "Entry", "ContentSha256")
            VALUES ($index, $sequence, $entry, $content)
            """;
        var index = Parameter(command, "$index");
        var sequence = Parameter(command, "$sequence");
        var entry = Parameter(command, "$entry");
        var content = Parameter(command, "$content");
        foreach (var e in entries)
        {
            index.Value = e.Index;
            sequence.Value = e.RecordSequence;
            entry.Value = e.Entry;
            content.Value = e.ContentSha256;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Inserts <paramref name="hashes"/> as stored hashes <paramref name="firstId"/>, <paramref name="firstId"/> + 1, ….</summary>
    public static async Task InsertHashesAsync(FinPilotDbContext db, long firstId, ReadOnlyMemory<MerkleHash> hashes, CancellationToken cancellationToken)
    {
        if (hashes.IsEmpty)
        {
            return;
        }

        var (connection, transaction) = Current(db);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (db.Database.IsNpgsql())
        {
            var values = new byte[hashes.Length][];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = hashes.Span[i].Span.ToArray();
            }

            command.CommandText = """
                INSERT INTO "LedgerHashes" ("Id", "Hash")
                SELECT @first + n - 1, h FROM unnest(@hash) WITH ORDINALITY AS t(h, n)
                """;
            command.Parameters.Add(new NpgsqlParameter<long>("first", NpgsqlDbType.Bigint) { TypedValue = firstId });
            command.Parameters.Add(new NpgsqlParameter<byte[][]>("hash", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = values });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        command.CommandText = """INSERT INTO "LedgerHashes" ("Id", "Hash") VALUES ($id, $hash)""";
        var id = Parameter(command, "$id");
        var hash = Parameter(command, "$hash");
        for (var i = 0; i < hashes.Length; i++)
        {
            id.Value = firstId + i;
            hash.Value = hashes.Span[i].Span.ToArray();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static (DbConnection Connection, DbTransaction Transaction) Current(FinPilotDbContext db) =>
        (db.Database.GetDbConnection(),
         db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The ledger's inserts run inside the append's transaction."));
}
