namespace FlexMail.Domain.Security;

/// <summary>A stored secret could not be decrypted: the key ring or its key-encryption certificate changed.</summary>
public sealed class SecretUnreadableException(Exception inner) : Exception(
    "A stored secret could not be decrypted. The data-protection key ring or its key-encryption " +
    "certificate is not the one it was saved with; restore them, or enter the secret again.", inner);
