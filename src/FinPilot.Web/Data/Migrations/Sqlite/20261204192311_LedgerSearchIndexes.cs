using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PublicRecords_Kind_At",
                table: "PublicRecords",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicRecords_RegionId_At",
                table: "PublicRecords",
                columns: new[] { "RegionId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublicRecords_Kind_At",
                table: "PublicRecords");

            migrationBuilder.DropIndex(
                name: "IX_PublicRecords_RegionId_At",
                table: "PublicRecords");
        }
    }
}
