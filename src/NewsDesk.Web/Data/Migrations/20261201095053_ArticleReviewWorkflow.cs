using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleReviewWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleReviews",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateSetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StateSetAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnotatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleReviews", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleReviews_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleReviews_Assignee_State",
                table: "ArticleReviews",
                columns: new[] { "Assignee", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleReviews_State_ArticleId",
                table: "ArticleReviews",
                columns: new[] { "State", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleReviews");
        }
    }
}
