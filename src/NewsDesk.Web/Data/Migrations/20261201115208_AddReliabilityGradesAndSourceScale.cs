using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddReliabilityGradesAndSourceScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reliability",
                table: "Sources",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scale",
                table: "Sources",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Credibility",
                table: "Claims",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reliability",
                table: "Actors",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reliability",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Scale",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Credibility",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Reliability",
                table: "Actors");
        }
    }
}
