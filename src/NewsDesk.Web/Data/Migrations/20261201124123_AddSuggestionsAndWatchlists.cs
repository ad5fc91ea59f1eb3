using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data.Sqlite;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSuggestionsAndWatchlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CaseSensitive",
                table: "ActorAliases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClaimDenials",
                columns: table => new
                {
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeniedClaimId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimDenials", x => x.ClaimId);
                    table.ForeignKey(
                        name: "FK_ClaimDenials_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaimDenials_Claims_DeniedClaimId",
                        column: x => x.DeniedClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MentionId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestionDecisions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuggestionDecisions_Mentions_MentionId",
                        column: x => x.MentionId,
                        principalTable: "Mentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Watches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Watches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Watches_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WatchHits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOffset = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchHits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchHits_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WatchHits_Watches_WatchId",
                        column: x => x.WatchId,
                        principalTable: "Watches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimDenials_DeniedClaimId",
                table: "ClaimDenials",
                column: "DeniedClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_ArticleId_Verdict",
                table: "SuggestionDecisions",
                columns: new[] { "ArticleId", "Verdict" });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_MentionId",
                table: "SuggestionDecisions",
                column: "MentionId");

            migrationBuilder.CreateIndex(
                name: "IX_Watches_ActorId",
                table: "Watches",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Watches_Owner_ActorId",
                table: "Watches",
                columns: new[] { "Owner", "ActorId" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchHits_ArticleId",
                table: "WatchHits",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_WatchHits_FoundAt",
                table: "WatchHits",
                column: "FoundAt");

            migrationBuilder.CreateIndex(
                name: "IX_WatchHits_WatchId_ArticleId",
                table: "WatchHits",
                columns: new[] { "WatchId", "ArticleId" },
                unique: true);

            // Search now folds Persian yeh and kaf and Cyrillic ё as suggestions do (TextFolding): the index and its
            // triggers are built again with the new folding, for the articles already stored too.
            migrationBuilder.Sql(ArticleSearchSchema.Drop());
            migrationBuilder.Sql(ArticleSearchSchema.Create());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimDenials");

            migrationBuilder.DropTable(
                name: "SuggestionDecisions");

            migrationBuilder.DropTable(
                name: "WatchHits");

            migrationBuilder.DropTable(
                name: "Watches");

            migrationBuilder.DropColumn(
                name: "CaseSensitive",
                table: "ActorAliases");
        }
    }
}
