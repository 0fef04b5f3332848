using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlexMail.Domain.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedMaterial = table.Column<string>(type: "TEXT", nullable: false),
                    PublicKeyFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyAlgorithm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    KeySizeBits = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Sha1Thumbprint = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Sha256Thumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    NotAfter = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OAuthApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cloud = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PermissionMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CredentialKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", nullable: true),
                    ClientSecretHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClientSecretExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateCredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PrivateKeyCredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ServerBaseUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SmtpUser = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SmtpOAuthApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SmtpFromAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    IncomingSameAsOutgoing = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImapUser = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ImapOAuthApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EmailApprovalEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplyMailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    EmailReplyFolder = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ApprovalReplyAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ReplyAddressDeliveryConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcessedMailAction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProcessedMailFolder = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PollIntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    InboxRemovalAcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InboxRemovalAcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InboxRemovalAcknowledgedMailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OAuthApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserPrincipalName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GrantedScopes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProtectedTokenCache = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorizedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorizedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastRefreshedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
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
