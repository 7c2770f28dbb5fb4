using IspPortal.Core.Common;
using IspPortal.Core.Finance.Periods;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Assets;

/// <summary>
/// A month closes with its depreciation in it: the close first books every asset through the month's
/// end (the job may not have run yet, e.g. closing on the 1st before the daily run), then, with the
/// journal locked, refuses if any asset in service still lacks a month of its schedule.
/// </summary>
public sealed class DepreciationBeforeClose(DepreciateAssets depreciation) : IPeriodClosingStep
{
    public async Task<string?> PrepareAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        var run = await depreciation.ExecuteAsync(DepreciationSchedule.MonthEnd(month), cancellationToken);
        if (!run.Succeeded)
            return run.FirstError;
        return run.Value!.Failed > 0
            ? $"Penyusutan {run.Value.Failed} aset untuk {PeriodText.Month(month)} gagal dicatat; lihat log, lalu coba tutup buku lagi."
            : null;
    }

    public async Task<string?> CheckAsync(IIspDb db, DateOnly month, CancellationToken cancellationToken = default)
    {
        var monthEnd = DepreciationSchedule.MonthEnd(month);
        var behind = await db.Assets.AsNoTracking()
            .Where(a => a.Status != AssetStatus.Disposed && a.PurchaseDate < month && (a.DepreciatedThrough == null || a.DepreciatedThrough < monthEnd))
            .ToListAsync(cancellationToken);
        var missing = behind.FirstOrDefault(a => DepreciationSchedule.For(DepreciationPlan.Of(a))
            .Any(m => m.MonthEnd <= monthEnd && m.MonthEnd > (a.DepreciatedThrough ?? DateOnly.MinValue)));
        return missing is null
            ? null
            : $"Penyusutan aset {missing.Code} untuk {PeriodText.Month(month)} belum tercatat; buku belum bisa ditutup.";
    }
}
