using System.Net.Mail;
using System.Text.RegularExpressions;

namespace FlexMail.Domain.Validation;

/// <summary>Shape checks shared by the validators.</summary>
public static partial class Formats
{
    public static bool IsGuid(string? value) => Guid.TryParseExact(value?.Trim(), "D", out _);

    /// <summary>A DNS name with at least two labels, e.g. <c>contoso.onmicrosoft.com</c>.</summary>
    public static bool IsDomainName(string? value) => value is { Length: <= 253 } && DomainName().IsMatch(value);

    /// <summary>An address of the form <c>user@domain.tld</c> (what Entra ID user principal names and SMTP addresses look like).</summary>
    public static bool IsEmailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 320 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }
        return MailAddress.TryCreate(value, out var address)
            && address.Address.Equals(value, StringComparison.OrdinalIgnoreCase)
            && IsDomainName(address.Host);
    }

    public static bool SameAddress(string? left, string? right) =>
        string.Equals(left?.Trim(), right?.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex DomainName();
}
