using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Investments;
using MudBlazor;

namespace IspPortal.Web.Features.Finance.Components;

/// <summary>How investment figures read on screen: status names (localizer keys), ROI and payback.</summary>
public static class InvestmentLabels
{
    public static string Status(InvestmentStatus status) => ManageInvestments.StatusName(status);

    public static Color StatusColor(InvestmentStatus status) => status switch
    {
        InvestmentStatus.Planned => Color.Info,
        InvestmentStatus.Active => Color.Success,
        InvestmentStatus.Completed => Color.Primary,
        _ => Color.Default,
    };

    /// <summary>"12,50 %", or "—" while nothing is invested.</summary>
    public static string Roi(decimal? percent) => percent is { } value ? value.ToString("N2", Rupiah.Indonesia) + " %" : "—";

    public static string Payback(int? months) => months?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
