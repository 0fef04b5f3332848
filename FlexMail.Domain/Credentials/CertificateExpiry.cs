namespace FlexMail.Domain.Credentials;

/// <summary>Where a certificate stands on its validity period at a given moment.</summary>
public enum ExpiryStatus
{
    Valid,
    ExpiringSoon,
    Expired,
    NotYetValid,
}

public static class CertificateExpiry
{
    /// <summary>How long before expiry a certificate counts as expiring soon.</summary>
    public static readonly TimeSpan WarningPeriod = TimeSpan.FromDays(30);

    public static ExpiryStatus Evaluate(DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset now)
    {
        if (now > notAfter)
        {
            return ExpiryStatus.Expired;
        }
        if (now < notBefore)
        {
            return ExpiryStatus.NotYetValid;
        }
        return notAfter - now <= WarningPeriod ? ExpiryStatus.ExpiringSoon : ExpiryStatus.Valid;
    }
}
