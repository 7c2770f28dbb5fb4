using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Assets;

/// <param name="ProceedsAccountCode">The Cash or Bank account the proceeds went to; needed when there are proceeds.</param>
public sealed record DisposalInput(int AssetId, DateOnly On, DisposalKind Kind, decimal Proceeds, string? ProceedsAccountCode, string Reason);

/// <summary>What a disposal posted: the gain (positive) or loss (negative) against the book value.</summary>
public sealed record DisposedAsset(int AssetId, decimal BookValue, decimal Proceeds, decimal GainOrLoss);

/// <summary>
/// Finance sells or scraps an asset: its depreciation is booked first through the month before the
/// disposal (the disposal month, like the purchase month, is not a full month of use), then the
/// disposal posts (<see cref="AssetPostings"/>), all in one transaction under the asset's lock.
/// </summary>
public sealed class DisposeAsset(IIspDbFactory dbs, IDatabaseLocks locks, AssetCategories categories, AssetPostings postings, LedgerAccounts accounts, IspClock ispClock, ICurrentUser currentUser)
{
    public async Task<Outcome<DisposedAsset>> ExecuteAsync(DisposalInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<DisposedAsset>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var all = await categories.ListAsync(db, cancellationToken);
        var map = await accounts.MapAsync(db, cancellationToken);
        var account = string.IsNullOrWhiteSpace(input.ProceedsAccountCode) ? null : map.ByCode(input.ProceedsAccountCode.Trim());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, AssetPostings.LockName(input.AssetId), cancellationToken);
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == input.AssetId, cancellationToken);
        if (asset is null)
            return Outcome.Refused<DisposedAsset>(nameof(DisposalInput.AssetId), "Aset tidak ditemukan.");
        var problems = new FieldErrors()
            .When(asset.IsDisposed, nameof(DisposalInput.AssetId), $"Aset {asset.Code} sudah dilepas.")
            .When(input.On < asset.PurchaseDate, nameof(DisposalInput.On), "Tanggal pelepasan tidak boleh sebelum tanggal pembelian.")
            .When(input.On > today, nameof(DisposalInput.On), "Tanggal pelepasan tidak boleh di masa depan.")
            .When(input.Proceeds < 0 || decimal.Truncate(input.Proceeds) != input.Proceeds || input.Proceeds > RegisterAsset.MaxCost,
                nameof(DisposalInput.Proceeds), "Hasil penjualan harus rupiah penuh, tidak negatif.")
            .When(input.Kind == DisposalKind.Scrapped && input.Proceeds != 0, nameof(DisposalInput.Proceeds), "Aset yang dihapus (scrap) tidak punya hasil penjualan; pilih Dijual.")
            .When(input.Proceeds > 0 && account is not { Kind: AccountKind.Cash or AccountKind.Bank, IsActive: true },
                nameof(DisposalInput.ProceedsAccountCode), "Hasil penjualan masuk ke akun kas atau bank yang aktif.")
            .When(string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > Asset.DisposalReasonMaxLength,
                nameof(DisposalInput.Reason), $"Alasan wajib diisi (maks. {Asset.DisposalReasonMaxLength} karakter).");
        if (await ClosedPeriods.RefusalAsync(db, input.On, cancellationToken) is { } closed)
            problems.Add(nameof(DisposalInput.On), closed);
        if (problems.Any)
            return Outcome.Refused<DisposedAsset>(problems);

        var category = all.Single(c => c.Id == asset.CategoryId);
        await postings.DepreciateAsync(db, asset, category, new DateOnly(input.On.Year, input.On.Month, 1).AddDays(-1), cancellationToken);
        var bookValue = asset.BookValue;
        asset.RecordDisposal(input.On, input.Kind, input.Proceeds, account?.Id, input.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await postings.DisposedAsync(db, asset, category, actor.UserId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new DisposedAsset(asset.Id, bookValue, input.Proceeds, input.Proceeds - bookValue));
    }
}
