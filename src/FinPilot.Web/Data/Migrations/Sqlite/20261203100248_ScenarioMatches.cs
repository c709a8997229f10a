using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScenarioMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScenarioMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SolutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SolutionOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SolutionRegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScenarioConsentBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SolutionConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SolutionConsentBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Messages = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioMatches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioMatches_RegionId",
                table: "ScenarioMatches",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioMatches_ScenarioId_SolutionId",
                table: "ScenarioMatches",
                columns: new[] { "ScenarioId", "SolutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioMatches_ScenarioOrganisationId",
                table: "ScenarioMatches",
                column: "ScenarioOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioMatches_SolutionOrganisationId",
                table: "ScenarioMatches",
                column: "SolutionOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScenarioMatches");
        }
    }
}
