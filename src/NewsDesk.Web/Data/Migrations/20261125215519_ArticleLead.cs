using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleLead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Lead",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Existing articles get their lead here; new ones from Article.Text's setter. substr counts characters
            // (code points), Text's setter UTF-16 units: the two differ only by a character or two on astral text.
            // Lead is not one of the search triggers' columns, so this does not re-index the full-text table.
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"Lead\" = substr(\"Text\", 1, 280);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Lead",
                table: "Articles");
        }
    }
}
