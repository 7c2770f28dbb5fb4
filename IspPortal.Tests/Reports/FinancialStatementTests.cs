using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Statements;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary>Laba rugi, neraca and arus kas over real PostgreSQL against the hand-worked books of <see cref="StatementBooksFixture"/>.</summary>
public sealed class FinancialStatementTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 10 January 2026, 15:00 in Jakarta: all of 2025 has ended and may be closed.
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March31 = new(2025, 3, 31);
    private FinanceTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await FinanceTestData.StartAsync(database, Now);
        await StatementBooksFixture.PostAsync(_data.Services, database.CreateDbContext);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Task<T> Use<T>(Func<IServiceProvider, Task<T>> use) => _data.UseAsync(use);

    private Task<ProfitAndLossView> PnlAsync(DateOnly from, DateOnly to) =>
        Use(async sp => Succeeded(await FinanceTestData.Get<ProfitAndLoss>(sp).ForAsync(from, to)));

    private Task<BalanceSheetView> BalanceAsync(DateOnly date) =>
        Use(async sp => Succeeded(await FinanceTestData.Get<BalanceSheet>(sp).AtAsync(date)));

    private Task<CashFlowView> CashAsync(DateOnly from, DateOnly to) =>
        Use(async sp => Succeeded(await FinanceTestData.Get<CashFlow>(sp).ForAsync(from, to)));

    private static T Succeeded<T>(Core.Common.Outcome<T> outcome)
    {
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private static (decimal, decimal, decimal, decimal) Row(PnlFigures f) => (f.Amount, f.Previous, f.LastYear, f.Budget);

    [Fact]
    public async Task March_profit_and_loss_by_section_with_february_last_march_and_the_budget()
    {
        var pnl = await PnlAsync(March1, March31);

        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)), (pnl.PreviousRange.From, pnl.PreviousRange.To));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)), (pnl.LastYearRange.From, pnl.LastYearRange.To));
        var sections = pnl.Sections.ToDictionary(s => s.Key);
        Assert.Equal([("4-1100", (10_000_000m, 0m, 400_000m, 12_000_000m))],
            sections["operatingRevenue"].Lines.Select(l => (l.Code, Row(l.Figures))));
        Assert.Equal(
        [
            ("5-1100", (3_000_000m, 0m, 0m, 2_500_000m)),
            ("5-1300", (0m, 2_000_000m, 0m, 0m)),
            ("5-1600", (1_000_000m, 0m, 0m, 0m)),
            ("5-1700", (70_000m, 0m, 0m, 0m)),
        ], sections["operatingExpense"].Lines.Select(l => (l.Code, Row(l.Figures))));
        Assert.Equal((4_070_000m, 2_000_000m, 0m, 2_500_000m), Row(sections["operatingExpense"].Total));
        Assert.Equal([("4-9400", (50_000m, 0m, 0m, 0m))], sections["otherRevenue"].Lines.Select(l => (l.Code, Row(l.Figures))));
        Assert.Equal([("5-9200", (10_000m, 0m, 0m, 0m))], sections["otherExpense"].Lines.Select(l => (l.Code, Row(l.Figures))));
        Assert.Equal((5_930_000m, -2_000_000m, 400_000m, 9_500_000m), Row(pnl.GrossProfit));
        Assert.Equal((5_970_000m, -2_000_000m, 400_000m, 9_500_000m), Row(pnl.NetProfit));
        Assert.Equal("/finance/ledger/5-1100?from=2025-03-01&to=2025-03-31", sections["operatingExpense"].Lines[0].Ledger);
    }

    [Fact]
    public async Task A_range_across_two_months_takes_each_month_budget_by_its_share_of_days_and_compares_with_as_many_days_before()
    {
        var pnl = await PnlAsync(new DateOnly(2025, 3, 16), new DateOnly(2025, 4, 15));

        // March: 2,500,000 × 16/31 = 1,290,322.58 → 1,290,323; April: 3,000,000 × 15/30 = 1,500,000.
        var bandwidth = pnl.Sections.Single(s => s.Key == "operatingExpense").Lines.Single(l => l.Code == "5-1100");
        Assert.Equal((0m, 3_000_000m, 2_790_323m), (bandwidth.Figures.Amount, bandwidth.Figures.Previous, bandwidth.Figures.Budget));
        Assert.Equal((new DateOnly(2025, 2, 13), new DateOnly(2025, 3, 15)), (pnl.PreviousRange.From, pnl.PreviousRange.To));
        Assert.Equal((new DateOnly(2024, 3, 16), new DateOnly(2024, 4, 15)), (pnl.LastYearRange.From, pnl.LastYearRange.To));
        Assert.Equal(50_000m - 1_000_000m - 10_000m, pnl.NetProfit.Amount);
    }

    [Theory]
    [InlineData("2025-04-01", "2025-06-30", "2025-01-01", "2025-03-31", "2024-04-01", "2024-06-30")]
    [InlineData("2025-02-01", "2025-02-28", "2025-01-01", "2025-01-31", "2024-02-01", "2024-02-29")]
    [InlineData("2024-02-01", "2024-02-29", "2024-01-01", "2024-01-31", "2023-02-01", "2023-02-28")]
    [InlineData("2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31", "2024-01-01", "2024-12-31")]
    [InlineData("2025-03-10", "2025-03-19", "2025-02-28", "2025-03-09", "2024-03-10", "2024-03-19")]
    public void Comparison_ranges_keep_whole_months_whole_and_other_ranges_by_days(string from, string to, string previousFrom, string previousTo, string yearFrom, string yearTo)
    {
        var range = new DayRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((previousFrom, previousTo), Text(range.Previous()));
        Assert.Equal((yearFrom, yearTo), Text(range.YearBefore()));

        static (string, string) Text(DayRange r) => (r.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_closed_year_still_shows_its_profit_and_the_balance_sheet_moves_it_into_retained_earnings()
    {
        var finance = await _data.UserAsync("keuangan", Roles.Finance);
        _data.ActAs(finance);
        foreach (var month in new[] { new DateOnly(2024, 3, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), March1, new DateOnly(2025, 12, 1) })
        {
            var closed = await Use(sp => FinanceTestData.Get<ClosePeriod>(sp).ExecuteAsync(month));
            Assert.True(closed.Succeeded, closed.FirstError);
        }
        var yearClose = await _data.BalanceAsync(new DateOnly(2025, 12, 31), l => l.Entry!.SourceType == JournalSource.YearClose && l.Account!.Role == AccountRoles.RetainedEarnings);

        var year = await PnlAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var december = await BalanceAsync(new DateOnly(2025, 12, 31));
        var march = await BalanceAsync(March31);

        Assert.Equal(3_970_000m, -yearClose); // the close did move the year's profit: 10,050,000 earned less 6,080,000 spent
        Assert.Equal((3_930_000m, 3_970_000m, 400_000m), (year.GrossProfit.Amount, year.NetProfit.Amount, year.NetProfit.LastYear));
        var equity = december.Sections.Single(s => s.Key == "equity").Lines.ToDictionary(l => l.Name, l => l.Amount);
        Assert.Equal(3_970_000m, equity["Laba ditahan"]);
        Assert.Equal((0m, 400_000m), (december.CurrentYearProfit, december.EarlierProfit)); // 2024's December was never closed
        Assert.Equal((3_970_000m, 400_000m), (march.CurrentYearProfit, march.EarlierProfit));
        Assert.True(december.Balanced && march.Balanced);
    }

    [Fact]
    public async Task Balance_sheet_balances_by_hand_and_ties_to_the_trial_balance()
    {
        var sheet = await BalanceAsync(March31);
        var trial = await Use(async sp => Succeeded(await FinanceTestData.Get<TrialBalance>(sp).AtAsync(March31)));

        var sections = sheet.Sections.ToDictionary(s => s.Key);
        Assert.Equal([("1-1201", 69_470_000m), ("1-1202", 400_000m), ("1-1300", 1_100_000m)], sections["currentAssets"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal([("1-2200", 36_000_000m), ("1-2201", -1_000_000m)], sections["nonCurrentAssets"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal([("2-1100", 1_000_000m), ("2-1200", 1_100_000m)], sections["currentLiabilities"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Empty(sections["longTermLiabilities"].Lines);
        Assert.Equal(
            [("3-1100", 100_000_000m), ("3-3100", -500_000m), (null, 400_000m), (null, 3_970_000m)],
            sections["equity"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal(["Laba tahun lalu belum ditutup", "Laba tahun berjalan"], sections["equity"].Lines.Where(l => l.Code is null).Select(l => l.Name));
        Assert.Equal((105_970_000m, 2_100_000m, 103_870_000m, true), (sheet.Assets, sheet.Liabilities, sheet.Equity, sheet.Balanced));

        var trialNet = trial.Accounts.ToDictionary(a => a.Code, a => a.Debit - a.Credit);
        foreach (var line in sheet.Sections.SelectMany(s => s.Lines).Where(l => l.Code is not null))
            Assert.Equal(Math.Abs(trialNet[line.Code!]), Math.Abs(line.Amount));
        var profitAndLoss = trial.Accounts.Where(a => a.Type is AccountType.Revenue or AccountType.Expense).Sum(a => a.Credit - a.Debit);
        Assert.Equal(profitAndLoss, sheet.CurrentYearProfit + sheet.EarlierProfit);
        Assert.Equal(trial.Accounts.Where(a => a.Type == AccountType.Asset).Sum(a => a.Debit - a.Credit), sheet.Assets);
    }

    [Fact]
    public async Task Balance_sheet_balances_at_every_month_end_and_before_any_entry()
    {
        for (var month = new DateOnly(2024, 1, 1); month <= new DateOnly(2025, 6, 1); month = month.AddMonths(1))
        {
            var sheet = await BalanceAsync(month.AddMonths(1).AddDays(-1));
            Assert.True(sheet.Balanced, $"{sheet.Date}: {sheet.Assets} ≠ {sheet.Liabilities} + {sheet.Equity}");
        }
    }

    [Fact]
    public async Task March_cash_flow_direct_by_the_other_side_and_the_indirect_reconciliation_agree()
    {
        var flow = await CashAsync(March1, March31);

        var sections = flow.Sections.ToDictionary(s => s.Key);
        Assert.Equal(
            [("2-1100", -2_000_000m), ("2-1300", 10_000_000m), ("4-9400", 50_000m), ("5-1700", -70_000m), ("5-9200", -10_000m)],
            sections["operating"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Empty(sections["investing"].Lines);
        Assert.Equal([("3-3100", -500_000m)], sections["financing"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal((62_400_000m, 7_470_000m, 69_870_000m), (flow.Opening, flow.NetChange, flow.Closing));

        var indirect = flow.Reconciliation;
        Assert.Equal((5_970_000m, 1_000_000m, 0m, 0m), (indirect.NetProfit, indirect.Depreciation, indirect.DisposalResults, indirect.OtherNonCash));
        Assert.Equal([("1-1300", -1_100_000m), ("2-1100", 1_000_000m), ("2-1200", 1_100_000m)], indirect.WorkingCapital.Select(l => (l.Code, l.Amount)));
        Assert.Equal(7_970_000m, sections["operating"].Total);
        Assert.Equal(sections["operating"].Total, indirect.Operating);
        Assert.Equal([("1-1201", 69_470_000m), ("1-1202", 400_000m)], flow.Accounts.Select(a => (a.Code, a.Amount)));
    }

    [Fact]
    public async Task Cash_flow_over_the_year_ties_opening_plus_change_to_closing_and_to_the_trial_balance()
    {
        var flow = await CashAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var trial = await Use(async sp => Succeeded(await FinanceTestData.Get<TrialBalance>(sp).AtAsync(new DateOnly(2025, 12, 31))));

        var sections = flow.Sections.ToDictionary(s => s.Key);
        Assert.Equal([("1-2200", -36_000_000m)], sections["investing"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal([("3-1100", 100_000_000m), ("3-3100", -500_000m)], sections["financing"].Lines.Select(l => (l.Code, l.Amount)));
        Assert.Equal(400_000m, flow.Opening);
        Assert.Equal(flow.Closing, flow.Opening + flow.NetChange);
        Assert.Equal(sections["operating"].Total, flow.Reconciliation.Operating);
        Assert.Equal(trial.Accounts.Where(a => a.Code is "1-1100" or "1-1201" or "1-1202" or "1-1400").Sum(a => a.Debit - a.Credit), flow.Closing);
    }

    [Fact]
    public async Task An_asset_bought_on_credit_moves_no_cash_and_the_reconciliation_names_it_a_non_cash_item()
    {
        await _data.PostAsync(new DateOnly(2025, 4, 8), "1-2600", "2-1100", 5_000_000m);

        var flow = await CashAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30));

        Assert.All(flow.Sections, s => Assert.Empty(s.Lines));
        Assert.Equal((0m, -5_000_000m, 0m), (flow.Reconciliation.NetProfit, flow.Reconciliation.OtherNonCash, flow.Reconciliation.Operating));
        Assert.Equal([("2-1100", 5_000_000m)], flow.Reconciliation.WorkingCapital.Select(l => (l.Code, l.Amount)));
    }

    [Fact]
    public async Task Statements_need_reports_read_and_finance_read()
    {
        DateOnly day = March31;
        async Task<string[]> ErrorsAsync(Actor actor)
        {
            _data.ActAs(actor);
            return
            [
                (await Use(sp => FinanceTestData.Get<ProfitAndLoss>(sp).ForAsync(March1, day))).FirstError,
                (await Use(sp => FinanceTestData.Get<BalanceSheet>(sp).AtAsync(day))).FirstError,
                (await Use(sp => FinanceTestData.Get<CashFlow>(sp).ForAsync(March1, day))).FirstError,
            ];
        }

        var refused = Enumerable.Repeat(Actor.NotPermitted, 3);
        Assert.Equal(["", "", ""], await ErrorsAsync(Actor.For(Guid.NewGuid(), "manajer", [Roles.Manager])));
        Assert.Equal(refused, await ErrorsAsync(Actor.For(Guid.NewGuid(), "laporan", [], [Permissions.ReportsRead])));
        Assert.Equal(refused, await ErrorsAsync(Actor.For(Guid.NewGuid(), "buku", [], [Permissions.FinanceRead])));
        Assert.Equal(refused, await ErrorsAsync(Actor.For(Guid.NewGuid(), "teknisi", [Roles.Technician])));
    }

    [Fact]
    public async Task Reversed_ranges_ranges_over_five_years_and_dates_outside_the_calendar_are_refused()
    {
        var reversed = await Use(sp => FinanceTestData.Get<ProfitAndLoss>(sp).ForAsync(March31, March1));
        var long_ = await Use(sp => FinanceTestData.Get<CashFlow>(sp).ForAsync(new DateOnly(2019, 1, 1), new DateOnly(2025, 1, 1)));
        var ancient = await Use(sp => FinanceTestData.Get<BalanceSheet>(sp).AtAsync(new DateOnly(1, 1, 1)));

        Assert.Equal("Tanggal akhir tidak boleh sebelum tanggal awal.", reversed.FirstError);
        Assert.Equal("Rentang laporan paling panjang 5 tahun.", long_.FirstError);
        Assert.True(ancient.Errors.ContainsKey("to"));
    }
}
