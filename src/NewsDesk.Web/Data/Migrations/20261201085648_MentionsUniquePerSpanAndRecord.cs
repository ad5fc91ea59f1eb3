using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MentionsUniquePerSpanAndRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Identical copies (same article, span and record) made before the API refused them: the oldest stays, the
            // others are deleted, and each deletion is written to the audit log (as the system) like any other.
            const string copies = """
                SELECT m.* FROM "Mentions" m
                WHERE m."Id" NOT IN (SELECT MIN("Id") FROM "Mentions" GROUP BY "ArticleId", "Start", "End", "ActorId", "IncidentId", "ClaimId")
                """;
            migrationBuilder.Sql($$"""
                INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "Action", "EntityType", "EntityId", "RecordType", "RecordId", "Version", "Before", "After")
                SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), NULL, 'system', 'Deleted', 'Mention', CAST(c."Id" AS TEXT), 'Article', CAST(c."ArticleId" AS TEXT), c."Version",
                       json_object('Start', c."Start", 'End', c."End", 'Quote', c."Quote", 'ActorId', c."ActorId", 'IncidentId', c."IncidentId", 'ClaimId', c."ClaimId",
                                   'Note', 'identical to an older mention; removed by migration MentionsUniquePerSpanAndRecord'),
                       NULL
                FROM ({{copies}}) c;
                DELETE FROM "Mentions" WHERE "Id" IN (SELECT "Id" FROM ({{copies}}));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_Unique_Actor",
                table: "Mentions",
                columns: new[] { "ArticleId", "Start", "End", "ActorId" },
                unique: true,
                filter: "\"ActorId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_Unique_Claim",
                table: "Mentions",
                columns: new[] { "ArticleId", "Start", "End", "ClaimId" },
                unique: true,
                filter: "\"ClaimId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_Unique_Incident",
                table: "Mentions",
                columns: new[] { "ArticleId", "Start", "End", "IncidentId" },
                unique: true,
                filter: "\"IncidentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentions_Unique_Actor",
                table: "Mentions");

            migrationBuilder.DropIndex(
                name: "IX_Mentions_Unique_Claim",
                table: "Mentions");

            migrationBuilder.DropIndex(
                name: "IX_Mentions_Unique_Incident",
                table: "Mentions");
        }
    }
}
