using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Finance.Assets;

/// <summary>What one asset's catch-up booked: the months posted and the closed months skipped.</summary>
public sealed record BookedDepreciation(int AssetId, IReadOnlyList<DateOnly> Posted, IReadOnlyList<DateOnly> SkippedClosed, decimal Amount);

/// <summary>
/// How an asset's events post, each in the transaction of the event:
/// <list type="bullet">
/// <item>Purchase (key: asset id, on the purchase date): the category's asset account against the
/// Cash/Bank account that paid, or Utang usaha.</item>
/// <item>Depreciation (key <c>{assetId}:{yyyy-MM}</c>, on the month's last day): Beban penyusutan
/// with the asset's location and router against the category's accumulated depreciation. A month
/// already closed is skipped with a warning and its amount goes into the next open month's entry
/// (corrections post to the open month), so the accumulated total always follows the schedule.</item>
/// <item>Disposal (key: asset id, on the disposal date): the accumulated depreciation and the
/// proceeds against the cost, the difference to Laba or Rugi pelepasan aset tetap.</item>
/// </list>
/// Callers hold the asset's lock (<see cref="LockName"/>) so two instances never book one asset at once.
/// </summary>
public sealed class AssetPostings(IJournalWriter writer, LedgerAccounts accounts, ILogger<AssetPostings> logger)
{
    public static string LockName(int assetId) => $"asset:{assetId.ToString(CultureInfo.InvariantCulture)}";

    public static string DepreciationKey(int assetId, DateOnly month) =>
        $"{assetId.ToString(CultureInfo.InvariantCulture)}:{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    public static string Key(int assetId) => assetId.ToString(CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly day) => day.ToString("MMMM yyyy", Rupiah.Indonesia);

    public async Task PurchasedAsync(IIspDb db, Asset asset, AssetCategory category, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var map = await accounts.MapAsync(db, cancellationToken);
        var credit = asset.PaidFromAccountId ?? map[AccountRoles.Payable];
        var draft = new JournalDraftBuilder(asset.PurchaseDate, JournalSource.AssetPurchase, Key(asset.Id), asset.Code, Memo($"Pembelian aset {asset.Code} {asset.Name}"), actorId)
            .Debit(category.AssetAccountId, asset.PurchaseCost, Dimensions(asset))
            .Credit(credit, asset.PurchaseCost)
            .Build();
        await writer.PostAsync(db, [draft], cancellationToken);
    }

    /// <summary>Books the asset's schedule months after <see cref="Asset.DepreciatedThrough"/> through <paramref name="throughMonthEnd"/>; the caller saves the asset.</summary>
    public async Task<BookedDepreciation> DepreciateAsync(IIspDb db, Asset asset, AssetCategory category, DateOnly throughMonthEnd, CancellationToken cancellationToken = default)
    {
        var done = asset.DepreciatedThrough ?? DateOnly.MinValue;
        var due = DepreciationSchedule.For(DepreciationPlan.Of(asset)).Where(m => m.MonthEnd > done && m.MonthEnd <= throughMonthEnd).ToList();
        if (due.Count == 0)
            return new BookedDepreciation(asset.Id, [], [], 0);
        var closed = (await db.LedgerPeriods.AsNoTracking().Select(p => p.Month).ToListAsync(cancellationToken)).ToHashSet();
        var map = await accounts.MapAsync(db, cancellationToken);
        var drafts = new List<JournalDraft>();
        var posted = new List<DateOnly>();
        var skipped = new List<DateOnly>();
        var pending = 0m;
        var total = 0m;
        foreach (var month in due)
        {
            if (closed.Contains(month.Month))
            {
                logger.LogWarning("Depreciation of asset {Asset} for {Month:yyyy-MM} skipped: the month is closed; it posts with the next open month", asset.Code, month.Month);
                skipped.Add(month.Month);
                pending += month.Amount;
                continue;
            }
            var amount = month.Amount + pending;
            var memo = pending == 0
                ? $"Penyusutan {asset.Code} {MonthName(month.Month)}"
                : $"Penyusutan {asset.Code} {MonthName(month.Month)} (termasuk bulan yang sudah ditutup)";
            var builder = new JournalDraftBuilder(month.MonthEnd, JournalSource.Depreciation, DepreciationKey(asset.Id, month.Month), asset.Code, Memo(memo))
                .Debit(map[AccountRoles.Depreciation], amount, Dimensions(asset))
                .Credit(category.AccumulatedDepreciationAccountId, amount, Dimensions(asset));
            if (builder.HasLines)
                drafts.Add(builder.Build());
            asset.Depreciate(amount, month.MonthEnd);
            posted.Add(month.Month);
            pending = 0;
            total += amount;
        }
        await writer.PostAsync(db, drafts, cancellationToken);
        return new BookedDepreciation(asset.Id, posted, skipped, total);
    }

    /// <summary>Posts a disposal just recorded on the asset (depreciation booked first).</summary>
    public async Task DisposedAsync(IIspDb db, Asset asset, AssetCategory category, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var map = await accounts.MapAsync(db, cancellationToken);
        var proceeds = asset.DisposalAmount ?? 0;
        var result = proceeds - asset.BookValue;
        var dimensions = Dimensions(asset);
        var builder = new JournalDraftBuilder(asset.DisposedOn!.Value, JournalSource.AssetDisposal, Key(asset.Id), asset.Code,
                Memo($"Pelepasan aset {asset.Code} {asset.Name}: {asset.DisposalReason}"), actorId)
            .Debit(category.AccumulatedDepreciationAccountId, asset.AccumulatedDepreciation, dimensions)
            .Debit(asset.DisposalAccountId ?? map[AccountRoles.Cash], proceeds)
            .Credit(category.AssetAccountId, asset.PurchaseCost, dimensions);
        if (result > 0)
            builder.Credit(map[AccountRoles.DisposalGain], result, dimensions);
        else
            builder.Debit(map[AccountRoles.DisposalLoss], -result, dimensions);
        await writer.PostAsync(db, [builder.Build()], cancellationToken);
    }

    public static LineDimensions Dimensions(Asset asset) => new(null, asset.LocationCodeId, asset.RouterId);

    private static string Memo(string memo) => memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo;
}
