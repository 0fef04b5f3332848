using Microsoft.AspNetCore.Components;

namespace FlexMail.Portal.Components.Shared;

/// <summary>
/// The base of the portal's feature components: <see cref="Aborted"/> is cancelled when the component goes away (the
/// user navigates on, the circuit ends), so work it started — a database query, a Graph call, a poll — stops with it.
/// Pass it to every call instead of <see cref="Aborted"/>. A task cancelled this way ends quietly: Blazor
/// ignores cancelled lifecycle and event-handler tasks.
/// </summary>
public abstract class PortalComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    /// <summary>Cancelled when the component is disposed.</summary>
    protected CancellationToken Aborted { get; }

    protected PortalComponentBase() => Aborted = _aborted.Token;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived component holds; call the base to cancel <see cref="Aborted"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_aborted.IsCancellationRequested)
        {
            // Cancelled, not disposed: a continuation still running may read the token.
            _aborted.Cancel();
        }
    }
}
