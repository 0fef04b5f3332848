using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.SqlServer
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
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "ProcessedReplies",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionReason",
                table: "ProcessedReplies",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "ProcessedReplies",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "ProcessedReplies",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "ProcessedReplies",
                type: "nvarchar(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReplyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProcessedReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApprovalRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
