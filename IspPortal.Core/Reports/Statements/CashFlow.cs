using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Statements;

/// <param name="Code">The account code, null for the reconciliation's computed lines (net profit, other non-cash items).</param>
/// <param name="Amount">Money in (positive) or out (negative) of cash.</param>
public sealed record CashLine(string? Code, string Name, decimal Amount, string? Ledger);

/// <param name="Key"><c>operating</c>, <c>investing</c> or <c>financing</c>.</param>
public sealed record CashSection(string Key, string Title, IReadOnlyList<CashLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>
/// The indirect method: net profit, the non-cash items, and the change of every working-capital account,
/// adding up to the operating cash flow of the direct method.
/// </summary>
/// <param name="Depreciation">Beban penyusutan of the range, added back.</param>
/// <param name="DisposalResults">Loss less gain on disposing of assets: the proceeds are investing cash.</param>
/// <param name="OtherNonCash">Other entries between profit or working capital and investing or financing accounts without cash
/// (an asset bought on credit, whose debt is in Utang usaha); zero in most books.</param>
/// <param name="WorkingCapital">Per working-capital account: a rise of an asset (Piutang usaha) is cash not yet received (negative), a rise of a liability (Utang usaha, Titipan pelanggan) cash not yet paid or received in advance (positive).</param>
public sealed record CashReconciliation(decimal NetProfit, decimal Depreciation, decimal DisposalResults, decimal OtherNonCash, IReadOnlyList<CashLine> WorkingCapital)
{
    public decimal Operating => NetProfit + Depreciation + DisposalResults + OtherNonCash + WorkingCapital.Sum(l => l.Amount);
}

/// <param name="Opening">Cash and cash equivalents at the end of the day before the range.</param>
/// <param name="Accounts">Each cash, bank and clearing account with its opening (<see cref="CashLine.Amount"/> is the closing balance).</param>
public sealed record CashFlowView(
    DateOnly From, DateOnly To, decimal Opening, decimal Closing, IReadOnlyList<CashSection> Sections, CashReconciliation Reconciliation, IReadOnlyList<CashLine> Accounts)
{
    public decimal NetChange => Sections.Sum(s => s.Total);
}

/// <summary>
/// Arus kas by the direct method: every entry that moves cash, bank or gateway clearing (<see cref="StatementAccounts.IsCash"/>)
/// is classified by its other lines' accounts (<see cref="StatementAccounts.Activity"/>), each line counting with the opposite sign
/// of its own (a credit to Titipan pelanggan in a payment is money in). An entry between two cash accounts (cash to the bank,
/// a gateway payout) moves no cash. The indirect reconciliation reads month totals only.
/// </summary>
public sealed class CashFlow(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<CashFlowView>> ForAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead) || !actor.Holds(Permissions.FinanceRead))
            return Outcome.Refused<CashFlowView>("", Actor.NotPermitted);
        if (StatementRange.Check(from, to) is { Any: true } problems)
            return Outcome.Refused<CashFlowView>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var accounts = await StatementBooks.AccountsAsync(db, cancellationToken);
        var cashIds = accounts.Values.Where(a => StatementAccounts.IsCash(a.Kind)).Select(a => a.Id).ToList();
        var opening = await StatementBooks.NetAsync(db, null, from.AddDays(-1), cancellationToken);
        var closing = await StatementBooks.NetAsync(db, null, to, cancellationToken);
        var movements = await StatementBooks.OperationsAsync(db, from, to, cancellationToken);
        var direct = await OtherSidesAsync(db, cashIds, from, to, cancellationToken);

        CashLine Line(int id, decimal amount) => new(accounts[id].Code, accounts[id].Name, amount, StatementRange.Ledger(accounts[id].Code, from, to));
        CashSection Section(CashActivity activity, string key, string title) => new(key, title, [.. direct
            .Where(d => accounts[d.Key].Activity() == activity && d.Value != 0)
            .OrderBy(d => accounts[d.Key].Code, StringComparer.Ordinal)
            .Select(d => Line(d.Key, -d.Value))]);
        var sections = new[]
        {
            Section(CashActivity.Operating, "operating", "Arus kas dari aktivitas operasi"),
            Section(CashActivity.Investing, "investing", "Arus kas dari aktivitas investasi"),
            Section(CashActivity.Financing, "financing", "Arus kas dari aktivitas pendanaan"),
        };

        decimal Sum(Func<LedgerAccount, bool> which) => movements.Where(m => which(accounts[m.Key])).Sum(m => m.Value);
        var netProfit = -Sum(a => a.IsProfitAndLoss);
        var depreciation = Sum(a => a.Role == AccountRoles.Depreciation);
        var disposals = Sum(a => a.IsProfitAndLoss && a.Activity() == CashActivity.Investing);
        // Investing and financing accounts moved by entries without cash: all their movement less what the cash entries moved.
        var nonCash = -Sum(a => a.Activity() is CashActivity.Investing or CashActivity.Financing) - sections[1].Total - sections[2].Total;
        var workingCapital = movements
            .Where(m => m.Value != 0 && !accounts[m.Key].IsProfitAndLoss && accounts[m.Key].Activity() == CashActivity.Operating)
            .OrderBy(m => accounts[m.Key].Code, StringComparer.Ordinal)
            .Select(m => Line(m.Key, -m.Value))
            .ToList();
        var reconciliation = new CashReconciliation(netProfit, depreciation, disposals, nonCash - depreciation, workingCapital);

        var cashAccounts = cashIds.Where(id => opening.GetValueOrDefault(id) != 0 || closing.GetValueOrDefault(id) != 0)
            .OrderBy(id => accounts[id].Code, StringComparer.Ordinal)
            .Select(id => Line(id, closing.GetValueOrDefault(id)))
            .ToList();
        return Outcome.Done(new CashFlowView(from, to, cashIds.Sum(id => opening.GetValueOrDefault(id)), cashIds.Sum(id => closing.GetValueOrDefault(id)),
            sections, reconciliation, cashAccounts));
    }

    /// <summary>
    /// Debit minus credit per non-cash account over the lines of the entries in the range that touch a cash account: whole
    /// months from the database's cash month totals, the partial months at the edges from the lines.
    /// </summary>
    private static async Task<Dictionary<int, decimal>> OtherSidesAsync(IIspDb db, List<int> cashIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await LedgerSums.CashCounterparts(db, cashIds, from, to).AsNoTracking()
            .ToDictionaryAsync(r => r.AccountId, r => r.Net, cancellationToken);
}
