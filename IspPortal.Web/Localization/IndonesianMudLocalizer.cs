using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IspPortal.Web.Localization;

/// <summary>
/// MudBlazor ships English only; this gives its grid pager, filters and buttons Indonesian words
/// when the user's language is Indonesian. Keys MudBlazor adds later fall back to its English.
/// </summary>
public sealed class IndonesianMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Indonesian = new(StringComparer.Ordinal)
    {
        ["MudDataGridPager_InfoFormat"] = "{0}–{1} dari {2}",
        ["MudDataGridPager_RowsPerPage"] = "Baris per halaman:",
        ["MudDataGridPager_AllItems"] = "Semua",
        ["MudDataGrid_Loading"] = "Memuat…",
        ["MudDataGrid_FilterValue"] = "Nilai filter",
        ["MudDataGrid_ClearFilter"] = "Hapus filter",
        ["MudDataGrid_AddFilter"] = "Tambah filter",
        ["MudDataGrid_Apply"] = "Terapkan",
        ["MudDataGrid_Clear"] = "Bersihkan",
        ["MudDataGrid_Cancel"] = "Batal",
        ["MudDataGrid_Save"] = "Simpan",
        ["MudDataGrid_True"] = "Ya",
        ["MudDataGrid_False"] = "Tidak",
        ["MudDataGrid_Contains"] = "mengandung",
        ["MudDataGrid_NotContains"] = "tidak mengandung",
        ["MudDataGrid_Equals"] = "sama dengan",
        ["MudDataGrid_NotEquals"] = "tidak sama dengan",
        ["MudDataGrid_StartsWith"] = "diawali",
        ["MudDataGrid_EndsWith"] = "diakhiri",
        ["MudDataGrid_IsEmpty"] = "kosong",
        ["MudDataGrid_IsNotEmpty"] = "tidak kosong",
        ["MudDataGrid_ExpandGroup"] = "Buka grup",
        ["MudDataGrid_CollapseGroup"] = "Tutup grup",
        ["MudDataGrid_ExpandAllGroups"] = "Buka semua grup",
        ["MudDataGrid_CollapseAllGroups"] = "Tutup semua grup",
        ["MudDataGrid_HideAll"] = "Sembunyikan semua",
        ["MudDataGrid_ShowAll"] = "Tampilkan semua",
        ["MudPagination_FirstPage"] = "Halaman pertama",
        ["MudPagination_PreviousPage"] = "Halaman sebelumnya",
        ["MudPagination_NextPage"] = "Halaman berikutnya",
        ["MudPagination_LastPage"] = "Halaman terakhir",
        ["MudPagination_CurrentPage"] = "Halaman {0}",
        ["MudPagination_PageIndex"] = "Halaman {0}",
        ["MudAlert_Close"] = "Tutup",
        ["MudChip_Close"] = "Hapus",
        ["MudDialog_Close"] = "Tutup",
        ["MudSnackbar_Close"] = "Tutup",
        ["MudInput_Clear"] = "Bersihkan",
        ["MudInput_Increment"] = "Tambah",
        ["MudInput_Decrement"] = "Kurangi",
        ["MudNavGroup_ToggleExpand"] = "Buka/tutup {0}",
        ["MudSelect_SelectAll"] = "Pilih semua",
        ["MudStepper_Next"] = "Berikutnya",
        ["MudStepper_Previous"] = "Sebelumnya",
        ["MudStepper_Complete"] = "Selesai",
        ["MudStepper_Skip"] = "Lewati",
        ["MudStepper_Reset"] = "Ulangi",
    };

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" && Indonesian.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);
}
