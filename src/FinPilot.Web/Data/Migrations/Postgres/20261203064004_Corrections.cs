using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CorrectionOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Findings = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Breach = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    RequiredActions = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Severity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MustRectify = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Extensions = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Escalation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Disclosed = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectionPlan = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ToleratedDeviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deviation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToleratedDeviations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_OrganisationId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "OrganisationId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_ProjectId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "ProjectId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_RegionId_IssuedAt",
                table: "CorrectionOrders",
                columns: new[] { "RegionId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_Status_DueAt",
                table: "CorrectionOrders",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ToleratedDeviations_ProjectId_RecordedAt",
                table: "ToleratedDeviations",
                columns: new[] { "ProjectId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ToleratedDeviations_RegionId_RecordedAt",
                table: "ToleratedDeviations",
                columns: new[] { "RegionId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectionOrders");

            migrationBuilder.DropTable(
                name: "ToleratedDeviations");
        }
    }
}
