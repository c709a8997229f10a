using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedAt",
                table: "PlanChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedBy",
                table: "PlanChanges",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "PlanChanges",
                type: "TEXT",
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
