using FlexMail.Domain.Mail;

namespace FlexMail.Tests.Support;

/// <summary>The mail gateway's failures are <see cref="MailFailure"/>s: read one off a result, failing the test otherwise.</summary>
internal static class MailResults
{
    public static MailFailure MailFailure<T>(this Result<T> result) => Assert.IsType<MailFailure>(result.Problem);

    public static MailFailure MailFailure(this Result result) => Assert.IsType<MailFailure>(result.Problem);
}
