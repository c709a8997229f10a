using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <summary>The database itself refuses to change or delete audit entries, whatever code connects to it.</summary>
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_NoDelete;");
        }
    }
}
