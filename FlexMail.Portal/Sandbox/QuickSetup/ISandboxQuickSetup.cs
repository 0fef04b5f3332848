using FlexMail.Domain.Audit;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>What a quick setup is asked to do.</summary>
/// <param name="Mode">Delegated or Application (never <see cref="QuickSetupMode.None"/>).</param>
/// <param name="PortalAddress">
/// The address the portal is used at: the Server Base URL and so the redirect URI. An http address is replaced by the
/// portal's https one (the sandbox's address), which Entra ID and the sandbox require.
/// </param>
/// <param name="Actor">Who asked: named in the audit log, the authorization and the stored test run.</param>
/// <param name="ReplaceRealSetup">True once the admin confirmed replacing a real setup; false never touches one.</param>
public sealed record QuickSetupRequest(QuickSetupMode Mode, Uri PortalAddress, Actor Actor, bool ReplaceRealSetup = false);

/// <summary>
/// "Try with the sandbox": the whole setup a newcomer does by hand against the sandbox tenant, through the same services,
/// step by step.
/// </summary>
public interface ISandboxQuickSetup
{
    /// <summary>The real (non-sandbox) setup a run would replace, or null when there is none.</summary>
    Task<RealSetup?> FindRealSetupAsync(CancellationToken cancellationToken);

    /// <summary>Runs every step, reporting each to <paramref name="progress"/> as it finishes; after a failure the rest are skipped.</summary>
    Task<QuickSetupReport> RunAsync(QuickSetupRequest request, IProgress<QuickSetupStepResult>? progress, CancellationToken cancellationToken);
}
