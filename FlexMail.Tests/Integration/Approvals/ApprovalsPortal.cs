using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>The portal on Kestrel with the approval workers off, so that a test runs the outbox and webhook passes itself.</summary>
public sealed class ApprovalsPortal() : KestrelPortal(("FlexMail:Approvals:RunWorkers", "false"));
