using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

internal static class CredentialAssert
{
    /// <summary>The result is the given refusal, and its message says each of the fragments (case-insensitive).</summary>
    public static CredentialError Refused<T>(CredentialResult<T> result, CredentialErrorCode code, params string[] fragments)
    {
        Assert.False(result.Succeeded, "Expected a refusal, but the operation succeeded.");
        Assert.Equal(code, result.Error.Code);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        }
        return result.Error;
    }
}
