using FinPilot.Web.Features.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Written by hand, apart from the generated Search20 (which creates the SearchDocuments table) so
    /// that regenerating migrations leaves it alone: the full-text index over SearchDocuments.Tokens
    /// (FTS5 table and triggers on SQLite, GIN index on PostgreSQL), see FullTextIndex. The rows of an
    /// existing installation are written by `finpilot search rebuild`.
    /// </summary>
    [DbContext(typeof(SqliteFinPilotDbContext))]
    [Migration("20261205000000_Search20FullText")]
    public partial class Search20FullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            SearchDocument.Index.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SearchDocument.Index.Drop(migrationBuilder);
        }
    }
}
