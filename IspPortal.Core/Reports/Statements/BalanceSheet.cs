using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Statements;

/// <param name="Code">The account code, null for the profit lines (they are the revenue and expense accounts together).</param>
/// <param name="Amount">On the section's normal side: assets as debit balances (accumulated depreciation negative), the rest as credit balances.</param>
/// <param name="Ledger">The account's ledger from the start of the year to the date; for the profit lines the P&amp;L report.</param>
public sealed record BalanceLine(string? Code, string Name, decimal Amount, string Ledger);

/// <param name="Key"><c>currentAssets</c>, <c>nonCurrentAssets</c>, <c>currentLiabilities</c>, <c>longTermLiabilities</c> or <c>equity</c>.</param>
public sealed record BalanceSection(string Key, string Title, IReadOnlyList<BalanceLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <param name="CurrentYearProfit">Laba tahun berjalan: this year's revenue less expenses to the date, not yet closed into Laba ditahan.</param>
/// <param name="EarlierProfit">Profit of earlier years whose December has not been closed yet (0 once every year is closed).</param>
public sealed record BalanceSheetView(
    DateOnly Date, IReadOnlyList<BalanceSection> Sections, decimal CurrentYearProfit, decimal EarlierProfit)
{
    public decimal Assets => Sections.Where(s => s.Key is "currentAssets" or "nonCurrentAssets").Sum(s => s.Total);

    public decimal Liabilities => Sections.Where(s => s.Key is "currentLiabilities" or "longTermLiabilities").Sum(s => s.Total);

    public decimal Equity => Sections.Where(s => s.Key == "equity").Sum(s => s.Total);

    /// <summary>Assets equal liabilities plus equity: always, in books where every entry balances.</summary>
    public bool Balanced => Assets == Liabilities + Equity;
}

/// <summary>
/// Neraca at the end of any day: every balance-sheet account as it stands, and the revenue and expense
/// accounts' balances (what the year-end close has not yet moved into Laba ditahan) as the equity lines
/// "Laba tahun berjalan" and, while a past December is still open, "Laba tahun lalu belum ditutup".
/// </summary>
public sealed class BalanceSheet(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<BalanceSheetView>> AtAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.FinanceRead))
            return Outcome.Refused<BalanceSheetView>("", Actor.NotPermitted);
        if (StatementRange.CheckDate(date) is { Any: true } problems)
            return Outcome.Refused<BalanceSheetView>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var accounts = await StatementBooks.AccountsAsync(db, cancellationToken);
        var balances = await StatementBooks.NetAsync(db, null, date, cancellationToken);
        var yearStart = new DateOnly(date.Year, 1, 1);
        var thisYear = await StatementBooks.NetAsync(db, yearStart, date, cancellationToken);

        decimal Profit(Dictionary<int, decimal> nets) => -nets.Where(n => accounts[n.Key].IsProfitAndLoss).Sum(n => n.Value);
        var currentYear = Profit(thisYear);
        var earlier = Profit(balances) - currentYear;

        List<BalanceLine> Lines(AccountType type, bool nonCurrent) => [.. accounts.Values
            .Where(a => a.Type == type && StatementAccounts.IsNonCurrent(a.Code) == nonCurrent && balances.GetValueOrDefault(a.Id) != 0)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new BalanceLine(a.Code, a.Name, StatementAccounts.Normal(a, balances[a.Id]), StatementRange.Ledger(a.Code, yearStart, date)))];

        var equity = accounts.Values.Where(a => a.Type == AccountType.Equity && balances.GetValueOrDefault(a.Id) != 0)
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new BalanceLine(a.Code, a.Name, -balances[a.Id], StatementRange.Ledger(a.Code, yearStart, date)))
            .ToList();
        if (earlier != 0)
            equity.Add(new BalanceLine(null, "Laba tahun lalu belum ditutup", earlier, $"/reports/profit-loss?from={yearStart.AddYears(-1):yyyy-MM-dd}&to={yearStart.AddDays(-1):yyyy-MM-dd}"));
        equity.Add(new BalanceLine(null, "Laba tahun berjalan", currentYear, $"/reports/profit-loss?from={yearStart:yyyy-MM-dd}&to={date:yyyy-MM-dd}"));

        return Outcome.Done(new BalanceSheetView(date,
        [
            new("currentAssets", "Aset lancar", Lines(AccountType.Asset, nonCurrent: false)),
            new("nonCurrentAssets", "Aset tidak lancar", Lines(AccountType.Asset, nonCurrent: true)),
            new("currentLiabilities", "Liabilitas jangka pendek", Lines(AccountType.Liability, nonCurrent: false)),
            new("longTermLiabilities", "Liabilitas jangka panjang", Lines(AccountType.Liability, nonCurrent: true)),
            new("equity", "Ekuitas", equity),
        ], currentYear, earlier));
    }
}
