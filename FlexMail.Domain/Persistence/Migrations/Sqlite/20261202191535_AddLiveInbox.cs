using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLiveInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousOutcome",
                table: "ProcessedReplies",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "ProcessedReplies",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionReason",
                table: "ProcessedReplies",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "ProcessedReplies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "ProcessedReplies",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReplyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProcessedReplyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReplyEvents_OccurredAt",
                table: "ReplyEvents",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReplyEvents");

            migrationBuilder.DropColumn(
                name: "PreviousOutcome",
                table: "ProcessedReplies");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "ProcessedReplies");

            migrationBuilder.DropColumn(
                name: "ResolutionReason",
                table: "ProcessedReplies");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "ProcessedReplies");

            migrationBuilder.DropColumn(
                name: "ResolvedBy",
                table: "ProcessedReplies");
        }
    }
}
