using IspPortal.Core.Settings;

namespace IspPortal.Core.Common;

public sealed record RegionalSettings : ISettingsGroup<RegionalSettings>
{
    public static string Key => "regional";

    /// <summary>WIB, WITA and WIT: the zones an Indonesian ISP works in.</summary>
    public static readonly IReadOnlyDictionary<string, string> IndonesianTimeZones = new Dictionary<string, string>
    {
        ["Asia/Jakarta"] = "WIB (Asia/Jakarta, UTC+7)",
        ["Asia/Makassar"] = "WITA (Asia/Makassar, UTC+8)",
        ["Asia/Jayapura"] = "WIT (Asia/Jayapura, UTC+9)",
    };

    public string TimeZone { get; init; } = "Asia/Jakarta";

    public string DefaultCulture { get; init; } = Identity.PortalCultures.Indonesian;

    public FieldErrors Validate() => new FieldErrors()
        .When(!IndonesianTimeZones.ContainsKey(TimeZone), nameof(TimeZone), "Zona waktu harus WIB, WITA atau WIT.")
        .When(!Identity.PortalCultures.All.Contains(DefaultCulture), nameof(DefaultCulture), "Bahasa harus id atau en.");
}
