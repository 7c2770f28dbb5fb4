using IspPortal.Core.Finance;
using MudBlazor;

namespace IspPortal.Web.Features.Finance.Components;

/// <summary>Indonesian names of the expense statuses (keys of the localizer) and their colours.</summary>
public static class ExpenseLabels
{
    public static string Status(ExpenseStatus status) => status switch
    {
        ExpenseStatus.Submitted => "Menunggu persetujuan",
        ExpenseStatus.Approved => "Disetujui",
        _ => "Ditolak",
    };

    public static Color Color(ExpenseStatus status) => status switch
    {
        ExpenseStatus.Submitted => MudBlazor.Color.Warning,
        ExpenseStatus.Approved => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Error,
    };
}
