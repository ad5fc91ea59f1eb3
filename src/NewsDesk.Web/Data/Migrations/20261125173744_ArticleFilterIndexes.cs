using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Language",
                table: "Articles",
                column: "Language");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SiteName",
                table: "Articles",
                column: "SiteName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Language",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SiteName",
                table: "Articles");
        }
    }
}
