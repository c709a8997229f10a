using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanChangeExpertReview : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
