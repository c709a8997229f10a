using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchMatchingForwardedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ForwardedBy",
                table: "ExitCases",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Snippet = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Tokens = table.Column<string>(type: "TEXT", nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_OrganisationId_Kind",
                table: "SearchDocuments",
                columns: new[] { "OrganisationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Public_Kind",
                table: "SearchDocuments",
                columns: new[] { "Public", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_RegionId_Kind",
                table: "SearchDocuments",
                columns: new[] { "RegionId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_TargetId",
                table: "SearchDocuments",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_UpdatedAt_Id",
                table: "SearchDocuments",
                columns: new[] { "UpdatedAt", "Id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchDocuments");

            migrationBuilder.DropColumn(
                name: "ForwardedBy",
                table: "ExitCases");
        }
    }
}
