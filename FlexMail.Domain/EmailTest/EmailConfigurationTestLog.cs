using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.EmailTest;

/// <summary>The test's log lines: steps and verdicts, never tokens or mail bodies.</summary>
internal static partial class EmailConfigurationTestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Email configuration test step {Step}: {Verdict} in {ElapsedMilliseconds} ms (code {Code})")]
    public static partial void StepDone(ILogger logger, TestStep step, TestVerdict verdict, long elapsedMilliseconds, string? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email configuration test of {SmtpUser} finished: {Verdict}")]
    public static partial void Finished(ILogger logger, string smtpUser, TestVerdict verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email configuration test could not run: {Cause}")]
    public static partial void CannotRun(ILogger logger, string cause);
}
