using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CorrectionFilesJointApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AppliedAt",
                table: "ScenarioMatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "ScenarioMatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Files",
                table: "CorrectionOrders",
                type: "TEXT",
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
