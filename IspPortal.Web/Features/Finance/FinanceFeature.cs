using IspPortal.Core.Identity;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using MudBlazor;

namespace IspPortal.Web.Features.Finance;

/// <summary>The books: ledger, expenses and income, assets, budgets and period close (<c>/finance/...</c>).</summary>
public sealed class FinanceFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Finance, "Aset tetap", "/finance/assets", Icons.Material.Filled.Inventory2, Permissions.FinanceRead, 40),
    ];
}
