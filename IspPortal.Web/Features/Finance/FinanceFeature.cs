using IspPortal.Web.Features.Finance.Endpoints;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;

namespace IspPortal.Web.Features.Finance;

/// <summary>The books: ledger, expenses and income, assets, budgets and period close (<c>/finance/...</c>).</summary>
public sealed class FinanceFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation => [];

    public void MapApi(RouteGroupBuilder api) => api.MapExpenseEndpoints();
}
