using Microsoft.EntityFrameworkCore.Migrations;
using NewsDesk.Web.Data.Sqlite;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            // Rows written before the chain get their hash once, at the next start (AuditChain.SealLegacyAsync).
            migrationBuilder.Sql(AuditLogSchema.Drop());
            migrationBuilder.Sql(AuditLogSchema.CreateChained());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditLogSchema.Drop());
            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");

            migrationBuilder.Sql(AuditLogSchema.Create());
        }
    }
}
