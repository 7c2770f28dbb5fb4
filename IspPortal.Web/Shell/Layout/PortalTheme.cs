using MudBlazor;

namespace IspPortal.Web.Shell.Layout;

/// <summary>The portal's palette: primary blue, success green, danger red; slate for secondary text.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b82f6",
            Secondary = "#64748b",
            Success = "#10b981",
            Error = "#ef4444",
            AppbarBackground = "#1e3a8a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#60a5fa",
            Secondary = "#94a3b8",
            Success = "#34d399",
            Error = "#f87171",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
