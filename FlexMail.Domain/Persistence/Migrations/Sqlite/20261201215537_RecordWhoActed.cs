using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordWhoActed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StartedBy",
                table: "PendingAuthorizations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StartedById",
                table: "PendingAuthorizations",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorizedById",
                table: "MailboxAuthorizations",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedById",
                table: "EmailConfigurationTestRuns",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 36,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StartedBy",
                table: "PendingAuthorizations");

            migrationBuilder.DropColumn(
                name: "StartedById",
                table: "PendingAuthorizations");

            migrationBuilder.DropColumn(
                name: "AuthorizedById",
                table: "MailboxAuthorizations");

            migrationBuilder.DropColumn(
                name: "RequestedById",
                table: "EmailConfigurationTestRuns");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "AuditEvents");
        }
    }
}
