using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReplyMonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SendReplyAnswers",
                table: "EmailSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "SendReplyConfirmations",
                table: "EmailSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerSubject",
                table: "ApprovalMails",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerText",
                table: "ApprovalMails",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProcessedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InternetMessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    GraphMessageId = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ApprovalRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApproverId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalMailId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecisiveLine = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    QuotedText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StepsJson = table.Column<string>(type: "TEXT", nullable: false),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Removal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovalError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnswerMailId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessedReplies_ApprovalRequests_ApprovalRequestId",
                        column: x => x.ApprovalRequestId,
                        principalTable: "ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReplyMonitorState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCycleStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCycleEndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCycleSeen = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCycleProcessed = table.Column<int>(type: "INTEGER", nullable: false),
                    NotOursInFolder = table.Column<int>(type: "INTEGER", nullable: false),
                    ForeignInFolder = table.Column<int>(type: "INTEGER", nullable: false),
                    Backlog = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCycleRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    NextCycleAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ThrottledUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastErrorCause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastErrorFix = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyMonitorState", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_ApprovalRequestId",
                table: "ProcessedReplies",
                column: "ApprovalRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_MessageKey",
                table: "ProcessedReplies",
                column: "MessageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_Outcome_ProcessedAt",
                table: "ProcessedReplies",
                columns: new[] { "Outcome", "ProcessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_ProcessedAt",
                table: "ProcessedReplies",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_Removal",
                table: "ProcessedReplies",
                column: "Removal");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedReplies_Sender",
                table: "ProcessedReplies",
                column: "Sender");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcessedReplies");

            migrationBuilder.DropTable(
                name: "ReplyMonitorState");

            migrationBuilder.DropColumn(
                name: "SendReplyAnswers",
                table: "EmailSettings");

            migrationBuilder.DropColumn(
                name: "SendReplyConfirmations",
                table: "EmailSettings");

            migrationBuilder.DropColumn(
                name: "AnswerSubject",
                table: "ApprovalMails");

            migrationBuilder.DropColumn(
                name: "AnswerText",
                table: "ApprovalMails");
        }
    }
}
