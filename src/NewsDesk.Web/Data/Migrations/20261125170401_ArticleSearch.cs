using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data.Sqlite;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over title, byline, site and body; built here for rows that already exist.
            migrationBuilder.Sql(ArticleSearchSchema.Create());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ArticleSearchSchema.Drop());
        }
    }
}
