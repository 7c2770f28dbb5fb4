using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Capital;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's books, so every finance screen and report shows something real: the capital paid in
/// at the start (a capital injection "Setoran modal awal", posted as InjectCapital posts it), the network's
/// fixed assets bought early and depreciated every ended month (<see cref="AssetPostings"/>, as the
/// depreciation job does), the billing history (<see cref="DemoBilling"/>), monthly expenses and other
/// income (<see cref="DemoExpenses"/>), this year's budget for the main expense accounts, and every
/// month before last closed in order (with the year-end entry when December closes), as
/// <see cref="ClosePeriod"/> does. All of it relative to "now" and deterministic, in the seed's transaction.
/// </summary>
public sealed class DemoBooks(
    IspDbContext db, DemoBilling billing, DemoExpenses expenses, LedgerAccounts accounts, AssetCategories assetCategories,
    AssetPostings assetPostings, IJournalWriter journal, IEnumerable<IPeriodClosingStep> closingSteps, YearEndEntries yearEnd, IspClock ispClock,
    TimeProvider clock, ILogger<DemoBooks> logger)
{
    /// <summary>Full months of history before this one.</summary>
    public const int Months = 12;

    public const decimal Capital = 1_000_000_000m;

    public const string InvestmentCode = "INV-KRW-01";

    /// <summary>Bank BCA in the standard chart, where the demo's capital, transfers and most bills go.</summary>
    public const string BankCode = "1-1201";

    private sealed record DemoAsset(string Code, string Name, string Category, decimal Cost, decimal Salvage, DepreciationMethod Method, string? Router, int PurchaseDay);

    private static readonly DemoAsset[] Assets =
    [
        new("OLT-CKP-01", "OLT Huawei MA5608T Cikampek", "network", 85_000_000m, 5_000_000m, DepreciationMethod.StraightLine, "CKP", 3),
        new("RTR-CKP-01", "Router MikroTik CCR2004 Cikampek Pusat", "network", 14_500_000m, 0m, DepreciationMethod.DecliningBalance, "CKP", 4),
        new("RTR-KTB-01", "Router MikroTik CCR2004 Kotabaru", "network", 14_500_000m, 0m, DepreciationMethod.DecliningBalance, "KTB", 4),
        new("RTR-KRW-01", "Router MikroTik CCR2004 Karawang Barat", "network", 14_500_000m, 0m, DepreciationMethod.DecliningBalance, "KRW", 4),
        new("TWR-KTB-01", "Menara 32 m Kotabaru", "tower", 240_000_000m, 20_000_000m, DepreciationMethod.StraightLine, "KTB", 6),
        new("FO-CKP-KRW", "Jaringan FO backbone Cikampek–Karawang", "fiber", 180_000_000m, 0m, DepreciationMethod.StraightLine, null, 8),
    ];

    public async Task SeedAsync(IReadOnlyList<(Customer Customer, ServicePackage Package)> customers, DateTimeOffset now, DemoPeople people, CancellationToken cancellationToken)
    {
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var today = IspClock.DayOf(now, zone);
        var thisMonth = Invoice.FirstDayOf(today);
        var start = thisMonth.AddMonths(-Months);
        var map = await accounts.MapAsync(db, cancellationToken);
        var bank = map.ByCode(BankCode)?.Id ?? map[AccountRoles.DefaultBank];

        var started = clock.GetTimestamp();
        void Done(string part) => logger.LogInformation("Demo books: {Part} after {Milliseconds} ms", part, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        await CapitalAsync(map, bank, start, zone, people, cancellationToken);
        await AssetsAsync(bank, start, thisMonth, zone, people, cancellationToken);
        await InvestmentAsync(start, zone, people, cancellationToken);
        Done("capital, assets and investment");
        await billing.SeedAsync(customers, now, people, cancellationToken);
        Done("billing");
        // Everything so far is saved; later saves need not look through thousands of invoices and payments for changes.
        db.ChangeTracker.Clear();
        var plan = await expenses.SeedAsync(bank, start, today, now, people, cancellationToken);
        await BudgetAsync(plan, today, now, cancellationToken);
        Done("expenses, income and budget");
        await CloseAsync(start, thisMonth.AddMonths(-2), zone, people, cancellationToken);
        Done("closing");
    }

    private async Task CapitalAsync(AccountMap map, int bank, DateOnly start, TimeZoneInfo zone, DemoPeople people, CancellationToken cancellationToken)
    {
        var injection = new CapitalInjection(start, Capital, bank, "Pemilik", "Setoran modal awal", "demo-capital-initial",
            people.Finance, DemoPaymentBehaviour.At(start, 9, zone));
        db.CapitalInjections.Add(injection);
        await db.SaveChangesAsync(cancellationToken);
        await journal.PostAsync(db, [CapitalPosting.Entry(injection, map, people.Finance)], cancellationToken);
    }

    private async Task AssetsAsync(int bank, DateOnly start, DateOnly thisMonth, TimeZoneInfo zone, DemoPeople people, CancellationToken cancellationToken)
    {
        var categories = await assetCategories.ListAsync(db, cancellationToken);
        var routers = await db.Routers.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var bought = new List<(Asset Asset, AssetCategory Category)>();
        foreach (var demo in Assets)
        {
            var category = categories.Single(c => c.Code == demo.Category);
            var router = demo.Router is null ? null : routers[demo.Router];
            var purchased = start.AddDays(demo.PurchaseDay - 1);
            var asset = new Asset
            {
                Code = demo.Code,
                Name = demo.Name,
                CategoryId = category.Id,
                RouterId = router?.Id,
                LocationCodeId = router?.LocationCodeId,
                PurchaseDate = purchased,
                PurchaseCost = demo.Cost,
                SalvageValue = demo.Salvage,
                UsefulLifeMonths = category.DefaultUsefulLifeMonths,
                DepreciationMethod = demo.Method,
                DecliningRate = demo.Method == DepreciationMethod.DecliningBalance ? AssetCategory.DecliningRateFor(category.DefaultUsefulLifeMonths) : null,
                PaidFromAccountId = bank,
                RecordedById = people.Finance,
                CreatedAt = DemoPaymentBehaviour.At(purchased, 11, zone),
            };
            db.Assets.Add(asset);
            bought.Add((asset, category));
        }
        await db.SaveChangesAsync(cancellationToken);
        // Bought, then every ended month's depreciation booked, as the daily job does through the last ended month.
        foreach (var (asset, category) in bought)
        {
            await assetPostings.PurchasedAsync(db, asset, category, people.Finance, cancellationToken);
            await assetPostings.DepreciateAsync(db, asset, category, thisMonth.AddDays(-1), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The Karawang Barat expansion as an investment: its router (whose customers' revenue it earns), and the
    /// router and backbone bought for it (their cost invested, their depreciation its cost).
    /// </summary>
    private async Task InvestmentAsync(DateOnly start, TimeZoneInfo zone, DemoPeople people, CancellationToken cancellationToken)
    {
        var investment = new Investment
        {
            Code = InvestmentCode,
            Name = "Perluasan Karawang Barat",
            StartDate = start,
            PlannedAmount = 200_000_000m,
            Description = "Router CCR2004 dan backbone FO Cikampek–Karawang untuk pelanggan Karawang Barat.",
            Status = InvestmentStatus.Active,
            RecordedById = people.Finance,
            CreatedAt = DemoPaymentBehaviour.At(start, 9, zone),
        };
        var router = await db.Routers.SingleAsync(r => r.Code == "KRW", cancellationToken);
        investment.Routers.Add(new InvestmentRouter { RouterId = router.Id });
        foreach (var asset in await db.Assets.Where(a => a.Code == "RTR-KRW-01" || a.Code == "FO-CKP-KRW").ToListAsync(cancellationToken))
            investment.Assets.Add(new InvestmentAsset { AssetId = asset.Id });
        db.Investments.Add(investment);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>This year's budget for the main expense accounts: each month what the plan expects, with some room.</summary>
    private async Task BudgetAsync(IReadOnlyDictionary<int, decimal> monthlyByAccount, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (account, monthly) in monthlyByAccount)
        {
            var amount = Math.Ceiling(monthly * 1.2m / 100_000m) * 100_000m;
            for (var month = 1; month <= 12; month++)
                db.Budgets.Add(new Budget(account, new DateOnly(today.Year, month, 1), amount, now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes <paramref name="from"/> through <paramref name="through"/> in order, each a few days after it ended.</summary>
    private async Task CloseAsync(DateOnly from, DateOnly through, TimeZoneInfo zone, DemoPeople people, CancellationToken cancellationToken)
    {
        for (var month = from; month <= through; month = month.AddMonths(1))
        {
            // The seed has booked what the steps would prepare (depreciation); their check still holds it to that.
            foreach (var step in closingSteps)
            {
                if (await step.CheckAsync(db, month, cancellationToken) is { } refusal)
                    throw new InvalidOperationException($"Demo month {month:yyyy-MM} cannot close: {refusal}");
            }
            if (month.Month == 12)
                await yearEnd.CloseAsync(db, month.Year, people.Finance, cancellationToken);
            db.LedgerPeriods.Add(new LedgerPeriod(month, people.Finance, DemoPaymentBehaviour.At(month.AddMonths(1).AddDays(4), 10, zone)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
