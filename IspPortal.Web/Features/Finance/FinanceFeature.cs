using IspPortal.Core.Identity;
using IspPortal.Web.Features.Finance.Components;
using IspPortal.Web.Features.Finance.Endpoints;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Shell;
using IspPortal.Web.Shell.Layout;
using IspPortal.Web.Shell.Settings;
using MudBlazor;

namespace IspPortal.Web.Features.Finance;

/// <summary>The books: ledger, expenses and income, assets, budgets and period close (<c>/finance/...</c>).</summary>
public sealed class FinanceFeature : IPortalFeature
{
    public IReadOnlyList<NavItem> Navigation =>
    [
        new(NavSections.Finance, "Pengeluaran", "/finance/expenses", Icons.Material.Filled.ReceiptLong, PermissionPolicies.ExpensesPage, 10),
        new(NavSections.Finance, "Pemasukan lain", "/finance/income", Icons.Material.Filled.Savings, Permissions.FinanceRead, 20),
        new(NavSections.Finance, "Aset tetap", "/finance/assets", Icons.Material.Filled.Inventory2, Permissions.FinanceRead, 40),
        new(NavSections.Finance, "Modal", "/finance/capital", Icons.Material.Filled.AccountBalanceWallet, Permissions.FinanceRead, 45),
        new(NavSections.Finance, "Investasi", "/finance/investments", Icons.Material.Filled.TrendingUp, Permissions.FinanceRead, 47),
        new(NavSections.Finance, "Anggaran", "/finance/budgets", Icons.Material.Filled.PieChart, Permissions.FinanceRead, 50),
        new(NavSections.Finance, "Jurnal", "/finance/journal", Icons.Material.Filled.MenuBook, Permissions.FinanceRead, 60),
        new(NavSections.Finance, "Buku besar", "/finance/ledger", Icons.Material.Filled.AccountBalance, Permissions.FinanceRead, 70),
        new(NavSections.Finance, "Neraca saldo", "/finance/trial-balance", Icons.Material.Filled.Balance, Permissions.FinanceRead, 80),
        new(NavSections.Finance, "Bagan akun", "/finance/accounts", Icons.Material.Filled.AccountTree, Permissions.FinanceRead, 90),
        new(NavSections.Finance, "Jurnal manual", "/finance/manual-journals", Icons.Material.Filled.EditNote, Permissions.FinanceRead, 100),
        new(NavSections.Finance, "Tutup buku", "/finance/periods", Icons.Material.Filled.Lock, Permissions.FinanceRead, 110),
    ];

    public IReadOnlyList<SettingsTab> SettingsTabs =>
    [
        new("Keuangan", Icons.Material.Filled.AccountBalance, 35, [typeof(FinanceSettingsForm)]),
    ];

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapLedgerEndpoints();
        api.MapExpenseEndpoints();
        api.MapCapitalEndpoints();
        api.MapInvestmentEndpoints();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapExpenseReceipts();
}
