using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FlexMail.Tests.Support;

/// <summary>
/// The shared bUnit setup: MudBlazor services, loose JS interop and the popover provider rendered.
/// Composed rather than inherited (MudBlazor's services are async-disposable only; xunit v2 disposes synchronously).
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    static ComponentTest()
    {
        // The upper bound of every WaitFor... (a condition wait, not a delay): generous, because a loaded
        // two-core CI machine can take more than bUnit's default second to finish a database round trip.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected ComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddScoped<CurrentActor>();
        SignedIn = Context.AddAuthorization();
        SignedIn.SetAuthorized(TestActors.Admin.Name)
            .SetRoles(PortalRoles.Admin)
            .SetPolicies(PortalPolicies.Admin, PortalPolicies.Support)
            .SetClaims(new Claim("name", TestActors.Admin.Name), new Claim("oid", TestActors.Admin.ObjectId!));
    }

    /// <summary>Who the components see signed in: an Admin (Megan Bowen) unless a test says otherwise.</summary>
    protected BunitAuthorizationContext SignedIn { get; }

    private bool _popoverProviderRendered;

    protected BunitContext Context { get; } = new();

    /// <summary>True for components that render MudBlazor's providers themselves (the layout).</summary>
    protected virtual bool RendersOwnProviders => false;

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        // As in the portal: interactive server rendering (set at first render, once services are complete).
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        if (!RendersOwnProviders && !_popoverProviderRendered)
        {
            Context.Render<MudPopoverProvider>();
            _popoverProviderRendered = true;
        }
        return parameters is null ? Context.Render<TComponent>() : Context.Render(parameters);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
