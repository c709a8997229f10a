using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "PublicRecords",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "PublicRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "PublicRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordSequence",
                table: "PublicEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LedgerCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Cosignatures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Entry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "LedgerHashes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerHashes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTree",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTree", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "LedgerTree",
                columns: new[] { "Id", "Size" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_PublicEvents_RecordSequence",
                table: "PublicEvents",
                column: "RecordSequence");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerCheckpoints_Size",
                table: "LedgerCheckpoints",
                column: "Size");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ContentSha256",
                table: "LedgerEntries",
                column: "ContentSha256");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_RecordSequence",
                table: "LedgerEntries",
                column: "RecordSequence",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PublicEvents_PublicRecords_RecordSequence",
                table: "PublicEvents",
                column: "RecordSequence",
                principalTable: "PublicRecords",
                principalColumn: "Sequence",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PublicEvents_PublicRecords_RecordSequence",
                table: "PublicEvents");

            migrationBuilder.DropTable(
                name: "LedgerCheckpoints");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "LedgerHashes");

            migrationBuilder.DropTable(
                name: "LedgerTree");

            migrationBuilder.DropIndex(
                name: "IX_PublicEvents_RecordSequence",
                table: "PublicEvents");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "PublicRecords");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "PublicRecords");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "PublicRecords");

            migrationBuilder.DropColumn(
                name: "RecordSequence",
                table: "PublicEvents");
        }
    }
}
