using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinPilot.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sup17d : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentMetrics",
                table: "PlanChanges");

            migrationBuilder.DropColumn(
                name: "ProposedMetrics",
                table: "PlanChanges");
        }
    }
}
