using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Network;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Statements;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The P&amp;L of a location or a router (<see cref="LedgerSegment"/>) from the journal lines tagged with it, and its drill-down to the
/// account ledger, over the hand-worked books of <see cref="SegmentBooks"/>.
/// </summary>
public sealed class SegmentStatementTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March31 = new(2025, 3, 31);
    private FinanceTestData _data = default!;
    private SegmentBooks.Ids _ids = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _data = await FinanceTestData.StartAsync(database, Now);
        _ids = await SegmentBooks.SeedAsync(database, _data.Services);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private Task<ProfitAndLossView> PnlAsync(LedgerSegment segment, DateOnly? from = null, DateOnly? to = null) => _data.UseAsync(async sp =>
    {
        var outcome = await FinanceTestData.Get<ProfitAndLoss>(sp).ForAsync(from ?? March1, to ?? March31, segment);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    });

    private static (string Code, decimal Amount, decimal Previous, decimal LastYear, decimal Budget)[] Lines(ProfitAndLossView view) =>
        [.. view.Sections.SelectMany(s => s.Lines).Select(l => (l.Code, l.Figures.Amount, l.Figures.Previous, l.Figures.LastYear, l.Figures.Budget))];

    [Fact]
    public async Task A_location_sums_only_its_tagged_lines_with_its_own_comparisons_and_no_budget()
    {
        var whole = await PnlAsync(LedgerSegment.None);
        var karawang = await PnlAsync(new LedgerSegment(_ids.Krw, null));

        Assert.Equal([("4-1100", 2_200_000m, 400_000m, 250_000m, 5_000_000m), ("5-1300", 300_000m, 0m, 0m, 0m), ("5-1600", 200_000m, 0m, 0m, 0m)], Lines(whole));
        Assert.True(whole.HasBudget);
        Assert.Null(whole.SegmentName);
        Assert.Equal([("4-1100", 1_500_000m, 400_000m, 250_000m, 0m), ("5-1600", 200_000m, 0m, 0m, 0m)], Lines(karawang));
        Assert.Equal((1_300_000m, 400_000m, 250_000m), (karawang.NetProfit.Amount, karawang.NetProfit.Previous, karawang.NetProfit.LastYear));
        Assert.False(karawang.HasBudget);
        Assert.Equal("Lokasi KRW", karawang.SegmentName);
    }

    [Fact]
    public async Task Routers_and_a_location_with_a_router_narrow_further_and_a_router_elsewhere_has_nothing()
    {
        var kr1 = await PnlAsync(new LedgerSegment(null, _ids.Kr1));
        var kr2 = await PnlAsync(new LedgerSegment(_ids.Krw, _ids.Kr2));
        var mismatch = await PnlAsync(new LedgerSegment(_ids.Bks, _ids.Kr1));

        Assert.Equal([("4-1100", 1_000_000m, 400_000m, 250_000m, 0m), ("5-1600", 200_000m, 0m, 0m, 0m)], Lines(kr1));
        Assert.Equal(800_000m, kr1.NetProfit.Amount);
        Assert.Equal([("4-1100", 500_000m, 0m, 0m, 0m)], Lines(kr2));
        Assert.Equal("Lokasi KRW · Router KRB", kr2.SegmentName);
        Assert.Empty(Lines(mismatch));
        Assert.Equal(PnlFigures.Zero, mismatch.NetProfit);
    }

    [Fact]
    public async Task Whole_months_from_the_segment_totals_and_partial_ones_from_the_lines_agree_before_and_after_folding()
    {
        async Task<decimal[]> RevenueAsync() =>
        [
            .. await Task.WhenAll(
                new[] { (new DateOnly(2025, 2, 1), March31), (new DateOnly(2025, 2, 15), new DateOnly(2025, 3, 4)), (new DateOnly(2024, 1, 1), March31) }
                    .SelectMany(r => new[] { new LedgerSegment(_ids.Krw, null), new LedgerSegment(null, _ids.Kr1), new LedgerSegment(_ids.Krw, _ids.Kr1) }
                        .Select(async segment => Lines(await PnlAsync(segment, r.Item1, r.Item2)).Where(l => l.Code == "4-1100").Sum(l => l.Amount)))),
        ];

        // A second statement appends a second part to Karawang's and KRA's March.
        await LedgerFixtures.PostAsync(_data.Services, database.CreateDbContext, map =>
        [
            new JournalDraftBuilder(new DateOnly(2025, 3, 20), JournalSource.Manual, "segment-extra", null, "Uji segmen")
                .Debit(map.ByCode("1-1300")!.Id, 100_000m, new LineDimensions(null, _ids.Krw, _ids.Kr1))
                .Credit(map.ByCode("4-1100")!.Id, 100_000m, new LineDimensions(null, _ids.Krw, _ids.Kr1)).Build(),
        ]);
        var before = await RevenueAsync();
        var folded = await _data.UseAsync(sp => FinanceTestData.Get<ILedgerTotalsCompactor>(sp).CompactAsync());
        var after = await RevenueAsync();

        // Karawang, router KRA, both: Feb–Mar; 15 Feb–4 Mar; from 2024 (last year's March too).
        Assert.Equal([2_000_000m, 1_500_000m, 1_500_000m, 1_500_000m, 1_000_000m, 1_000_000m, 2_250_000m, 1_750_000m, 1_750_000m], before);
        Assert.Equal(before, after);
        Assert.True(folded > 0);
        await using var db = database.CreateDbContext();
        var parts = db.LedgerSegmentMonthTotals.Where(t => t.Dimension == LedgerDimension.Router && t.DimensionId == _ids.Kr1 && t.Month == March1)
            .Select(t => new { t.AccountId, t.Debit, t.Credit }).ToList();
        Assert.Equal(4, parts.Count);
        Assert.Equal((1_300_000m, 1_300_000m), (parts.Sum(p => p.Debit), parts.Sum(p => p.Credit)));
    }

    [Fact]
    public async Task The_locations_and_the_untagged_lines_add_up_to_the_whole_books()
    {
        var whole = await PnlAsync(LedgerSegment.None);
        var karawang = await PnlAsync(new LedgerSegment(_ids.Krw, null));
        var bekasi = await PnlAsync(new LedgerSegment(_ids.Bks, null));
        var untagged = await _data.BalanceAsync(March31, l => l.LocationCodeId == null && l.EntryDate >= March1
            && (l.Account!.Type == AccountType.Revenue || l.Account.Type == AccountType.Expense));

        Assert.Equal(700_000m, bekasi.NetProfit.Amount);
        // Debit minus credit of the untagged P&L lines is what they cost: profit is its negative.
        Assert.Equal(whole.NetProfit.Amount, karawang.NetProfit.Amount + bekasi.NetProfit.Amount - untagged);
    }

    [Fact]
    public async Task Each_figure_drills_down_to_the_ledger_of_exactly_the_lines_it_summed()
    {
        var karawang = await PnlAsync(new LedgerSegment(_ids.Krw, null));
        var revenue = karawang.Sections.SelectMany(s => s.Lines).Single(l => l.Code == "4-1100");

        Assert.Equal($"/finance/ledger/4-1100?from=2025-03-01&to=2025-03-31&location={_ids.Krw}", revenue.Ledger);
        var page = await _data.UseAsync(async sp => (await FinanceTestData.Get<AccountLedger>(sp).PageAsync("4-1100", March1, March31, 0, new LedgerSegment(_ids.Krw, null))).Value!);
        Assert.Equal((650_000m, 0m, 1_500_000m, 2_150_000m), (page.Opening, page.Debit, page.Credit, page.Closing));
        Assert.Equal([1_000_000m, 500_000m], page.Lines.Select(l => l.Credit));
        Assert.Equal([1_650_000m, 2_150_000m], page.Lines.Select(l => l.Balance));
        Assert.Equal("Lokasi KRW", page.SegmentName);
        var all = await _data.UseAsync(async sp => (await FinanceTestData.Get<AccountLedger>(sp).PageAsync("4-1100", March1, March31)).Value!);
        Assert.Equal((650_000m, 2_200_000m, 3, (string?)null), (all.Opening, all.Credit, all.Lines.Count, all.SegmentName));
    }

    [Fact]
    public async Task The_export_names_the_segment_and_leaves_the_budget_column_out()
    {
        var whole = StatementTables.ProfitAndLoss(await PnlAsync(LedgerSegment.None));
        var karawang = StatementTables.ProfitAndLoss(await PnlAsync(new LedgerSegment(_ids.Krw, _ids.Kr1)));

        Assert.Equal("Anggaran", whole.Columns[^1].Header);
        Assert.Equal(5, karawang.Columns.Count);
        Assert.DoesNotContain(karawang.Columns, c => c.Header == "Anggaran");
        Assert.Contains("Lokasi KRW · Router KRA", karawang.Period, StringComparison.Ordinal);
        Assert.All(karawang.Rows, r => Assert.True(r.Cells.Count <= 5));
        var net = karawang.Rows.Last();
        Assert.Equal([null, "Laba bersih", 800_000m, 400_000m, 250_000m], net.Cells);
    }
}
