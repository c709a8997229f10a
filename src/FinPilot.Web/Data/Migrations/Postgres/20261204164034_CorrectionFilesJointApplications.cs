using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CorrectionFilesJointApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppliedAt",
                table: "ScenarioMatches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "ScenarioMatches",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Files",
                table: "CorrectionOrders",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioMatches_ProjectId",
                table: "ScenarioMatches",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScenarioMatches_ProjectId",
                table: "ScenarioMatches");

            migrationBuilder.DropColumn(
                name: "AppliedAt",
                table: "ScenarioMatches");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "ScenarioMatches");

            migrationBuilder.DropColumn(
                name: "Files",
                table: "CorrectionOrders");
        }
    }
}
