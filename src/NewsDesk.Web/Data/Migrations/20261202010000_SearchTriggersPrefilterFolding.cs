using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data.Sqlite;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <summary>
    /// The search triggers test one GLOB range spanning every folding character before the exact class
    /// (TextFolding.SqlExpression): the folding and the index's content are the same, so only the triggers are built
    /// again. Down keeps them: the folding is identical.
    /// </summary>
    public partial class SearchTriggersPrefilterFolding : Migration
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
