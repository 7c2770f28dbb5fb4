using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Budgets;

/// <param name="Budget">Planned for the month; 0 when none.</param>
/// <param name="Actual">Posted in the month on the account's normal side (spent for expenses, earned for revenue).</param>
[FeatureApi]
public sealed record BudgetMonth(DateOnly Month, decimal Budget, decimal Actual)
{
    public decimal Variance => Budget - Actual;

    /// <summary>Actual as a share of the budget; null without a budget.</summary>
    public decimal? UsedPercent => Budget == 0 ? null : Math.Round(Actual / Budget * 100m, 1);
}

[FeatureApi]
public sealed record BudgetLine(string AccountCode, string AccountName, AccountType Type, IReadOnlyList<BudgetMonth> Months)
{
    public decimal Budget => Months.Sum(m => m.Budget);

    public decimal Actual => Months.Sum(m => m.Actual);
}

/// <summary>
/// Budgets per account per month for a fiscal year (January to December) and how the books compare:
/// Finance plans, Finance and managers read. Actuals come from the ledger, leaving out the year-end
/// closing entries (they empty the P&amp;L accounts, they are not spending).
/// </summary>
[FeatureApi]
public sealed class BudgetPlans(IIspDbFactory dbs, LedgerAccounts accounts, ICurrentUser currentUser, TimeProvider clock)
{
    public const decimal MaxMonthlyAmount = 1_000_000_000_000m;

    public async Task<Outcome<IReadOnlyList<BudgetLine>>> ForYearAsync(int year, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<IReadOnlyList<BudgetLine>>("", Actor.NotPermitted);
        if (year is < 2000 or > 2100)
            return Outcome.Refused<IReadOnlyList<BudgetLine>>("Year", "Tahun anggaran tidak valid.");
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Month >= from && b.Month <= to).ToListAsync(cancellationToken);
        var accountIds = budgets.Select(b => b.AccountId).Distinct().ToList();
        var actuals = await ActualsAsync(db, accountIds, from, to, cancellationToken);
        var budgeted = await db.LedgerAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<BudgetLine>>([.. budgeted.Select(a => new BudgetLine(a.Code, a.Name, a.Type,
            [.. Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1)).Select(month => new BudgetMonth(month,
                budgets.Where(b => b.AccountId == a.Id && b.Month == month).Sum(b => b.Amount),
                Signed(a.Type, actuals.GetValueOrDefault((a.Id, month)))))]))]);
    }

    /// <summary>Sets an account's twelve months of <paramref name="year"/> at once (0 removes a month's budget).</summary>
    public async Task<Outcome<BudgetLine>> SaveYearAsync(string accountCode, int year, IReadOnlyList<decimal> monthly, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors()
            .When(year is < 2000 or > 2100, "Year", "Tahun anggaran tidak valid.")
            .When(monthly.Count != 12, "Amounts", "Anggaran diisi untuk dua belas bulan.")
            .When(monthly.Any(a => a < 0 || a > MaxMonthlyAmount), "Amounts", "Anggaran per bulan antara Rp 0 dan Rp 1 triliun.")
            .When(monthly.Any(a => decimal.Truncate(a) != a), "Amounts", "Anggaran dalam rupiah penuh, tanpa sen.");
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<BudgetLine>("", Actor.NotPermitted);
        if (errors.Any)
            return Outcome.Refused<BudgetLine>(errors);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await accounts.MapAsync(db, cancellationToken);
        var account = await db.LedgerAccounts.SingleOrDefaultAsync(a => a.Code == accountCode.Trim(), cancellationToken);
        if (account is null)
            return Outcome.Refused<BudgetLine>("AccountCode", $"Akun {accountCode} tidak ditemukan.");
        if (!account.IsProfitAndLoss)
            return Outcome.Refused<BudgetLine>("AccountCode", $"Anggaran hanya untuk akun pendapatan atau beban; {account.Code} {account.Name} bukan.");

        var now = clock.GetUtcNow();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));
        var existing = await db.Budgets.Where(b => b.AccountId == account.Id && b.Month >= from && b.Month <= to).ToDictionaryAsync(b => b.Month, cancellationToken);
        for (var m = 0; m < 12; m++)
        {
            var month = new DateOnly(year, m + 1, 1);
            if (existing.TryGetValue(month, out var budget))
            {
                if (monthly[m] == 0)
                    db.Budgets.Remove(budget);
                else
                    budget.Change(monthly[m], now);
            }
            else if (monthly[m] > 0)
            {
                db.Budgets.Add(new Budget(account.Id, month, monthly[m], now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var lines = await ForYearAsync(year, cancellationToken);
        return Outcome.Done(lines.Value!.SingleOrDefault(l => l.AccountCode == account.Code)
            ?? new BudgetLine(account.Code, account.Name, account.Type, [.. Enumerable.Range(1, 12).Select(m => new BudgetMonth(new DateOnly(year, m, 1), 0, 0))]));
    }

    /// <summary>Debit minus credit per account and month, without year-end closing entries.</summary>
    internal static async Task<Dictionary<(int AccountId, DateOnly Month), decimal>> ActualsAsync(IIspDb db, IReadOnlyCollection<int> accountIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.JournalLines.AsNoTracking()
            .Where(l => accountIds.Contains(l.AccountId) && l.EntryDate >= from && l.EntryDate <= to
                && l.Entry!.SourceType != JournalSource.YearClose && l.Entry.SourceType != JournalSource.YearReopen)
            .GroupBy(l => new { l.AccountId, l.EntryDate.Year, l.EntryDate.Month })
            .Select(g => new { g.Key.AccountId, g.Key.Year, g.Key.Month, Net = g.Sum(l => l.Debit - l.Credit) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.AccountId, new DateOnly(r.Year, r.Month, 1)), r => r.Net);
    }

    internal static decimal Signed(AccountType type, decimal debitMinusCredit) =>
        LedgerAccount.IsDebitNormalType(type) ? debitMinusCredit : -debitMinusCredit;
}
