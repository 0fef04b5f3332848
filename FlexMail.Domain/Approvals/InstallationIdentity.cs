namespace FlexMail.Domain.Approvals;

/// <summary>
/// This installation's short code (four characters of <see cref="ReplyTokens"/>' alphabet), made once per database and
/// carried in every reply token, so that installations sharing a reply folder (dev and prod) tell their replies apart.
/// </summary>
public sealed class InstallationIdentity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string Code { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
