using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BrowserBindingHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OAuthApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    RequestedScopes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RedirectUri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ProtectedCodeVerifier = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReturnUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
