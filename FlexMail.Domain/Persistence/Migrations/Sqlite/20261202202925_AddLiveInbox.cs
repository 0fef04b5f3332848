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

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "ProcessedReplies",
                type: "TEXT",
                maxLength: 320,
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
                name: "IX_ProcessedReplies_SenderKey_ProcessedAt",
                table: "ProcessedReplies",
                columns: new[] { "SenderKey", "ProcessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReplyEvents_OccurredAt",
                table: "ReplyEvents",
                column: "OccurredAt");

            // Replies recorded before this migration get their sender key as the entity computes it (trimmed, lower case).
            migrationBuilder.Sql("UPDATE ProcessedReplies SET SenderKey = LOWER(TRIM(Sender)) WHERE Sender IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReplyEvents");

            migrationBuilder.DropIndex(
                name: "IX_ProcessedReplies_SenderKey_ProcessedAt",
                table: "ProcessedReplies");

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

            migrationBuilder.DropColumn(
                name: "SenderKey",
                table: "ProcessedReplies");
        }
    }
}
