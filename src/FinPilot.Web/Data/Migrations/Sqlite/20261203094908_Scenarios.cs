using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublisherOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PainPoint = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TechnologyCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DataAvailable = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Constraints = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Timeline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Technology = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Solutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capability = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TechnologyCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    References = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Certifications = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Solutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioInvitations",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioInvitations", x => new { x.ScenarioId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ScenarioInvitations_Scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioInvitations_OrganisationId",
                table: "ScenarioInvitations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_PublisherOrganisationId",
                table: "Scenarios",
                column: "PublisherOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_RegionId_Status",
                table: "Scenarios",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_Status_PublishedAt",
                table: "Scenarios",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSubscriptions_OrganisationId",
                table: "ScenarioSubscriptions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_OrganisationId",
                table: "Solutions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_ScenarioId",
                table: "Solutions",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_Status_PublishedAt",
                table: "Solutions",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScenarioInvitations");

            migrationBuilder.DropTable(
                name: "ScenarioSubscriptions");

            migrationBuilder.DropTable(
                name: "Solutions");

            migrationBuilder.DropTable(
                name: "Scenarios");
        }
    }
}
