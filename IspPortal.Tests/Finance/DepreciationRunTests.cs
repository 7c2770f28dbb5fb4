using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

public sealed class DepreciationRunTests(DatabaseFixture database) : AssetTest(database), IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly November = new(2026, 11, 30);

    [Fact]
    public async Task The_job_catches_up_three_months_at_once_each_on_its_last_day_with_the_asset_dimensions()
    {
        int location, router;
        await using (var db = Database.CreateDbContext())
        {
            var karawang = new Core.Customers.LocationCode { Code = "KRW", Name = "Karawang", CreatedAt = Clock.GetUtcNow() };
            db.LocationCodes.Add(karawang);
            await db.SaveChangesAsync();
            var olt = new Core.Network.Router("KRW", "OLT Karawang", karawang.Id, "10.0.0.1", Core.Network.Router.DefaultApiPort, "api", "", Clock.GetUtcNow()) { IsolationProfile = "isolir" };
            db.Routers.Add(olt);
            await db.SaveChangesAsync();
            (location, router) = (karawang.Id, olt.Id);
        }
        var id = await RegisterAsync(Router() with { LocationCodeId = location, RouterId = router });

        var run = await UseAsync(s => s.GetRequiredService<DepreciateAssets>().RunScheduledAsync());

        Assert.Equal(new DepreciationRun(November, 1, 3, 750_000m, 0, 0), run);
        var entries = await EntriesAsync(JournalSource.Depreciation);
        Assert.Equal([new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 31), November], entries.Select(e => e.Date));
        Assert.Equal([$"{id}:2026-09", $"{id}:2026-10", $"{id}:2026-11"], entries.Select(e => e.Key));
        Assert.All(entries, e => Assert.Equal([("1-2201", 0m, 250_000m), ("5-1600", 250_000m, 0m)], e.Lines));
        Assert.All(entries.SelectMany(e => e.Dimensions), d => Assert.Equal(((int?)location, (int?)router), d));
        var asset = await AssetAsync(id);
        Assert.Equal((750_000m, (DateOnly?)November), (asset.AccumulatedDepreciation, asset.DepreciatedThrough));
    }

    [Fact]
    public async Task Running_again_books_nothing_twice_and_a_new_month_books_only_itself()
    {
        var id = await RegisterAsync(Router());
        await DepreciateAsync(November);

        var again = await DepreciateAsync(November);
        Clock.Advance(TimeSpan.FromDays(31));
        var january = await UseAsync(s => s.GetRequiredService<DepreciateAssets>().RunScheduledAsync());

        Assert.Equal(0, again.Value!.Entries);
        Assert.Equal((1, 250_000m), (january!.Entries, january.Amount));
        Assert.Equal(4, (await EntriesAsync(JournalSource.Depreciation)).Count);
        Assert.Equal(1_000_000m, (await AssetAsync(id)).AccumulatedDepreciation);
    }

    [Fact]
    public async Task Two_instances_at_once_book_each_asset_and_month_exactly_once()
    {
        var ids = new List<int>();
        for (var i = 1; i <= 5; i++)
            ids.Add(await RegisterAsync(Router($"AST-NET-{i:D4}")));
        await using var second = CoreServices.Build(Database.ConnectionString, Clock);

        var runs = await Task.WhenAll(
            DepreciateAsync(November),
            Task.Run(async () =>
            {
                await using var scope = second.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<DepreciateAssets>().ExecuteAsync(November);
            }),
            DepreciateAsync(November));

        Assert.Equal(15, runs.Sum(r => r.Value!.Entries));
        Assert.All(runs, r => Assert.Equal(0, r.Value!.Failed));
        var entries = await EntriesAsync(JournalSource.Depreciation);
        Assert.Equal(15, entries.Select(e => e.Key).Distinct().Count());
        foreach (var id in ids)
            Assert.Equal(750_000m, (await AssetAsync(id)).AccumulatedDepreciation);
    }

    [Fact]
    public async Task Closing_a_month_books_its_depreciation_first_when_the_job_has_not_run()
    {
        var id = await RegisterAsync(Router());
        var september = new DateOnly(2026, 9, 1);

        var august = await UseAsync(s => s.GetRequiredService<ClosePeriod>().ExecuteAsync(new DateOnly(2026, 8, 1)));
        var closed = await UseAsync(s => s.GetRequiredService<ClosePeriod>().ExecuteAsync(september));

        Assert.True(august.Succeeded, august.FirstError);
        Assert.True(closed.Succeeded, closed.FirstError);
        Assert.Equal([$"{id}:2026-09"], (await EntriesAsync(JournalSource.Depreciation)).Select(e => e.Key));
        Assert.Equal((DateOnly?)new DateOnly(2026, 9, 30), (await AssetAsync(id)).DepreciatedThrough);
    }

    [Fact]
    public async Task The_close_check_names_an_asset_whose_month_is_not_booked()
    {
        await RegisterAsync(Router());
        var step = new DepreciationBeforeClose(null!);
        await using var db = Database.CreateDbContext();

        var september = await step.CheckAsync(db, new DateOnly(2026, 9, 1));
        var august = await step.CheckAsync(db, new DateOnly(2026, 8, 1));

        Assert.Equal("Penyusutan aset AST-NET-0001 untuk September 2026 belum tercatat; buku belum bisa ditutup.", september);
        Assert.Null(august);
    }

    [Fact]
    public async Task The_job_runs_on_one_instance_at_a_time()
    {
        await RegisterAsync(Router());
        await using var holder = Database.CreateDbContext();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        Assert.True(await Services.GetRequiredService<IDatabaseLocks>().TryLockForTransactionAsync(holder, DepreciateAssets.LockName));

        var skipped = await UseAsync(s => s.GetRequiredService<DepreciateAssets>().RunScheduledAsync());

        Assert.Null(skipped);
        Assert.Empty(await EntriesAsync(JournalSource.Depreciation));
    }

    [Fact]
    public async Task A_closed_month_is_skipped_and_its_amount_posts_with_the_next_open_month()
    {
        var id = await RegisterAsync(Router());
        await CloseMonthAsync(new DateOnly(2026, 10, 1));

        var run = await DepreciateAsync(November);

        Assert.Equal((2, 1, 0), (run.Value!.Entries, run.Value.SkippedClosedMonths, run.Value.Failed));
        var entries = await EntriesAsync(JournalSource.Depreciation);
        Assert.Equal([($"{id}:2026-09", 250_000m), ($"{id}:2026-11", 500_000m)], entries.Select(e => (e.Key, e.Lines.Sum(l => l.Debit))));
        Assert.Equal((750_000m, (DateOnly?)November), ((await AssetAsync(id)).AccumulatedDepreciation, (await AssetAsync(id)).DepreciatedThrough));
    }

    [Fact]
    public async Task A_closed_last_month_leaves_the_asset_where_it_was_without_failing()
    {
        var id = await RegisterAsync(Router());
        await CloseMonthAsync(new DateOnly(2026, 11, 1));

        var run = await DepreciateAsync(November);

        Assert.True(run.Succeeded);
        Assert.Equal((2, 1, 0), (run.Value!.Entries, run.Value.SkippedClosedMonths, run.Value.Failed));
        Assert.Equal(new DateOnly(2026, 10, 31), (await AssetAsync(id)).DepreciatedThrough);
    }

    [Fact]
    public async Task The_asset_detail_shows_booked_months_and_the_future_schedule()
    {
        var id = await RegisterAsync(Router());
        await DepreciateAsync(November);

        var detail = await UseAsync(s => s.GetRequiredService<AssetBook>().DetailAsync(id));

        Assert.Equal(48, detail!.Schedule.Count);
        Assert.Equal([250_000m, 250_000m, 250_000m, null], detail.Schedule.Take(4).Select(r => r.Booked));
        Assert.Equal(11_250_000m, detail.Row.BookValue);
    }
}
