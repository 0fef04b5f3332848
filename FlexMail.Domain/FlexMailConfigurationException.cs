namespace FlexMail.Domain;

/// <summary>The configuration cannot work; the message says which setting to fix and how.</summary>
public sealed class FlexMailConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
