using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Episode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskRuleOverrides",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Settings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskRuleOverrides", x => x.ProjectId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OneOpen",
                table: "Alerts",
                columns: new[] { "ProjectId", "Kind", "RuleKey" },
                unique: true,
                filter: "\"Status\" IN ('Open', 'Acknowledged')");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OrganisationId_RaisedAt",
                table: "Alerts",
                columns: new[] { "OrganisationId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ProjectId_Kind_RuleKey_Episode",
                table: "Alerts",
                columns: new[] { "ProjectId", "Kind", "RuleKey", "Episode" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ProjectId_Status",
                table: "Alerts",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RegionId_RaisedAt",
                table: "Alerts",
                columns: new[] { "RegionId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskRuleOverrides_RegionId",
                table: "RiskRuleOverrides",
                column: "RegionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "RiskRuleOverrides");
        }
    }
}
