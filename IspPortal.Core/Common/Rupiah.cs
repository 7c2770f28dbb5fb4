using System.Globalization;

namespace IspPortal.Core.Common;

/// <summary>Indonesian display formats: <c>Rp 150.000</c> and <c>01/02/2025</c>.</summary>
public static class Rupiah
{
    public static readonly CultureInfo Indonesia = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(decimal amount)
    {
        var sign = amount < 0 ? "-" : "";
        var whole = decimal.Round(Math.Abs(amount), 0, MidpointRounding.AwayFromZero) == Math.Abs(amount);
        var digits = Math.Abs(amount).ToString(whole ? "#,0" : "#,0.00", Indonesia);
        return $"{sign}Rp {digits}";
    }
}

public static class DisplayFormats
{
    public const string Date = "dd/MM/yyyy";
    public const string DateTime = "dd/MM/yyyy HH:mm";

    /// <summary>A stored (UTC) moment as the ISP's people read it: <c>24/11/2026 17:00</c> in their zone.</summary>
    public static string InZone(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(DateTime, CultureInfo.InvariantCulture);
}
