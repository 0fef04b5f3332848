using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.SqlServer
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StartedById",
                table: "PendingAuthorizations",
                type: "nvarchar(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorizedById",
                table: "MailboxAuthorizations",
                type: "nvarchar(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedById",
                table: "EmailConfigurationTestRuns",
                type: "nvarchar(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "AuditEvents",
                type: "nvarchar(36)",
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
