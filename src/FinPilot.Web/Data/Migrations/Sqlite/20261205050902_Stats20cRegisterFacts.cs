using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Stats20cRegisterFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Admitted",
                table: "RegisterPilotTags",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "RegisterPilotTags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "AdmittedAt",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdmittedOn",
                table: "RegisterPilots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExitedAt",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FactsVersion",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastAdmittedAt",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lifecycle",
                table: "RegisterPilots",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Noticed",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TierPublished",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Troubled",
                table: "RegisterPilots",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilotTags_Kind_Code_RegionId_Admitted",
                table: "RegisterPilotTags",
                columns: new[] { "Kind", "Code", "RegionId", "Admitted" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_ExitedAt",
                table: "RegisterPilots",
                column: "ExitedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_Facts",
                table: "RegisterPilots",
                columns: new[] { "RegionId", "CallId", "Category", "AdmittedOn", "LastAdmittedAt", "Noticed", "ExitedAt", "Troubled", "Lifecycle" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterPilots_RegionId_AdmittedAt_Lead",
                table: "RegisterPilots",
                columns: new[] { "RegionId", "AdmittedAt", "LeadOrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegisterPilotTags_Kind_Code_RegionId_Admitted",
                table: "RegisterPilotTags");

            migrationBuilder.DropIndex(
                name: "IX_RegisterPilots_ExitedAt",
                table: "RegisterPilots");

            migrationBuilder.DropIndex(
                name: "IX_RegisterPilots_Facts",
                table: "RegisterPilots");

            migrationBuilder.DropIndex(
                name: "IX_RegisterPilots_RegionId_AdmittedAt_Lead",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "Admitted",
                table: "RegisterPilotTags");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "RegisterPilotTags");

            migrationBuilder.DropColumn(
                name: "AdmittedAt",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "AdmittedOn",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "ExitedAt",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "FactsVersion",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "LastAdmittedAt",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "Noticed",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "TierPublished",
                table: "RegisterPilots");

            migrationBuilder.DropColumn(
                name: "Troubled",
                table: "RegisterPilots");
        }
    }
}
