using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlexMail.Portal.Live;

/// <summary>
/// Says when this circuit's connection came back after a drop, so that a live view re-queries what it missed (changes
/// published while the browser was away reached the circuit's handlers, but could not be rendered to it, and a view that
/// was away from the notifier altogether must catch up). One per circuit.
/// </summary>
public sealed class LiveCircuitConnection : CircuitHandler
{
    private bool _wasDown;

    public event Func<Task>? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
        {
            return;
        }
        _wasDown = false;
        if (Reconnected is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
