using System.Text;
using FinPilot.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FinPilot.Web.Features.Search;

/// <summary>
/// A full-text index over one text column of a table whose key is an integer, holding the tokens of
/// <see cref="SearchText.Index"/>. On SQLite it is an FTS5 table that reads the column (external
/// content) kept in step by triggers; on PostgreSQL a GIN index over the tokens as a
/// <c>tsvector</c> (<c>array_to_tsvector</c>, so no parser or locale splits or drops Chinese). Create
/// it in a migration with <see cref="Create"/>; match it with <see cref="Matching"/>, which gives
/// the keys of the matching rows as a subquery to compose with the list's other filters.
/// </summary>
/// <param name="Table">The table, as EF names it (for example <c>RegisterPilots</c>).</param>
/// <param name="Key">Its integer key column; on SQLite the FTS5 rowid.</param>
/// <param name="Column">The column holding the tokens.</param>
public sealed record FullTextIndex(string Table, string Key, string Column)
{
    /// <summary>The SQLite FTS5 table.</summary>
    public string SqliteTable => Table + "Search";

    /// <summary>The PostgreSQL GIN index.</summary>
    public string PostgresIndex => $"IX_{Table}_{Column}_Search";

    private string PostgresVector => $"array_to_tsvector(string_to_array(\"{Column}\", ' '::text))";

    /// <summary>The keys of the rows that match every term of <paramref name="query"/>; null when the query has no term (no filter).</summary>
    public IQueryable<long>? Matching(FinPilotDbContext db, string? query)
    {
        var terms = SearchText.Query(query);
        if (terms.Count == 0)
        {
            return null;
        }

        // Names come from this record, never from the request; the query is a parameter.
        var postgres = db.Database.IsNpgsql();
        var sql = postgres
            ? $"SELECT \"{Key}\" AS \"Value\" FROM \"{Table}\" WHERE {PostgresVector} @@ CAST({{0}} AS tsquery)"
            : $"SELECT rowid AS \"Value\" FROM \"{SqliteTable}\" WHERE \"{SqliteTable}\" MATCH {{0}}";
        return db.Database.SqlQueryRaw<long>(sql, postgres ? PostgresQuery(terms) : SqliteQuery(terms));
    }

    /// <summary>The FTS5 query: each term a phrase of its tokens (consecutive), the last a prefix when it is one; all required.</summary>
    public static string SqliteQuery(IReadOnlyList<SearchTerm> terms) =>
        string.Join(" AND ", terms.Select(t => $"\"{string.Join(' ', t.Tokens.Select(Clean))}\"" + (t.Prefix ? "*" : string.Empty)));

    /// <summary>The tsquery: every token required, a prefix where the term is one (positions are not kept, so bigrams are not ordered).</summary>
    public static string PostgresQuery(IReadOnlyList<SearchTerm> terms) =>
        string.Join(" & ", terms.SelectMany(t => t.Tokens.Select((token, i) =>
            $"'{Clean(token)}'" + (t.Prefix && i == t.Tokens.Count - 1 ? ":*" : string.Empty))));

    /// <summary>Creates the index in a migration, for the provider the migration is for (the table must exist).</summary>
    public void Create(MigrationBuilder migrations)
    {
        if (migrations.IsNpgsql())
        {
            migrations.Sql($"CREATE INDEX \"{PostgresIndex}\" ON \"{Table}\" USING GIN ({PostgresVector});");
            return;
        }

        var fts = SqliteTable;
        var sql = new StringBuilder()
            .AppendLine($"CREATE VIRTUAL TABLE \"{fts}\" USING fts5(\"{Column}\", content='{Table}', content_rowid='{Key}', tokenize='unicode61 remove_diacritics 0');")
            .AppendLine($"CREATE TRIGGER \"{Table}_SearchInsert\" AFTER INSERT ON \"{Table}\" BEGIN INSERT INTO \"{fts}\"(rowid, \"{Column}\") VALUES (new.\"{Key}\", new.\"{Column}\"); END;")
            .AppendLine($"CREATE TRIGGER \"{Table}_SearchDelete\" AFTER DELETE ON \"{Table}\" BEGIN INSERT INTO \"{fts}\"(\"{fts}\", rowid, \"{Column}\") VALUES ('delete', old.\"{Key}\", old.\"{Column}\"); END;")
            .AppendLine($"CREATE TRIGGER \"{Table}_SearchUpdate\" AFTER UPDATE OF \"{Column}\" ON \"{Table}\" BEGIN INSERT INTO \"{fts}\"(\"{fts}\", rowid, \"{Column}\") VALUES ('delete', old.\"{Key}\", old.\"{Column}\"); INSERT INTO \"{fts}\"(rowid, \"{Column}\") VALUES (new.\"{Key}\", new.\"{Column}\"); END;")
            .AppendLine($"INSERT INTO \"{fts}\"(\"{fts}\") VALUES ('rebuild');");
        migrations.Sql(sql.ToString());
    }

    /// <summary>Drops the index in a migration's <c>Down</c>, before the table.</summary>
    public void Drop(MigrationBuilder migrations)
    {
        if (migrations.IsNpgsql())
        {
            migrations.Sql($"DROP INDEX IF EXISTS \"{PostgresIndex}\";");
            return;
        }

        migrations.Sql($"""
            DROP TRIGGER IF EXISTS "{Table}_SearchInsert";
            DROP TRIGGER IF EXISTS "{Table}_SearchDelete";
            DROP TRIGGER IF EXISTS "{Table}_SearchUpdate";
            DROP TABLE IF EXISTS "{SqliteTable}";
            """);
    }

    // Tokens are letters and digits only; anything else is dropped rather than escaped.
    private static string Clean(string token) => new([.. token.Where(char.IsLetterOrDigit)]);
}
