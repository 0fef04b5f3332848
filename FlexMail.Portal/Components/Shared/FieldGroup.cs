using FlexMail.Domain.Validation;
using Microsoft.AspNetCore.Components;

namespace FlexMail.Portal.Components.Shared;

/// <summary>
/// A group of form fields editing one draft: the parent validates on every change and passes the report back.
/// </summary>
public abstract class FieldGroup<TDraft> : PortalComponentBase
{
    [Parameter, EditorRequired] public required TDraft Draft { get; set; }

    [Parameter, EditorRequired] public required ValidationReport Report { get; set; }

    /// <summary>False until the admin has edited the group or tried to move on: no red fields on a blank form.</summary>
    [Parameter] public bool ShowErrors { get; set; } = true;

    [Parameter] public EventCallback OnChanged { get; set; }

    protected Task ChangeAsync(Action apply)
    {
        apply();
        return OnChanged.InvokeAsync();
    }

    protected string? WarningOr(string field, string help) =>
        Report.WarningFor(field) is { } warning ? "Warning: " + warning : help;
}
