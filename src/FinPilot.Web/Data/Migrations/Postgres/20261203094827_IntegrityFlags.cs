using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrityFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityFlags");
        }
    }
}
