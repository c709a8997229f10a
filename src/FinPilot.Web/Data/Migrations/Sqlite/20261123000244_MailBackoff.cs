using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailBackoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EmailNextAttemptAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmailNextAttemptAt",
                table: "Notifications");
        }
    }
}
