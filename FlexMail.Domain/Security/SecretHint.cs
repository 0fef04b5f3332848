namespace FlexMail.Domain.Security;

/// <summary>What the portal may show back about a saved secret: its last characters, never more.</summary>
public static class SecretHint
{
    private const int VisibleCharacters = 4;

    public static string For(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        // Short secrets reveal nothing: showing 4 of 6 characters would give most of it away.
        return secret.Length < VisibleCharacters * 3
            ? new string('•', 4)
            : "••••" + secret[^VisibleCharacters..];
    }
}
