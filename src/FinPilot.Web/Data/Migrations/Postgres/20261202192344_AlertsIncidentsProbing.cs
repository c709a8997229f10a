using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Episode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Severe = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedLate = table.Column<bool>(type: "boolean", nullable: false),
                    CustomersAffected = table.Column<int>(type: "integer", nullable: false),
                    AmountAffected = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Updates = table.Column<string>(type: "text", nullable: false),
                    Triage = table.Column<string>(type: "text", nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProbeResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Up = table.Column<bool>(type: "boolean", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    LatencyMs = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProbeTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    FailuresBeforeAlert = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    NextDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastProbedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastLatencyMs = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    FailingToldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskRuleOverrides",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Settings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
