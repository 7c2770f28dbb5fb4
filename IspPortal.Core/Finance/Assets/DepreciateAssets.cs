using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Finance.Assets;

/// <summary>What a depreciation run booked.</summary>
public sealed record DepreciationRun(DateOnly Through, int Assets, int Entries, decimal Amount, int SkippedClosedMonths, int Failed);

/// <summary>
/// Books every asset in service's depreciation through a month end, catching up every month not
/// yet booked (after downtime, several at once). Each asset books in its own transaction under its
/// lock, re-reading where it stands first, and each month's entry is unique by its key: a retry or
/// a second instance never books a month twice. The daily job runs it through the last ended
/// month (<see cref="RunScheduledAsync"/>); the period close calls it before closing a month.
/// </summary>
public sealed class DepreciateAssets(
    IIspDbFactory dbs, IDatabaseLocks locks, AssetCategories categories, AssetPostings postings, IspClock ispClock, ICurrentUser currentUser, ILogger<DepreciateAssets> logger)
{
    public const string LockName = "job:depreciation";

    public async Task<Outcome<DepreciationRun>> ExecuteAsync(DateOnly throughMonthEnd, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<DepreciationRun>("", Actor.NotPermitted);
        var through = DepreciationSchedule.MonthEnd(throughMonthEnd);
        var firstMonth = new DateOnly(through.Year, through.Month, 1);
        List<int> ids;
        IReadOnlyList<AssetCategory> all;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            all = await categories.ListAsync(db, cancellationToken);
            ids = await db.Assets.AsNoTracking()
                .Where(a => a.Status != AssetStatus.Disposed && a.PurchaseDate < firstMonth && (a.DepreciatedThrough == null || a.DepreciatedThrough < through))
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        int entries = 0, skipped = 0, failed = 0, booked = 0;
        var amount = 0m;
        foreach (var id in ids)
        {
            try
            {
                var result = await DepreciateOneAsync(id, through, all, cancellationToken);
                if (result is null)
                    continue;
                booked += result.Posted.Count > 0 ? 1 : 0;
                entries += result.Posted.Count;
                skipped += result.SkippedClosed.Count;
                amount += result.Amount;
            }
            catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
            {
                // A month closed between our check and our posting, or another refusal of the database: the other assets go on.
                failed++;
                logger.LogError(exception, "Depreciation of asset {AssetId} through {Through:yyyy-MM} failed", id, through);
            }
        }
        return Outcome.Done(new DepreciationRun(through, booked, entries, amount, skipped, failed));
    }

    /// <summary>The job's run through the last ended month in the ISP's time zone; null when another instance is running it.</summary>
    public async Task<DepreciationRun?> RunScheduledAsync(CancellationToken cancellationToken = default)
    {
        await using var holder = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await holder.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(holder, LockName, cancellationToken))
            return null;
        var today = await ispClock.TodayAsync(cancellationToken);
        var run = await ExecuteAsync(new DateOnly(today.Year, today.Month, 1).AddDays(-1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!run.Succeeded)
        {
            logger.LogError("Depreciation run refused: {Error}", run.FirstError);
            return null;
        }
        if (run.Value!.Entries > 0 || run.Value.SkippedClosedMonths > 0)
            logger.LogInformation("Depreciation through {Through:yyyy-MM}: {Entries} entries for {Assets} assets, {Amount}; {Skipped} closed months skipped",
                run.Value.Through, run.Value.Entries, run.Value.Assets, run.Value.Amount, run.Value.SkippedClosedMonths);
        return run.Value;
    }

    private async Task<BookedDepreciation?> DepreciateOneAsync(int id, DateOnly through, IReadOnlyList<AssetCategory> all, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, AssetPostings.LockName(id), cancellationToken);
        // Read after the lock: another instance may just have booked these months.
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null || asset.IsDisposed)
            return null;
        var result = await postings.DepreciateAsync(db, asset, all.Single(c => c.Id == asset.CategoryId), through, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
