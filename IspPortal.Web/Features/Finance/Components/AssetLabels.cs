using IspPortal.Core.Finance;

namespace IspPortal.Web.Features.Finance.Components;

/// <summary>Indonesian names of the asset enums (keys of the localizer).</summary>
public static class AssetLabels
{
    public static string Method(DepreciationMethod method) => method == DepreciationMethod.StraightLine ? "Garis lurus" : "Saldo menurun";

    public static string Status(AssetStatus status) => status switch
    {
        AssetStatus.InUse => "Dipakai",
        AssetStatus.InStorage => "Di gudang",
        AssetStatus.UnderRepair => "Diperbaiki",
        _ => "Dilepas",
    };

    public static string Disposal(DisposalKind kind) => kind == DisposalKind.Sold ? "Dijual" : "Dihapus (scrap)";
}
