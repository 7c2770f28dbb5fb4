using IspPortal.Core.Finance.Ledger;
using Bunit;
using IspPortal.Core.Reports.Statements;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;

namespace IspPortal.Tests.Reports;

/// <summary>The statement tables render what the use cases computed, each account linked to its ledger.</summary>
public sealed class StatementComponentTests : PortalComponentTest
{
    private static readonly DateOnly From = new(2025, 3, 1);
    private static readonly DateOnly To = new(2025, 3, 31);

    [Fact]
    public void Profit_and_loss_shows_each_section_its_total_gross_and_net_profit_and_links_accounts_to_the_ledger()
    {
        var revenue = new PnlFigures(10_000_000m, 0m, 400_000m, 12_000_000m);
        var expense = new PnlFigures(3_000_000m, 2_000_000m, 0m, 2_500_000m);
        var view = new ProfitAndLossView(From, To, new DayRange(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), new DayRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)),
        [
            new("operatingRevenue", "Pendapatan usaha", [new("4-1100", "Pendapatan langganan", revenue, StatementRange.Ledger("4-1100", From, To))], revenue),
            new("operatingExpense", "Beban usaha", [new("5-1100", "Beban bandwidth", expense, StatementRange.Ledger("5-1100", From, To))], expense),
            new("otherRevenue", "Pendapatan lain-lain", [], PnlFigures.Zero),
            new("otherExpense", "Beban lain-lain", [], PnlFigures.Zero),
        ], revenue.Minus(expense), revenue.Minus(expense), LedgerSegment.None, null, HasBudget: true);

        var table = Render<ProfitLossTable>(p => p.Add(t => t.View, view));

        Assert.Equal(2, table.FindAll("[data-testid=pnl-line]").Count);
        Assert.Equal("/finance/ledger/5-1100?from=2025-03-01&to=2025-03-31", table.FindAll("[data-testid=pnl-line] a")[1].GetAttribute("href"));
        var net = table.Find("[data-testid=pnl-net]").TextContent;
        Assert.Contains("Rp 7.000.000", net, StringComparison.Ordinal);
        Assert.Contains("-Rp 2.000.000", table.Find("[data-testid=pnl-gross]").TextContent.Replace("−", "-", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Rp 9.500.000", net, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_sheet_shows_the_profit_line_and_equal_totals()
    {
        var view = new BalanceSheetView(To,
        [
            new("currentAssets", "Aset lancar", [new("1-1100", "Kas", 1_500_000m, StatementRange.Ledger("1-1100", new DateOnly(2025, 1, 1), To))]),
            new("nonCurrentAssets", "Aset tidak lancar", []),
            new("currentLiabilities", "Liabilitas jangka pendek", []),
            new("longTermLiabilities", "Liabilitas jangka panjang", []),
            new("equity", "Ekuitas", [new("3-1100", "Modal disetor", 1_000_000m, "/finance/ledger/3-1100"), new(null, "Laba tahun berjalan", 500_000m, "/reports/profit-loss?from=2025-01-01&to=2025-03-31")]),
        ], 500_000m, 0m);

        var table = Render<BalanceSheetTable>(p => p.Add(t => t.View, view));

        Assert.Equal(3, table.FindAll("[data-testid=balance-line]").Count);
        Assert.Contains("Laba tahun berjalan", table.Markup, StringComparison.Ordinal);
        Assert.Contains("Rp 1.500.000", table.Find("[data-testid=balance-assets]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 1.500.000", table.Find("[data-testid=balance-liabilities-equity]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Cash_flow_shows_opening_change_closing_and_the_reconciliation()
    {
        var view = new CashFlowView(From, To, 1_000_000m, 1_250_000m,
        [
            new("operating", "Arus kas dari aktivitas operasi", [new("2-1300", "Titipan pelanggan", 300_000m, StatementRange.Ledger("2-1300", From, To))]),
            new("investing", "Arus kas dari aktivitas investasi", []),
            new("financing", "Arus kas dari aktivitas pendanaan", [new("3-3100", "Prive", -50_000m, StatementRange.Ledger("3-3100", From, To))]),
        ], Reconciliation, [new("1-1100", "Kas", 1_250_000m, null)]);

        var table = Render<CashFlowTable>(p => p.Add(t => t.View, view));

        Assert.Contains("Rp 250.000", table.Find("[data-testid=cash-net]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 1.250.000", table.Find("[data-testid=cash-closing]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 300.000", table.Find("[data-testid=cash-operating-indirect]").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, table.FindAll("[data-testid=cash-line]").Count);
    }

    // 200,000 profit + 50,000 depreciation + 50,000 less receivable = 300,000, the direct operating figure.
    private static readonly CashReconciliation Reconciliation = new(200_000m, 50_000m, 0m, 0m, [new("1-1300", "Piutang usaha", 50_000m, null)]);
}
