using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Portal.Sandbox.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddAppRolesAndAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApiApplicationPermissions",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                // Existing app registrations get an empty JSON list, which the column's converter reads back.
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "AppRoles",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                // Existing app registrations get an empty JSON list, which the column's converter reads back.
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "AssignmentRequired",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierUri",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppRoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.CheckConstraint("CK_RoleAssignments_OnePrincipal", "(\"UserId\" IS NULL) <> (\"ClientApplicationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Applications_ClientApplicationId",
                        column: x => x.ClientApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Applications_ResourceApplicationId",
                        column: x => x.ResourceApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_ClientApplicationId",
                table: "RoleAssignments",
                column: "ClientApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_ResourceApplicationId_AppRoleId",
                table: "RoleAssignments",
                columns: new[] { "ResourceApplicationId", "AppRoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_UserId",
                table: "RoleAssignments",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropColumn(
                name: "ApiApplicationPermissions",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AppRoles",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AssignmentRequired",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "IdentifierUri",
                table: "Applications");
        }
    }
}
