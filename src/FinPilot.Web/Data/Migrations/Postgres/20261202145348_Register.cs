using System;
using FinPilot.Web.Features.Disclosure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegisterPilots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "text", nullable: false),
                    ListedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterPilots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterPilots_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegisterPilots_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterPilotTags",
                columns: table => new
                {
                    PilotId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterPilotTags", x => new { x.PilotId, x.Kind, x.Code });
                    table.ForeignKey(
                        name: "FK_RegisterPilotTags_RegisterPilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "RegisterPilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicEvents_At_Id",
                table: "PublicEvents",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_CallId_UpdatedAt",
                table: "RegisterPilots",
                columns: new[] { "CallId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_Category_UpdatedAt",
                table: "RegisterPilots",
                columns: new[] { "Category", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_ListedAt",
                table: "RegisterPilots",
                column: "ListedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_ProjectId",
                table: "RegisterPilots",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_RegionId_UpdatedAt",
                table: "RegisterPilots",
                columns: new[] { "RegionId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_UpdatedAt_Name_ProjectId",
                table: "RegisterPilots",
                columns: new[] { "UpdatedAt", "Name", "ProjectId" },
                descending: new[] { true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilotTags_Kind_Code_PilotId",
                table: "RegisterPilotTags",
                columns: new[] { "Kind", "Code", "PilotId" });

            // The full-text index over SearchText (FTS5 on SQLite, GIN on PostgreSQL): see FullTextIndex.
            RegisterPilot.Search.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RegisterPilot.Search.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "RegisterPilotTags");

            migrationBuilder.DropTable(
                name: "RegisterPilots");

            migrationBuilder.DropIndex(
                name: "IX_PublicEvents_At_Id",
                table: "PublicEvents");
        }
    }
}
