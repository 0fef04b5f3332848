using MudBlazor;

namespace FlexMail.Portal.Components.Layout;

/// <summary>The portal's colours and type (system fonts: nothing is fetched from the internet).</summary>
internal static class PortalTheme
{
    public static readonly MudTheme Default = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0b5cad", AppbarBackground = "#0b5cad" },
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
