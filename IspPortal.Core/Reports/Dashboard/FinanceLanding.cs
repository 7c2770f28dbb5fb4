using IspPortal.Core.Common;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Receivables;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Dashboard;

/// <summary>A cash or bank account's balance in the ledger at the end of the day.</summary>
public sealed record CashBalance(string Code, string Name, AccountKind Kind, decimal Balance);

/// <param name="Budget">Planned on the budgeted accounts of the type.</param>
/// <param name="Actual">Posted on those accounts (earned for revenue, spent for expenses), as the budget page counts it.</param>
public sealed record BudgetFigures(decimal Budget, decimal Actual)
{
    public decimal Variance => Budget - Actual;

    /// <summary>Actual as a share of the budget, rounded to 0.1; null without a budget.</summary>
    public decimal? UsedPercent => Budget == 0 ? null : Math.Round(Actual / Budget * 100m, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Budget against actual for revenue and for expenses, this month and year to date (January to this month).</summary>
public sealed record BudgetComparison(BudgetFigures RevenueMonth, BudgetFigures ExpenseMonth, BudgetFigures RevenueYear, BudgetFigures ExpenseYear);

/// <param name="Aging">Receivables aging today; null without billing.read.</param>
public sealed record FinanceLandingView(
    DateOnly Today, IReadOnlyList<CashBalance> CashAndBank, AgingSummary? Aging, BudgetComparison Budget)
{
    public decimal CashTotal => CashAndBank.Sum(a => a.Balance);
}

/// <summary>
/// Finance's landing figures: cash and bank balances from the ledger (<see cref="LedgerSums"/>, as the
/// trial balance reads them), the receivables aging today (<see cref="ReceivablesAging"/>) and budget vs actual
/// (<see cref="BudgetPlans"/>'s comparison). Needs finance.read.
/// </summary>
public sealed class FinanceLanding(IIspDbFactory dbs, ICurrentUser currentUser, IspClock clock, ReceivablesAging aging, BudgetPlans budgets)
{
    public async Task<Outcome<FinanceLandingView>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceRead))
            return Outcome.Refused<FinanceLandingView>("", Actor.NotPermitted);
        var today = await clock.TodayAsync(cancellationToken);

        List<CashBalance> cash;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            var accounts = await db.LedgerAccounts.AsNoTracking()
                .Where(a => a.Kind == AccountKind.Cash || a.Kind == AccountKind.Bank)
                .OrderBy(a => a.Code).ToListAsync(cancellationToken);
            // Every account's sum, as the trial balance reads it (the month totals keep it to a few hundred rows).
            var nets = await LedgerSums.Between(db, null, today).ToDictionaryAsync(s => s.AccountId, s => s.Net, cancellationToken);
            cash = [.. accounts.Where(a => a.IsActive || nets.GetValueOrDefault(a.Id) != 0)
                .Select(a => new CashBalance(a.Code, a.Name, a.Kind, nets.GetValueOrDefault(a.Id)))];
        }

        var agingView = actor.Holds(Permissions.BillingRead) && actor.Holds(Permissions.ReportsRead)
            ? (await aging.SummaryAsync(today, AgingFilter.None, cancellationToken)).Value
            : null;

        var lines = (await budgets.ForYearAsync(today.Year, cancellationToken)).Value ?? [];
        var month = new DateOnly(today.Year, today.Month, 1);
        BudgetFigures Figures(AccountType type, Func<BudgetMonth, bool> counted)
        {
            var months = lines.Where(l => l.Type == type).SelectMany(l => l.Months).Where(counted).ToList();
            return new BudgetFigures(months.Sum(m => m.Budget), months.Sum(m => m.Actual));
        }
        var comparison = new BudgetComparison(
            Figures(AccountType.Revenue, m => m.Month == month), Figures(AccountType.Expense, m => m.Month == month),
            Figures(AccountType.Revenue, m => m.Month <= month), Figures(AccountType.Expense, m => m.Month <= month));
        return Outcome.Done(new FinanceLandingView(today, cash, agingView, comparison));
    }
}
