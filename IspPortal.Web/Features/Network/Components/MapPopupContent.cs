using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Map;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Web.Features.Customers.Components;
using IspPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace IspPortal.Web.Features.Network.Components;

/// <summary>What the map's script shows in a customer's popup: the lines, localized, and the actions the user may take.</summary>
public static class MapPopupContent
{
    public static object Build(MapPopup popup, bool canOperate, TimeZoneInfo zone, IStringLocalizer<SharedStrings> L)
    {
        var actions = new List<object>();
        if (canOperate)
        {
            if (popup.Status == CustomerStatus.Active)
                actions.Add(new { name = "isolate", label = L["Isolir"].Value });
            if (popup.Status == CustomerStatus.Isolated)
                actions.Add(new { name = "activate", label = L["Aktifkan"].Value });
            if (popup.Connection == ConnectionState.Online)
                actions.Add(new { name = "kick", label = L["Putus sesi"].Value });
        }
        return new
        {
            popup.Code,
            popup.FullName,
            lines = new[]
            {
                new string?[] { L["Paket"].Value, popup.Package },
                [L["Username PPPoE"].Value, popup.PppoeUsername],
                [L["Router"].Value, popup.RouterCode],
                [L["Alamat IP"].Value, popup.Address],
                [L["Koneksi"].Value, popup.Uptime is { } uptime ? L["online {0}", RouterOsDuration.Format(uptime)].Value
                    : popup.LastSeenAt is { } seen ? L["terakhir terlihat {0}", DisplayFormats.InZone(seen, zone)].Value : L[ConnectionDot.LabelOf(popup.Connection)].Value],
            },
            actions,
        };
    }
}
