using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data.Sqlite;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <summary>
    /// The search triggers fold a value only when it holds a character that folds (TextFolding.SqlExpression): the
    /// index's content is the same, so only the triggers are built again. Down keeps them: the folding is identical.
    /// </summary>
    public partial class SearchTriggersFoldOnlyWhenNeeded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ArticleSearchSchema.DropTriggers());
            migrationBuilder.Sql(ArticleSearchSchema.CreateTriggers());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
