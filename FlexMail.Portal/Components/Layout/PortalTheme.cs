using MudBlazor;

namespace FlexMail.Portal.Components.Layout;

/// <summary>The portal's colours and type (system fonts: nothing is fetched from the internet).</summary>
internal static class PortalTheme
{
    public static readonly MudTheme Default = new()
    {
        // Warning text darker than MudBlazor's default orange, to reach 4.5:1 contrast on a light background.
        PaletteLight = new PaletteLight { Primary = "#0b5cad", AppbarBackground = "#0b5cad", Warning = "#9a5300", WarningDarken = "#7a4200" },
        PaletteDark = new PaletteDark { Primary = "#6aa8f0" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
