using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>The portal on Kestrel with the workers off (a test runs the monitor itself) and a request budget no test reaches.</summary>
public sealed class RepliesPortal() : KestrelPortal(("FlexMail:Approvals:RunWorkers", "false"), ("FlexMail:Approvals:Replies:RequestBudget", "1000000"));

/// <summary>Reply-monitor tests share the approvals mailbox of their portal: one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ReplyMonitorCollection : ICollectionFixture<RepliesPortal>
{
    public const string Name = "Reply monitor";
}
