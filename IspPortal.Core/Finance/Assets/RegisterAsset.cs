using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Assets;

/// <param name="UsefulLifeMonths">Null for the category's default.</param>
/// <param name="Method">Null for the category's default.</param>
/// <param name="DecliningRate">Yearly percent for declining balance; null for double the straight-line rate.</param>
/// <param name="PaidFromAccountCode">The Cash or Bank account that paid; null or empty when it is owed (Utang usaha).</param>
public sealed record AssetInput(
    string Code, string Name, string CategoryCode, DateOnly PurchaseDate, decimal Cost,
    decimal SalvageValue = 0, int? UsefulLifeMonths = null, DepreciationMethod? Method = null, decimal? DecliningRate = null,
    string? PaidFromAccountCode = null, int? LocationCodeId = null, int? RouterId = null, string? SerialNumber = null, string? Notes = null);

/// <summary>
/// Finance registers a fixed asset: saved and its purchase posted (<see cref="AssetPostings"/>) in
/// one transaction. Depreciation of the months since follows with the next run of the job.
/// </summary>
public sealed class RegisterAsset(IIspDbFactory dbs, AssetCategories categories, AssetPostings postings, LedgerAccounts accounts, IDatabaseErrors errors, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public const decimal MaxCost = 100_000_000_000m;
    public const int MaxUsefulLifeMonths = 600;

    public async Task<Outcome<int>> ExecuteAsync(AssetInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var category = (await categories.ListAsync(db, cancellationToken)).SingleOrDefault(c => c.Code == input.CategoryCode);
        var map = await accounts.MapAsync(db, cancellationToken);
        var paidFrom = string.IsNullOrWhiteSpace(input.PaidFromAccountCode) ? null : map.ByCode(input.PaidFromAccountCode.Trim());
        var problems = Check(input, category, paidFrom, await ispClock.TodayAsync(cancellationToken));
        if (input.LocationCodeId is { } location && !await db.LocationCodes.AnyAsync(l => l.Id == location, cancellationToken))
            problems.Add(nameof(AssetInput.LocationCodeId), "Lokasi tidak ditemukan.");
        if (input.RouterId is { } router && !await db.Routers.AnyAsync(r => r.Id == router, cancellationToken))
            problems.Add(nameof(AssetInput.RouterId), "Router tidak ditemukan.");
        if (await ClosedPeriods.RefusalAsync(db, input.PurchaseDate, cancellationToken) is { } closed)
            problems.Add(nameof(AssetInput.PurchaseDate), closed);
        if (problems.Any)
            return Outcome.Refused<int>(problems);

        var method = input.Method ?? category!.DefaultMethod;
        var life = input.UsefulLifeMonths ?? category!.DefaultUsefulLifeMonths;
        var asset = new Asset
        {
            Code = input.Code.Trim(),
            Name = input.Name.Trim(),
            CategoryId = category!.Id,
            SerialNumber = Blank(input.SerialNumber),
            LocationCodeId = input.LocationCodeId,
            RouterId = input.RouterId,
            PurchaseDate = input.PurchaseDate,
            PurchaseCost = input.Cost,
            SalvageValue = input.SalvageValue,
            UsefulLifeMonths = life,
            DepreciationMethod = method,
            DecliningRate = method == DepreciationMethod.DecliningBalance ? input.DecliningRate ?? AssetCategory.DecliningRateFor(life) : null,
            PaidFromAccountId = paidFrom?.Id,
            Notes = Blank(input.Notes),
            RecordedById = actor.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Assets.Add(asset);
            await db.SaveChangesAsync(cancellationToken);
            await postings.PurchasedAsync(db, asset, category, actor.UserId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done(asset.Id);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == "ux_assets_code")
        {
            return Outcome.Refused<int>(nameof(AssetInput.Code), $"Kode aset {asset.Code} sudah dipakai.");
        }
    }

    private static FieldErrors Check(AssetInput input, AssetCategory? category, LedgerAccount? paidFrom, DateOnly today)
    {
        var life = input.UsefulLifeMonths ?? category?.DefaultUsefulLifeMonths ?? 0;
        var errors = new FieldErrors()
            .When(string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > Asset.CodeMaxLength, nameof(AssetInput.Code), $"Kode aset wajib diisi (maks. {Asset.CodeMaxLength} karakter).")
            .When(string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > Asset.NameMaxLength, nameof(AssetInput.Name), $"Nama aset wajib diisi (maks. {Asset.NameMaxLength} karakter).")
            .When(category is null, nameof(AssetInput.CategoryCode), "Pilih kategori aset.")
            .When(input.PurchaseDate > today, nameof(AssetInput.PurchaseDate), "Tanggal pembelian tidak boleh di masa depan.")
            .When(input.Cost <= 0 || input.Cost > MaxCost, nameof(AssetInput.Cost), $"Harga perolehan harus lebih dari 0 dan paling banyak {Rupiah.Format(MaxCost)}.")
            .When(decimal.Truncate(input.Cost) != input.Cost, nameof(AssetInput.Cost), "Harga perolehan harus dalam rupiah penuh, tanpa sen.")
            .When(input.SalvageValue < 0 || input.SalvageValue > input.Cost, nameof(AssetInput.SalvageValue), "Nilai sisa antara 0 dan harga perolehan.")
            .When(decimal.Truncate(input.SalvageValue) != input.SalvageValue, nameof(AssetInput.SalvageValue), "Nilai sisa harus dalam rupiah penuh, tanpa sen.")
            .When(life is < 1 or > MaxUsefulLifeMonths, nameof(AssetInput.UsefulLifeMonths), $"Umur manfaat antara 1 dan {MaxUsefulLifeMonths} bulan.")
            .When(input.DecliningRate is { } rate && (rate <= 0 || rate > 100 || decimal.Round(rate, 2) != rate), nameof(AssetInput.DecliningRate), "Tarif saldo menurun lebih dari 0% dan paling banyak 100% per tahun.")
            .When(input.SerialNumber?.Trim().Length > Asset.SerialNumberMaxLength, nameof(AssetInput.SerialNumber), $"Nomor seri paling banyak {Asset.SerialNumberMaxLength} karakter.")
            .When(input.Notes?.Length > Asset.NotesMaxLength, nameof(AssetInput.Notes), $"Catatan paling banyak {Asset.NotesMaxLength} karakter.");
        if (!string.IsNullOrWhiteSpace(input.PaidFromAccountCode) && paidFrom is not { Kind: AccountKind.Cash or AccountKind.Bank, IsActive: true })
            errors.Add(nameof(AssetInput.PaidFromAccountCode), "Dibayar dari harus akun kas atau bank yang aktif.");
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
