using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The asset use cases over a reset database on a manual clock: Saturday 5 December 2026, 10:00 in
/// Jakarta, so the last ended month is November 2026.
/// </summary>
public abstract class AssetTest(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero));

    protected ServiceProvider Services { get; private set; } = default!;

    protected TestActor Actor => Services.GetRequiredService<TestActor>();

    public async Task InitializeAsync()
    {
        await Database.ResetAsync();
        Services = CoreServices.Build(Database.ConnectionString, Clock);
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>A router bought on 20 August 2026 for 12.000.000 from Kas: 250.000 a month over 48 months from September.</summary>
    protected static AssetInput Router(string code = "AST-NET-0001") =>
        new(code, "OLT ZTE C320", "network", new DateOnly(2026, 8, 20), 12_000_000m, PaidFromAccountCode: "1-1100");

    protected async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    protected async Task<int> RegisterAsync(AssetInput input)
    {
        var outcome = await UseAsync(s => s.GetRequiredService<RegisterAsset>().ExecuteAsync(input));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value;
    }

    protected Task<Outcome<DepreciationRun>> DepreciateAsync(DateOnly through) =>
        UseAsync(s => s.GetRequiredService<DepreciateAssets>().ExecuteAsync(through));

    protected async Task CloseMonthAsync(DateOnly month)
    {
        await using var db = Database.CreateDbContext();
        db.LedgerPeriods.Add(new LedgerPeriod(month, null, Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    protected async Task<Asset> AssetAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Assets.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The entries of <paramref name="source"/>, each as its date, key and lines (account code, debit, credit).</summary>
    protected async Task<List<PostedEntry>> EntriesAsync(JournalSource source)
    {
        await using var db = Database.CreateDbContext();
        var codes = await db.LedgerAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code);
        var entries = await db.JournalEntries.AsNoTracking().Include(e => e.Lines).Where(e => e.SourceType == source).OrderBy(e => e.EntryDate).ThenBy(e => e.Id).ToListAsync();
        return entries.Select(e => new PostedEntry(e.EntryDate, e.SourceKey,
            e.Lines.OrderBy(l => l.Position).Select(l => (codes[l.AccountId], l.Debit, l.Credit)).OrderBy(l => l.Item1).ToList(),
            e.Lines.Select(l => (l.LocationCodeId, l.RouterId)).ToList())).ToList();
    }
}

public sealed record PostedEntry(DateOnly Date, string Key, List<(string Account, decimal Debit, decimal Credit)> Lines, List<(int? Location, int? Router)> Dimensions);
