using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Facts = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ExplanationDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExplainedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExplainedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ConclusionText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
