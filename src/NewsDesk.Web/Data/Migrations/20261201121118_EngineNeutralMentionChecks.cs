using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <summary>
    /// The mention check constraints now quote their column names, which PostgreSQL needs (it folds unquoted names to
    /// lower case). SQLite reads both spellings alike, so only the model changes here: dropping and adding a check
    /// constraint is a rebuild of the Mentions table on SQLite, which EF cannot run inside a transaction, for no change
    /// in what the constraints allow. A later rebuild of the table writes the quoted text.
    /// </summary>
    public partial class EngineNeutralMentionChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
