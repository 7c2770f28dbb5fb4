using IspPortal.Core.Identity;

namespace IspPortal.Web.Features.Identity.Components;

/// <summary>The permissions grouped by area (the part before the dot), for choosing an API key's permissions.</summary>
public static class PermissionGroups
{
    private static readonly Dictionary<string, string> AreaLabels = new()
    {
        ["dashboard"] = "Dashboard",
        ["customers"] = "Pelanggan",
        ["installations"] = "Instalasi",
        ["billing"] = "Tagihan",
        ["tickets"] = "Tiket",
        ["network"] = "Jaringan",
        ["finance"] = "Keuangan",
        ["expenses"] = "Pengeluaran",
        ["reports"] = "Laporan",
        ["referencedata"] = "Data master",
        ["settings"] = "Pengaturan",
        ["users"] = "Pengguna",
        ["audit"] = "Log audit",
        ["apikeys"] = "Kunci API",
        ["notifications"] = "Notifikasi",
    };

    public static IReadOnlyList<(string Area, IReadOnlyList<string> Permissions)> All { get; } =
        [.. Permissions.GrantedTo.Keys
            .GroupBy(p => p.Split('.')[0])
            .Select(g => (AreaLabels.GetValueOrDefault(g.Key, g.Key), (IReadOnlyList<string>)[.. g]))];
}
