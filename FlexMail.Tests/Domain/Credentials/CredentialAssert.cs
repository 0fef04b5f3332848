using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

internal static class CredentialAssert
{
    /// <summary>The result is the given refusal, and its message says each of the fragments (case-insensitive).</summary>
    public static CredentialError Refused<T>(Result<T> result, CredentialErrorCode code, params string[] fragments)
    {
        Assert.False(result.Succeeded, "Expected a refusal, but the operation succeeded.");
        var error = Assert.IsType<CredentialError>(result.Problem);
        Assert.Equal(code, error.Reason);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Cause, StringComparison.OrdinalIgnoreCase);
        }
        return error;
    }
}
