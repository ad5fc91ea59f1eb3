using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleReviewVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ArticleReviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "ArticleReviews");
        }
    }
}
