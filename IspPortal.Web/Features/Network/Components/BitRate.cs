using System.Globalization;

namespace IspPortal.Web.Features.Network.Components;

public static class BitRate
{
    /// <summary>1,234,567 → "1,2 Mbps" (Indonesian decimal comma).</summary>
    public static string Format(double? bitsPerSecond) => bitsPerSecond switch
    {
        null => "—",
        >= 1e9 => (bitsPerSecond.Value / 1e9).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + " Gbps",
        >= 1e6 => (bitsPerSecond.Value / 1e6).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) + " Mbps",
        _ => (bitsPerSecond.Value / 1e3).ToString("0", CultureInfo.GetCultureInfo("id-ID")) + " kbps",
    };
}
