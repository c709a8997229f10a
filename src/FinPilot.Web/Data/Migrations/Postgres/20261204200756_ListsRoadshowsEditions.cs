using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListsRoadshowsEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CurrentMetrics",
                table: "PlanChanges",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedMetrics",
                table: "PlanChanges",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersedesId",
                table: "Casebooks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoachingAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    CoachUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Sessions = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Roadshows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    ScenarioIds = table.Column<string>(type: "text", nullable: false),
                    Criteria = table.Column<string>(type: "text", nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roadshows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoadshowPanellists",
                columns: table => new
                {
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RoadshowId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadshowPanellists", x => new { x.RoadshowId, x.ExpertId });
                    table.ForeignKey(
                        name: "FK_RoadshowPanellists_Roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "Roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadshowRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SolutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    Seat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PromotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RoadshowId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadshowRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadshowRegistrations_Roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "Roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicRecords_Kind_At",
                table: "PublicRecords",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicRecords_RegionId_At",
                table: "PublicRecords",
                columns: new[] { "RegionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Casebooks_SupersedesId",
                table: "Casebooks",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_CoachUserId",
                table: "CoachingAssignments",
                column: "CoachUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_MatchId",
                table: "CoachingAssignments",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_OrganisationId",
                table: "CoachingAssignments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_PartnerOrganisationId",
                table: "CoachingAssignments",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_RegionId",
                table: "CoachingAssignments",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadshowPanellists_ExpertId",
                table: "RoadshowPanellists",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadshowRegistrations_MatchId",
                table: "RoadshowRegistrations",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadshowRegistrations_OrganisationId",
                table: "RoadshowRegistrations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadshowRegistrations_RoadshowId",
                table: "RoadshowRegistrations",
                column: "RoadshowId");

            migrationBuilder.CreateIndex(
                name: "IX_Roadshows_RegionId_StartsAt",
                table: "Roadshows",
                columns: new[] { "RegionId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingAssignments");

            migrationBuilder.DropTable(
                name: "RoadshowPanellists");

            migrationBuilder.DropTable(
                name: "RoadshowRegistrations");

            migrationBuilder.DropTable(
                name: "Roadshows");

            migrationBuilder.DropIndex(
                name: "IX_PublicRecords_Kind_At",
                table: "PublicRecords");

            migrationBuilder.DropIndex(
                name: "IX_PublicRecords_RegionId_At",
                table: "PublicRecords");

            migrationBuilder.DropIndex(
                name: "IX_Casebooks_SupersedesId",
                table: "Casebooks");

            migrationBuilder.DropColumn(
                name: "CurrentMetrics",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "ProposedMetrics",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "SupersedesId",
                table: "Casebooks");
        }
    }
}
