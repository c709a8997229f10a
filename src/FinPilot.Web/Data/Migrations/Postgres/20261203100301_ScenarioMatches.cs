using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    ScenarioOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SolutionOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionRegionId = table.Column<int>(type: "integer", nullable: false),
                    ScenarioConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScenarioConsentBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SolutionConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SolutionConsentBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Messages = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
