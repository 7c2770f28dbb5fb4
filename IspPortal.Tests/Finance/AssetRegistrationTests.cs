using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

public sealed class AssetRegistrationTests(DatabaseFixture database) : AssetTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_purchase_paid_from_cash_posts_the_category_account_against_kas_on_the_purchase_date()
    {
        var id = await RegisterAsync(Router());

        var entry = Assert.Single(await EntriesAsync(JournalSource.AssetPurchase));
        Assert.Equal(new DateOnly(2026, 8, 20), entry.Date);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Key);
        Assert.Equal([("1-1100", 0m, 12_000_000m), ("1-2200", 12_000_000m, 0m)], entry.Lines);
        var asset = await AssetAsync(id);
        Assert.Equal((48, DepreciationMethod.StraightLine, 0m, (DateOnly?)null), (asset.UsefulLifeMonths, asset.DepreciationMethod, asset.AccumulatedDepreciation, asset.DepreciatedThrough));
    }

    [Fact]
    public async Task An_owed_purchase_posts_to_utang_usaha_and_declining_balance_takes_double_the_straight_rate()
    {
        var id = await RegisterAsync(new AssetInput("AST-VEH-0001", "Mobil operasional", "vehicle", new DateOnly(2026, 11, 2), 180_000_000m, 20_000_000m, Method: DepreciationMethod.DecliningBalance));

        var entry = Assert.Single(await EntriesAsync(JournalSource.AssetPurchase));
        Assert.Equal([("1-2500", 180_000_000m, 0m), ("2-1100", 0m, 180_000_000m)], entry.Lines);
        var asset = await AssetAsync(id);
        Assert.Equal((96, 25m), (asset.UsefulLifeMonths, asset.DecliningRate));
    }

    [Fact]
    public async Task A_purchase_in_a_closed_month_is_refused_in_indonesian_and_posts_nothing()
    {
        await CloseMonthAsync(new DateOnly(2026, 8, 1));

        var outcome = await UseAsync(s => s.GetRequiredService<RegisterAsset>().ExecuteAsync(Router()));

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Buku bulan Agustus 2026 sudah ditutup", outcome.Errors[nameof(AssetInput.PurchaseDate)][0], StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(JournalSource.AssetPurchase));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        await RegisterAsync(Router());

        var outcome = await UseAsync(s => s.GetRequiredService<RegisterAsset>().ExecuteAsync(
            Router() with { CategoryCode = "nope", Cost = 0, PurchaseDate = new DateOnly(2026, 12, 6), PaidFromAccountCode = "5-1100" }));
        var duplicate = await UseAsync(s => s.GetRequiredService<RegisterAsset>().ExecuteAsync(Router()));

        Assert.Equal(
            [nameof(AssetInput.CategoryCode), nameof(AssetInput.Cost), nameof(AssetInput.PaidFromAccountCode), nameof(AssetInput.PurchaseDate), nameof(AssetInput.UsefulLifeMonths)],
            outcome.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Kode aset AST-NET-0001 sudah dipakai.", duplicate.Errors[nameof(AssetInput.Code)][0]);
        Assert.Single(await EntriesAsync(JournalSource.AssetPurchase));
    }

    [Fact]
    public async Task Only_finance_write_registers_depreciates_and_disposes_and_finance_read_reads()
    {
        var id = await RegisterAsync(Router());
        Actor.Current = Core.Identity.Actor.For(null, "manager", [Roles.Manager]);

        var register = await UseAsync(s => s.GetRequiredService<RegisterAsset>().ExecuteAsync(Router("AST-NET-0002")));
        var depreciate = await DepreciateAsync(new DateOnly(2026, 11, 30));
        var dispose = await UseAsync(s => s.GetRequiredService<DisposeAsset>().ExecuteAsync(new DisposalInput(id, new DateOnly(2026, 12, 1), DisposalKind.Scrapped, 0, null, "Rusak")));
        var list = await UseAsync(s => s.GetRequiredService<AssetBook>().ListAsync(new AssetFilter()));

        Assert.Equal([Core.Identity.Actor.NotPermitted, Core.Identity.Actor.NotPermitted, Core.Identity.Actor.NotPermitted], [register.FirstError, depreciate.FirstError, dispose.FirstError]);
        Assert.Equal(12_000_000m, Assert.Single(list.Rows).BookValue);
        Actor.Current = Core.Identity.Actor.For(null, "staff", [Roles.Staff]);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => UseAsync(s => s.GetRequiredService<AssetBook>().ListAsync(new AssetFilter())));
    }
}
