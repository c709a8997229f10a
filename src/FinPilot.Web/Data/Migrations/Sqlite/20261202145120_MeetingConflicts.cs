using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingConflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeclaredConflicts",
                table: "MeetingAgendaItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeclaredConflicts",
                table: "MeetingAgendaItems");
        }
    }
}
