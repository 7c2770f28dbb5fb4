using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Network;

public sealed record NetworkSettings : ISettingsGroup<NetworkSettings>
{
    public static string Key => "network";

    /// <summary>Minutes between two syncs of every router (5 by default: fresh enough for the map and the NOC wallboard).</summary>
    public int SyncIntervalMinutes { get; init; } = 5;

    /// <summary>Routers read at the same time; more is faster but loads the database and the uplink.</summary>
    public int SyncParallelism { get; init; } = 8;

    /// <summary>A mass-outage alert when online sessions on a router drop by at least this share between two syncs…</summary>
    public int MassOutageDropPercent { get; init; } = 30;

    /// <summary>…and the router had at least this many online before (a small router losing 2 of 4 is not an outage).</summary>
    public int MassOutageMinSessions { get; init; } = 20;

    public const string OpenStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Map tiles for the customer map and the registration pin (a Leaflet URL template).</summary>
    public string MapTileUrl { get; init; } = OpenStreetMapTiles;

    public FieldErrors Validate() => new FieldErrors()
        .When(SyncIntervalMinutes is < 1 or > 60, nameof(SyncIntervalMinutes), "Interval sinkronisasi harus 1–60 menit.")
        .When(SyncParallelism is < 1 or > 32, nameof(SyncParallelism), "Router paralel harus 1–32.")
        .When(MassOutageDropPercent is < 5 or > 100, nameof(MassOutageDropPercent), "Ambang gangguan massal harus 5–100%.")
        .When(MassOutageMinSessions is < 1 or > 100_000, nameof(MassOutageMinSessions), "Minimal sesi untuk gangguan massal harus 1–100.000.")
        .When(!IsTileTemplate(MapTileUrl), nameof(MapTileUrl), "URL tile peta harus http(s) dan memuat {z}, {x} dan {y}, contoh " + OpenStreetMapTiles + ".");

    private static bool IsTileTemplate(string? url) =>
        url is { Length: <= 500 } && Uri.TryCreate(url.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http" && url.Contains("{z}", StringComparison.Ordinal) && url.Contains("{x}", StringComparison.Ordinal) && url.Contains("{y}", StringComparison.Ordinal);
}
