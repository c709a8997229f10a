using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrityPlanReviewScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForwardNote",
                table: "PlanChanges",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ForwardedAt",
                table: "PlanChanges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedBy",
                table: "PlanChanges",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "PlanChanges",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IntegrityFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PersonKey = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Facts = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Request = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExplanationDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExplainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExplainedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ConclusionText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityFlags", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PublisherOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PainPoint = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TechnologyCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DataAvailable = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Constraints = table.Column<int>(type: "integer", nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Timeline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Technology = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Solutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capability = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TechnologyCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    References = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Certifications = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Solutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioInvitations",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_IntegrityFlags_RegionId_RaisedAt",
                table: "IntegrityFlags",
                columns: new[] { "RegionId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFlags_Rule_RecordKind_RecordId_PersonKey",
                table: "IntegrityFlags",
                columns: new[] { "Rule", "RecordKind", "RecordId", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFlags_Status_RaisedAt",
                table: "IntegrityFlags",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFlags_UnitOrganisationId_RaisedAt",
                table: "IntegrityFlags",
                columns: new[] { "UnitOrganisationId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioInvitations_OrganisationId",
                table: "ScenarioInvitations",
                column: "OrganisationId");

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
                name: "IntegrityFlags");

            migrationBuilder.DropTable(
                name: "ScenarioInvitations");

            migrationBuilder.DropTable(
                name: "ScenarioMatches");

            migrationBuilder.DropTable(
                name: "ScenarioSubscriptions");

            migrationBuilder.DropTable(
                name: "Solutions");

            migrationBuilder.DropTable(
                name: "Scenarios");

            migrationBuilder.DropColumn(
                name: "ForwardNote",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "ForwardedAt",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "ForwardedBy",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "PlanChanges");
        }
    }
}
