using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionFollowUpsAndSharedThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastError",
                table: "ProbeTargets");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "ProbeResults");

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "PublicResponses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedBy",
                table: "PublicResponses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastFailure",
                table: "ProbeTargets",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                table: "ProbeResults",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProbeSyncMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncedThrough = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeSyncMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThrottleCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThrottleCounters", x => new { x.Key, x.WindowStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionPlans_ConfirmedAt",
                table: "SupervisionPlans",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ThrottleCounters_ExpiresAt",
                table: "ThrottleCounters",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProbeSyncMarks");

            migrationBuilder.DropTable(
                name: "ThrottleCounters");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionPlans_ConfirmedAt",
                table: "SupervisionPlans");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "PublicResponses");

            migrationBuilder.DropColumn(
                name: "ReleasedBy",
                table: "PublicResponses");

            migrationBuilder.DropColumn(
                name: "LastFailure",
                table: "ProbeTargets");

            migrationBuilder.DropColumn(
                name: "Failure",
                table: "ProbeResults");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "ProbeTargets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "ProbeResults",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }
    }
}
