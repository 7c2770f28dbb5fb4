using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

// The router: 12.000.000 bought 20 August 2026, 250.000 a month from September. Disposed of on
// 3 December: September to November are booked first (750.000), book value 11.250.000.
public sealed class AssetDisposalTests(DatabaseFixture database) : AssetTest(database), IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly December3 = new(2026, 12, 3);

    private Task<Core.Common.Outcome<DisposedAsset>> DisposeAsync(DisposalInput input) =>
        UseAsync(s => s.GetRequiredService<DisposeAsset>().ExecuteAsync(input));

    [Fact]
    public async Task A_sale_above_book_value_books_depreciation_first_then_the_gain()
    {
        var id = await RegisterAsync(Router());

        var outcome = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Sold, 12_000_000m, "1-1201", "Diganti OLT baru"));

        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal(new DisposedAsset(id, 11_250_000m, 12_000_000m, 750_000m), outcome.Value);
        Assert.Equal(3, (await EntriesAsync(JournalSource.Depreciation)).Count);
        var entry = Assert.Single(await EntriesAsync(JournalSource.AssetDisposal));
        Assert.Equal(December3, entry.Date);
        Assert.Equal([("1-1201", 12_000_000m, 0m), ("1-2200", 0m, 12_000_000m), ("1-2201", 750_000m, 0m), ("4-9500", 0m, 750_000m)], entry.Lines);
        var asset = await AssetAsync(id);
        Assert.Equal((AssetStatus.Disposed, (DateOnly?)December3, (DisposalKind?)DisposalKind.Sold), (asset.Status, asset.DisposedOn, asset.DisposalKind));
    }

    [Fact]
    public async Task A_sale_below_book_value_books_the_loss()
    {
        var id = await RegisterAsync(Router());

        var outcome = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Sold, 10_000_000m, "1-1100", "Dijual ke mitra"));

        Assert.Equal(-1_250_000m, outcome.Value!.GainOrLoss);
        var entry = Assert.Single(await EntriesAsync(JournalSource.AssetDisposal));
        Assert.Equal([("1-1100", 10_000_000m, 0m), ("1-2200", 0m, 12_000_000m), ("1-2201", 750_000m, 0m), ("5-9100", 1_250_000m, 0m)], entry.Lines);
    }

    [Fact]
    public async Task Scrapping_books_the_whole_book_value_as_a_loss_and_the_asset_is_no_longer_depreciated()
    {
        var id = await RegisterAsync(Router());

        var outcome = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Scrapped, 0, null, "Tersambar petir"));
        Clock.Advance(TimeSpan.FromDays(62));
        var later = await DepreciateAsync(new DateOnly(2027, 1, 31));

        Assert.Equal(-11_250_000m, outcome.Value!.GainOrLoss);
        var entry = Assert.Single(await EntriesAsync(JournalSource.AssetDisposal));
        Assert.Equal([("1-2200", 0m, 12_000_000m), ("1-2201", 750_000m, 0m), ("5-9100", 11_250_000m, 0m)], entry.Lines);
        Assert.Equal(0, later.Value!.Entries);
    }

    [Fact]
    public async Task A_disposal_is_refused_twice_in_a_closed_month_or_without_a_money_account()
    {
        var id = await RegisterAsync(Router());
        await CloseMonthAsync(new DateOnly(2026, 11, 1));

        var closed = await DisposeAsync(new DisposalInput(id, new DateOnly(2026, 11, 20), DisposalKind.Scrapped, 0, null, "Rusak"));
        var noAccount = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Sold, 1_000_000m, null, "Dijual"));
        var first = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Scrapped, 0, null, "Rusak"));
        var twice = await DisposeAsync(new DisposalInput(id, December3, DisposalKind.Scrapped, 0, null, "Rusak"));

        Assert.StartsWith("Buku bulan November 2026 sudah ditutup", closed.Errors[nameof(DisposalInput.On)][0], StringComparison.Ordinal);
        Assert.True(noAccount.Errors.ContainsKey(nameof(DisposalInput.ProceedsAccountCode)));
        Assert.True(first.Succeeded, first.FirstError);
        Assert.Equal("Aset AST-NET-0001 sudah dilepas.", twice.FirstError);
        Assert.Single(await EntriesAsync(JournalSource.AssetDisposal));
    }
}
