using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>Opaque ids shaped like Exchange's (URL-safe base64 with Exchange's prefixes).</summary>
public static class SandboxIds
{
    public static string NewFolderId() => "AQMkAD" + Random(45);

    public static string NewMessageId() => "AAMkAD" + Random(105);

    public static string NewImmutableId() => "AAkALg" + Random(93);

    public static string NewConversationId() => "AAQkAD" + Random(45);

    public static string NewRuleId() => "AQAAA" + Random(9);

    public static string NewChangeKey() => "CQAAAB" + Random(30);

    private static string Random(int bytes) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));
}
