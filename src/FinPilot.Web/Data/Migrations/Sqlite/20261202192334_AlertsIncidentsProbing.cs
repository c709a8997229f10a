using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertsIncidentsProbing : Migration
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
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Severe = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomersAffected = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountAffected = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Updates = table.Column<string>(type: "TEXT", nullable: false),
                    Triage = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProbeResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Up = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProbeTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    FailuresBeforeAlert = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastProbedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastLatencyMs = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    FailingToldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeTargets", x => x.Id);
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
                name: "IX_Incidents_OrganisationId_ReportedAt",
                table: "Incidents",
                columns: new[] { "OrganisationId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ProjectId_ReportedAt",
                table: "Incidents",
                columns: new[] { "ProjectId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_RegionId_ReportedAt",
                table: "Incidents",
                columns: new[] { "RegionId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProbeResults_At",
                table: "ProbeResults",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ProbeResults_ProjectId_At",
                table: "ProbeResults",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProbeResults_TargetId_At",
                table: "ProbeResults",
                columns: new[] { "TargetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProbeTargets_Active_NextDueAt",
                table: "ProbeTargets",
                columns: new[] { "Active", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProbeTargets_ProjectId_Url",
                table: "ProbeTargets",
                columns: new[] { "ProjectId", "Url" },
                unique: true);

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
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "ProbeResults");

            migrationBuilder.DropTable(
                name: "ProbeTargets");

            migrationBuilder.DropTable(
                name: "RiskRuleOverrides");
        }
    }
}
