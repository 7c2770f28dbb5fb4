using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Assets;

/// <param name="InService">True: not disposed; false: disposed; null: all.</param>
public sealed record AssetFilter(int? CategoryId = null, bool? InService = true, int? LocationCodeId = null, string? Search = null);

public sealed record AssetRow(
    int Id, string Code, string Name, int CategoryId, string CategoryName, DateOnly PurchaseDate, decimal Cost, decimal AccumulatedDepreciation,
    decimal BookValue, AssetStatus Status, DateOnly? DepreciatedThrough, string? Location, string? Router);

public sealed record CategoryBookValue(int CategoryId, string Code, string Name, int Count, decimal Cost, decimal AccumulatedDepreciation, decimal BookValue);

public sealed record AssetList(IReadOnlyList<AssetRow> Rows, IReadOnlyList<CategoryBookValue> Categories)
{
    public decimal Cost => Categories.Sum(c => c.Cost);

    public decimal BookValue => Categories.Sum(c => c.BookValue);
}

/// <summary>A schedule month with what was booked for it (null while not yet booked).</summary>
public sealed record ScheduleRow(DepreciationMonth Planned, decimal? Booked, string? EntryNumber);

public sealed record AssetDetail(
    AssetRow Row, Asset Asset, AssetCategory Category, string? PaidFrom, string? DisposalAccount, IReadOnlyList<ScheduleRow> Schedule);

/// <summary>Finance reads the fixed assets: book value per asset and per category, and an asset's schedule.</summary>
public sealed class AssetBook(IIspDbFactory dbs, AssetCategories categories, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<AssetCategory>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await categories.ListAsync(db, cancellationToken);
    }

    /// <summary>The Cash and Bank accounts an asset is paid from or sold into.</summary>
    public async Task<IReadOnlyList<LedgerAccount>> MoneyAccountsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.IsActive && (a.Kind == AccountKind.Cash || a.Kind == AccountKind.Bank))
            .OrderBy(a => a.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The locations and routers an asset can be linked to.</summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Locations, IReadOnlyList<(int Id, string Name)> Routers)> LinksAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var locations = await db.LocationCodes.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Id, Name = l.Code + " " + l.Name }).ToListAsync(cancellationToken);
        var routers = await db.Routers.AsNoTracking().OrderBy(r => r.Code).Select(r => new { r.Id, Name = r.Code + " " + r.Name }).ToListAsync(cancellationToken);
        return (locations.Select(l => (l.Id, l.Name)).ToList(), routers.Select(r => (r.Id, r.Name)).ToList());
    }

    public async Task<AssetList> ListAsync(AssetFilter filter, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var all = await categories.ListAsync(db, cancellationToken);
        var assets = db.Assets.AsNoTracking();
        if (filter.CategoryId is { } category)
            assets = assets.Where(a => a.CategoryId == category);
        if (filter.InService is { } inService)
            assets = inService ? assets.Where(a => a.Status != AssetStatus.Disposed) : assets.Where(a => a.Status == AssetStatus.Disposed);
        if (filter.LocationCodeId is { } location)
            assets = assets.Where(a => a.LocationCodeId == location);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{filter.Search.Trim().ToLowerInvariant()}%";
            assets = assets.Where(a => EF.Functions.Like(a.Code.ToLower(), pattern) || EF.Functions.Like(a.Name.ToLower(), pattern)
                || (a.SerialNumber != null && EF.Functions.Like(a.SerialNumber.ToLower(), pattern)));
        }
        var rows = await Rows(db, assets, all).ToListAsync(cancellationToken);
        var totals = rows.GroupBy(r => r.CategoryId)
            .Select(g => all.Single(c => c.Id == g.Key) is var c
                ? new CategoryBookValue(c.Id, c.Code, c.Name, g.Count(), g.Sum(r => r.Cost), g.Sum(r => r.AccumulatedDepreciation), g.Sum(r => r.BookValue))
                : null!)
            .OrderBy(c => c.Code).ToList();
        return new AssetList(rows, totals);
    }

    public async Task<AssetDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
            return null;
        var all = await categories.ListAsync(db, cancellationToken);
        var row = await Rows(db, db.Assets.AsNoTracking().Where(a => a.Id == id), all).SingleAsync(cancellationToken);
        var prefix = AssetPostings.Key(id) + ":";
        var booked = await db.JournalLines.AsNoTracking()
            .Where(l => l.Entry!.SourceType == JournalSource.Depreciation && l.Entry.SourceKey.StartsWith(prefix) && l.Debit > 0)
            .Select(l => new { l.EntryDate, l.Debit, l.EntryId })
            .ToListAsync(cancellationToken);
        var byMonth = booked.ToDictionary(b => DepreciationSchedule.MonthEnd(b.EntryDate));
        var schedule = DepreciationSchedule.For(DepreciationPlan.Of(asset))
            .Where(m => asset.DisposedOn is not { } disposed || m.MonthEnd < new DateOnly(disposed.Year, disposed.Month, 1) || byMonth.ContainsKey(m.MonthEnd))
            .Select(m => byMonth.TryGetValue(m.MonthEnd, out var b) ? new ScheduleRow(m, b.Debit, JournalEntry.NumberOf(b.EntryId)) : new ScheduleRow(m, null, null))
            .ToList();
        var accounts = await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.Id == asset.PaidFromAccountId || a.Id == asset.DisposalAccountId)
            .ToDictionaryAsync(a => a.Id, a => $"{a.Code} {a.Name}", cancellationToken);
        return new AssetDetail(row, asset, all.Single(c => c.Id == asset.CategoryId),
            asset.PaidFromAccountId is { } paid ? accounts.GetValueOrDefault(paid) : null,
            asset.DisposalAccountId is { } sold ? accounts.GetValueOrDefault(sold) : null,
            schedule);
    }

    private static IQueryable<AssetRow> Rows(IIspDb db, IQueryable<Asset> assets, IReadOnlyList<AssetCategory> all) =>
        from a in assets
        join c in db.AssetCategories on a.CategoryId equals c.Id
        from l in db.LocationCodes.Where(l => l.Id == a.LocationCodeId).DefaultIfEmpty()
        from r in db.Routers.Where(r => r.Id == a.RouterId).DefaultIfEmpty()
        orderby a.Code
        select new AssetRow(a.Id, a.Code, a.Name, a.CategoryId, c.Name, a.PurchaseDate, a.PurchaseCost, a.AccumulatedDepreciation,
            a.PurchaseCost - a.AccumulatedDepreciation, a.Status, a.DepreciatedThrough,
            l == null ? null : l.Code + " " + l.Name, r == null ? null : r.Name);

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            throw new UnauthorizedAccessException(Actor.NotPermitted);
    }
}
