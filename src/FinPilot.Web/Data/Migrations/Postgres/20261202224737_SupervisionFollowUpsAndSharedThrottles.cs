using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReleasedAt",
                table: "PublicResponses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedBy",
                table: "PublicResponses",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastFailure",
                table: "ProbeTargets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                table: "ProbeResults",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProbeSyncMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SyncedThrough = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeSyncMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThrottleCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WindowStart = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "ProbeResults",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }
    }
}
