using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProtectedMaterial = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublicKeyFingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    KeyAlgorithm = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    KeySizeBits = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    Issuer = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    SerialNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Sha1Thumbprint = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Sha256Thumbprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    NotBefore = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NotAfter = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OAuthApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Cloud = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: false),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    PermissionMode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CredentialKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClientSecretHint = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    ClientSecretExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateCredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PrivateKeyCredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OAuthApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OAuthApplications_Credentials_CertificateCredentialId",
                        column: x => x.CertificateCredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OAuthApplications_Credentials_PrivateKeyCredentialId",
                        column: x => x.PrivateKeyCredentialId,
                        principalTable: "Credentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmailSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    ServerBaseUrl = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    SmtpUser = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    SmtpOAuthApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SmtpFromAddress = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    IncomingSameAsOutgoing = table.Column<bool>(type: "bit", nullable: false),
                    ImapUser = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    ImapOAuthApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EmailApprovalEnabled = table.Column<bool>(type: "bit", nullable: false),
                    ReplyMailbox = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    EmailReplyFolder = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ApprovalReplyAddress = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    ReplyAddressDeliveryConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    ProcessedMailAction = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProcessedMailFolder = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    PollIntervalSeconds = table.Column<int>(type: "int", nullable: false),
                    InboxRemovalAcknowledgedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    InboxRemovalAcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    InboxRemovalAcknowledgedMailbox = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailSettings_OAuthApplications_ImapOAuthApplicationId",
                        column: x => x.ImapOAuthApplicationId,
                        principalTable: "OAuthApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmailSettings_OAuthApplications_SmtpOAuthApplicationId",
                        column: x => x.SmtpOAuthApplicationId,
                        principalTable: "OAuthApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MailboxAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OAuthApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StatusReason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    GrantedScopes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ProtectedTokenCache = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AuthorizedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AuthorizedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastRefreshedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailboxAuthorizations_OAuthApplications_OAuthApplicationId",
                        column: x => x.OAuthApplicationId,
                        principalTable: "OAuthApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAt",
                table: "AuditEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_Name",
                table: "Credentials",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_PublicKeyFingerprint",
                table: "Credentials",
                column: "PublicKeyFingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_EmailSettings_ImapOAuthApplicationId",
                table: "EmailSettings",
                column: "ImapOAuthApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailSettings_SmtpOAuthApplicationId",
                table: "EmailSettings",
                column: "SmtpOAuthApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxAuthorizations_OAuthApplicationId",
                table: "MailboxAuthorizations",
                column: "OAuthApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxAuthorizations_Role",
                table: "MailboxAuthorizations",
                column: "Role",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OAuthApplications_CertificateCredentialId",
                table: "OAuthApplications",
                column: "CertificateCredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_OAuthApplications_Name",
                table: "OAuthApplications",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OAuthApplications_PrivateKeyCredentialId",
                table: "OAuthApplications",
                column: "PrivateKeyCredentialId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EmailSettings");

            migrationBuilder.DropTable(
                name: "MailboxAuthorizations");

            migrationBuilder.DropTable(
                name: "OAuthApplications");

            migrationBuilder.DropTable(
                name: "Credentials");
        }
    }
}
