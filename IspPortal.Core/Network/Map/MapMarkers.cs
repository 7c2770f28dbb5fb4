using IspPortal.Core.Customers;

namespace IspPortal.Core.Network.Map;

/// <summary>The customer map's three marker colours: online, offline, and isolated or disabled.</summary>
public enum MapMarkerState : byte
{
    Online = 0,
    Offline = 1,
    /// <summary>Isolated, suspended or a disabled secret: white/grey with an X.</summary>
    Disabled = 2,
    /// <summary>Terminated: no longer on the map.</summary>
    Removed = 3,
}

public static class MapMarkers
{
    public static MapMarkerState StateOf(CustomerStatus status, ConnectionState connection) =>
        status == CustomerStatus.Terminated ? MapMarkerState.Removed
        : status is CustomerStatus.Isolated or CustomerStatus.Suspended || connection == ConnectionState.Disabled ? MapMarkerState.Disabled
        : connection == ConnectionState.Online ? MapMarkerState.Online
        : MapMarkerState.Offline;
}
