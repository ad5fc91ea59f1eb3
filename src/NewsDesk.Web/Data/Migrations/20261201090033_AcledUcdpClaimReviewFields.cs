using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AcledUcdpClaimReviewFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Admin2",
                table: "Incidents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Admin3",
                table: "Incidents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CivilianTargeting",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateEnd",
                table: "Incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeathsCivilians",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeathsPerpetratorSide",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeathsTargetSide",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeathsUnknown",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FatalitiesHigh",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FatalitiesLow",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceScale",
                table: "Incidents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Incidents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDate",
                table: "Claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reviewer",
                table: "Claims",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcledType",
                table: "Actors",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Admin2",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Admin3",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "CivilianTargeting",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DateEnd",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DeathsCivilians",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DeathsPerpetratorSide",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DeathsTargetSide",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DeathsUnknown",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "FatalitiesHigh",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "FatalitiesLow",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "SourceScale",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ReviewDate",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Reviewer",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "AcledType",
                table: "Actors");
        }
    }
}
