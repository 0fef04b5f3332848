using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPendingAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StateHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    BrowserBindingHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OAuthApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    RequestedScopes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RedirectUri = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    ProtectedCodeVerifier = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReturnUrl = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingAuthorizations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingAuthorizations_ExpiresAt",
                table: "PendingAuthorizations",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PendingAuthorizations_StateHash",
                table: "PendingAuthorizations",
                column: "StateHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingAuthorizations");
        }
    }
}
