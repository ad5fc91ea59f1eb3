using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EngineNeutralMentionChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_OneRecord",
                table: "Mentions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_Span",
                table: "Mentions");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_OneRecord",
                table: "Mentions",
                sql: "(CASE WHEN \"ActorId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"IncidentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ClaimId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_Span",
                table: "Mentions",
                sql: "\"Start\" >= 0 AND \"End\" > \"Start\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_OneRecord",
                table: "Mentions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Mentions_Span",
                table: "Mentions");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_OneRecord",
                table: "Mentions",
                sql: "(CASE WHEN ActorId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN IncidentId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ClaimId IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Mentions_Span",
                table: "Mentions",
                sql: "Start >= 0 AND \"End\" > Start");
        }
    }
}
