using System.Data.Common;
using System.Text;
using FinPilot.Domain.Supervision;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FinPilot.Web.Features.Metrics;

/// <summary>
/// Writes accepted samples in one transaction with multi-row <c>INSERT … ON CONFLICT DO NOTHING
/// RETURNING</c> (SQLite and PostgreSQL alike): a sample that another request saved in the meantime
/// (two identical batches at once) is skipped by the unique index instead of failing the batch, and
/// the rows returned say which were written. Values go through the model's own type mappings
/// (converters included), so the rows are exactly what EF would have written.
/// </summary>
public sealed class MetricSampleWriter(FinPilotDbContext db)
{
    /// <summary>
    /// Rows per statement. SQLite finds each named parameter by a linear search of the statement's
    /// names, so binding costs the square of their number: 50 rows (500 parameters) keep that
    /// negligible; PostgreSQL takes a whole batch (10 parameters a row, under its 65,535).
    /// </summary>
    public int RowsPerStatement => db.Database.IsSqlite() ? 50 : 1000;

    private static readonly string[] Columns =
    [
        nameof(MetricSample.ProjectId), nameof(MetricSample.MetricCode), nameof(MetricSample.PeriodStart), nameof(MetricSample.PeriodEnd),
        nameof(MetricSample.Value), nameof(MetricSample.OccurredAt), nameof(MetricSample.ReceivedAt), nameof(MetricSample.Source),
        nameof(MetricSample.EventId), nameof(MetricSample.ClientId),
    ];

    /// <summary>Saves the samples not yet stored; answers the (source, event id) of those it wrote.</summary>
    public async Task<HashSet<(string Source, string EventId)>> InsertNewAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        var written = new HashSet<(string, string)>();
        if (samples.Count == 0)
        {
            return written;
        }

        var entity = db.Model.FindEntityType(typeof(MetricSample))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = Columns.Select(c => entity.FindProperty(c)!).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(Column))}) VALUES ";
        var tail = $" ON CONFLICT ({Column(entity.FindProperty(nameof(MetricSample.ProjectId))!)}, {Column(entity.FindProperty(nameof(MetricSample.Source))!)}, {Column(entity.FindProperty(nameof(MetricSample.EventId))!)}) DO NOTHING"
            + $" RETURNING {Column(entity.FindProperty(nameof(MetricSample.Source))!)}, {Column(entity.FindProperty(nameof(MetricSample.EventId))!)}";

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        try
        {
            foreach (var chunk in samples.Chunk(RowsPerStatement))
            {
                // A command is reused while its chunks are the same size, so the statement is prepared once.
                if (command is null || command.Parameters.Count != chunk.Length * Columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                    var text = new StringBuilder(head, head.Length + (chunk.Length * 80) + tail.Length);
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        text.Append(row == 0 ? "(" : ", (");
                        for (var column = 0; column < Columns.Length; column++)
                        {
                            var name = "@p" + ((row * Columns.Length) + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
                            command.Parameters.Add(mappings[column].CreateParameter(command, name, null, properties[column].IsNullable));
                            text.Append(column == 0 ? name : ", " + name);
                        }

                        text.Append(')');
                    }

                    command.CommandText = text.Append(tail).ToString();
                }

                for (var row = 0; row < chunk.Length; row++)
                {
                    var values = ValuesOf(chunk[row]);
                    for (var column = 0; column < values.Length; column++)
                    {
                        var value = values[column] is { } v && mappings[column].Converter is { } converter ? converter.ConvertToProvider(v) : values[column];
                        command.Parameters[(row * Columns.Length) + column].Value = value ?? DBNull.Value;
                    }
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    written.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    private static object?[] ValuesOf(MetricSample s) =>
        [s.ProjectId, s.MetricCode, s.PeriodStart, s.PeriodEnd, s.Value, s.OccurredAt, s.ReceivedAt, s.Source, s.EventId, s.ClientId];
}
