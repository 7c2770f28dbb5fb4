using IspPortal.Core.Common;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Investments;

public sealed record InvestmentSummary(
    int Id, string Code, string Name, DateOnly StartDate, InvestmentStatus Status, decimal PlannedAmount,
    decimal Invested, decimal Revenue, decimal Costs, decimal? RoiPercent, int? PaybackMonths);

public sealed record LinkedItem(int Id, string Code, string Name, decimal? Amount = null);

public sealed record InvestmentDetail(
    Investment Investment, IReadOnlyList<LinkedItem> Locations, IReadOnlyList<LinkedItem> Routers, IReadOnlyList<LinkedItem> Assets,
    IReadOnlyList<LinkedItem> Expenses, IReadOnlyList<LinkedItem> Income, InvestmentReturn Return);

/// <summary>What can still be linked to an investment: locations, routers and assets not linked yet, approved expenses and other income not tagged with any.</summary>
public sealed record InvestmentChoices(
    IReadOnlyList<LinkedItem> Locations, IReadOnlyList<LinkedItem> Routers, IReadOnlyList<LinkedItem> Assets, IReadOnlyList<LinkedItem> Expenses, IReadOnlyList<LinkedItem> Income);

/// <summary>
/// Reads investments (finance.read) and computes their return (<see cref="InvestmentReturns"/>) from the books:
/// <list type="bullet">
/// <item>revenue: subscription and installation revenue (with their discounts and credit notes) on
/// journal lines whose customer dimension is a customer now at a linked location or on a linked router,
/// dated from the start; plus other income tagged with it (tower rent at the site: its amount is what
/// was credited to revenue, income carries no VAT);</item>
/// <item>costs: approved expenses tagged with it (net of VAT) whose category posts to an expense
/// account, and every depreciation entry of its assets (linked, or tagged on the asset);</item>
/// <item>invested: the purchase cost of those assets plus tagged expenses whose category posts to an asset account.</item>
/// </list>
/// </summary>
public sealed class InvestmentBook(IIspDbFactory dbs, LedgerAccounts ledger, IspClock ispClock, ICurrentUser currentUser)
{
    public const string NotFound = "Investasi tidak ditemukan.";

    public static readonly string[] RevenueRoles =
        [AccountRoles.SubscriptionRevenue, AccountRoles.InstallationRevenue, AccountRoles.SalesDiscount, AccountRoles.CreditNotes];

    public async Task<Outcome<IReadOnlyList<InvestmentSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(cancellationToken))
            return Outcome.Refused<IReadOnlyList<InvestmentSummary>>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        var investments = await WithLinksAsync(db, db.Investments.OrderByDescending(i => i.StartDate).ThenBy(i => i.Code), cancellationToken);
        var rows = new List<InvestmentSummary>(investments.Count);
        foreach (var investment in investments)
        {
            var result = await ReturnAsync(db, map, investment, today, cancellationToken);
            rows.Add(new InvestmentSummary(investment.Id, investment.Code, investment.Name, investment.StartDate, investment.Status, investment.PlannedAmount,
                result.Invested, result.Revenue, result.Costs, result.RoiPercent, result.PaybackMonths));
        }
        return Outcome.Done<IReadOnlyList<InvestmentSummary>>(rows);
    }

    public async Task<Outcome<InvestmentDetail>> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(cancellationToken))
            return Outcome.Refused<InvestmentDetail>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var investment = await LoadAsync(db, id, cancellationToken);
        if (investment is null)
            return Outcome.Refused<InvestmentDetail>("id", NotFound);
        var today = await ispClock.TodayAsync(cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        var locationIds = investment.Locations.Select(l => l.LocationCodeId).ToList();
        var routerIds = investment.Routers.Select(r => r.RouterId).ToList();
        var locations = await db.LocationCodes.AsNoTracking().Where(l => locationIds.Contains(l.Id)).OrderBy(l => l.Code)
            .Select(l => new LinkedItem(l.Id, l.Code, l.Name, null)).ToListAsync(cancellationToken);
        var routers = await db.Routers.AsNoTracking().Where(r => routerIds.Contains(r.Id)).OrderBy(r => r.Code)
            .Select(r => new LinkedItem(r.Id, r.Code, r.Name, null)).ToListAsync(cancellationToken);
        var assets = await AssetsOf(db, investment).OrderBy(a => a.Code)
            .Select(a => new LinkedItem(a.Id, a.Code, a.Name, a.PurchaseCost)).ToListAsync(cancellationToken);
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.InvestmentId == id).OrderBy(e => e.ExpenseDate).ThenBy(e => e.Id)
            .Select(e => new LinkedItem(e.Id, e.Number, e.Description, e.Amount)).ToListAsync(cancellationToken);
        var income = await db.Income.AsNoTracking().Where(i => i.InvestmentId == id).OrderBy(i => i.IncomeDate).ThenBy(i => i.Id)
            .Select(i => new LinkedItem(i.Id, i.Number, i.Description, i.Amount)).ToListAsync(cancellationToken);
        return Outcome.Done(new InvestmentDetail(investment, locations, routers, assets, expenses, income,
            await ReturnAsync(db, map, investment, today, cancellationToken)));
    }

    /// <summary>What the detail page's pickers offer for <paramref name="id"/>.</summary>
    public async Task<Outcome<InvestmentChoices>> ChoicesAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(cancellationToken))
            return Outcome.Refused<InvestmentChoices>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var investment = await LoadAsync(db, id, cancellationToken);
        if (investment is null)
            return Outcome.Refused<InvestmentChoices>("id", NotFound);
        var locationIds = investment.Locations.Select(l => l.LocationCodeId).ToList();
        var routerIds = investment.Routers.Select(r => r.RouterId).ToList();
        var assetIds = investment.Assets.Select(a => a.AssetId).ToList();
        var locations = await db.LocationCodes.AsNoTracking().Where(l => !locationIds.Contains(l.Id)).OrderBy(l => l.Code)
            .Select(l => new LinkedItem(l.Id, l.Code, l.Name, null)).ToListAsync(cancellationToken);
        var routers = await db.Routers.AsNoTracking().Where(r => !routerIds.Contains(r.Id)).OrderBy(r => r.Code)
            .Select(r => new LinkedItem(r.Id, r.Code, r.Name, null)).ToListAsync(cancellationToken);
        var assets = await db.Assets.AsNoTracking().Where(a => !assetIds.Contains(a.Id) && a.InvestmentId != id).OrderBy(a => a.Code)
            .Select(a => new LinkedItem(a.Id, a.Code, a.Name, a.PurchaseCost)).ToListAsync(cancellationToken);
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.InvestmentId == null && e.Status == ExpenseStatus.Approved)
            .OrderByDescending(e => e.ExpenseDate).ThenByDescending(e => e.Id).Take(200)
            .Select(e => new LinkedItem(e.Id, e.Number, e.Description, e.Amount)).ToListAsync(cancellationToken);
        var income = await db.Income.AsNoTracking().Where(i => i.InvestmentId == null)
            .OrderByDescending(i => i.IncomeDate).ThenByDescending(i => i.Id).Take(200)
            .Select(i => new LinkedItem(i.Id, i.Number, i.Description, i.Amount)).ToListAsync(cancellationToken);
        return Outcome.Done(new InvestmentChoices(locations, routers, assets, expenses, income));
    }

    /// <summary>The return of <paramref name="investment"/> (loaded with its links) through <paramref name="today"/>.</summary>
    public static async Task<InvestmentReturn> ReturnAsync(IIspDb db, AccountMap map, Investment investment, DateOnly today, CancellationToken cancellationToken = default)
    {
        var start = investment.StartDate;
        var revenueAccounts = RevenueRoles.Select(r => map[r]).ToList();
        var locationIds = investment.Locations.Select(l => l.LocationCodeId).ToList();
        var routerIds = investment.Routers.Select(r => r.RouterId).ToList();
        var customers = db.Customers.IgnoreQueryFilters()
            .Where(c => locationIds.Contains(c.LocationCodeId) || (c.RouterId != null && routerIds.Contains(c.RouterId.Value)))
            .Select(c => c.Id);
        var revenue = locationIds.Count + routerIds.Count == 0 ? [] : await db.JournalLines
            .Where(l => revenueAccounts.Contains(l.AccountId) && l.EntryDate >= start && l.EntryDate <= today
                && l.CustomerId != null && customers.Contains(l.CustomerId.Value))
            .GroupBy(l => new { l.EntryDate.Year, l.EntryDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(l => l.Credit - l.Debit) })
            .ToListAsync(cancellationToken);
        var income = await db.Income.AsNoTracking().Where(i => i.InvestmentId == investment.Id)
            .Select(i => new { i.IncomeDate, i.Amount }).ToListAsync(cancellationToken);

        var assets = await AssetsOf(db, investment).Select(a => new { a.Id, a.PurchaseDate, a.PurchaseCost }).ToListAsync(cancellationToken);
        var depreciationKeys = new List<string>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var asset in assets)
        {
            // Every month of the asset's life counts: one bought before the start still serves the project;
            // months before the start fold into the start month (InvestmentReturns).
            for (var month = new DateOnly(asset.PurchaseDate.Year, asset.PurchaseDate.Month, 1); month <= thisMonth; month = month.AddMonths(1))
                depreciationKeys.Add(AssetPostings.DepreciationKey(asset.Id, month));
        }
        var depreciationAccount = map[AccountRoles.Depreciation];
        var depreciation = depreciationKeys.Count == 0 ? [] : await db.JournalLines
            .Where(l => l.AccountId == depreciationAccount && l.Entry!.SourceType == JournalSource.Depreciation && depreciationKeys.Contains(l.Entry.SourceKey))
            .GroupBy(l => new { l.EntryDate.Year, l.EntryDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(l => l.Debit - l.Credit) })
            .ToListAsync(cancellationToken);

        var expenses = await db.Expenses.AsNoTracking().Where(e => e.InvestmentId == investment.Id && e.Status == ExpenseStatus.Approved)
            .Join(db.ExpenseCategories, e => e.CategoryId, c => c.Id, (e, c) => new { e.ExpenseDate, e.Amount, c.AccountId })
            .Join(db.LedgerAccounts, e => e.AccountId, a => a.Id, (e, a) => new { e.ExpenseDate, e.Amount, Capital = a.Type == AccountType.Asset })
            .ToListAsync(cancellationToken);

        var invested = assets.Sum(a => a.PurchaseCost) + expenses.Where(e => e.Capital).Sum(e => e.Amount);
        var earned = revenue.Select(r => new DatedAmount(new DateOnly(r.Year, r.Month, 1), r.Amount))
            .Concat(income.Select(i => new DatedAmount(i.IncomeDate, i.Amount)));
        var costs = expenses.Where(e => !e.Capital).Select(e => new DatedAmount(e.ExpenseDate, e.Amount))
            .Concat(depreciation.Select(d => new DatedAmount(new DateOnly(d.Year, d.Month, 1), d.Amount)));
        return InvestmentReturns.Compute(start, today, invested, earned, costs);
    }

    private async Task<bool> MayReadAsync(CancellationToken cancellationToken) =>
        (await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead);

    private static async Task<Investment?> LoadAsync(IIspDb db, int id, CancellationToken cancellationToken) =>
        (await WithLinksAsync(db, db.Investments.Where(i => i.Id == id), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// The investments with their locations, routers and assets, each list in its own query: one query joining three collections
    /// returns every combination of their rows. The lists fill by the context's fix-up, so the investments are tracked (only read here).
    /// </summary>
    private static async Task<List<Investment>> WithLinksAsync(IIspDb db, IQueryable<Investment> query, CancellationToken cancellationToken)
    {
        var investments = await query.ToListAsync(cancellationToken);
        var ids = investments.Select(i => i.Id).ToList();
        await db.InvestmentLocations.Where(l => ids.Contains(l.InvestmentId)).LoadAsync(cancellationToken);
        await db.InvestmentRouters.Where(r => ids.Contains(r.InvestmentId)).LoadAsync(cancellationToken);
        await db.InvestmentAssets.Where(a => ids.Contains(a.InvestmentId)).LoadAsync(cancellationToken);
        return investments;
    }

    /// <summary>The assets linked to the investment or tagged with it.</summary>
    private static IQueryable<Asset> AssetsOf(IIspDb db, Investment investment)
    {
        var linked = investment.Assets.Select(a => a.AssetId).ToList();
        return db.Assets.AsNoTracking().Where(a => a.InvestmentId == investment.Id || linked.Contains(a.Id));
    }
}
