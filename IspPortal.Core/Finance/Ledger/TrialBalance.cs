using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <param name="Debit">The account's net balance when it lies on the debit side, else zero.</param>
/// <param name="Credit">The account's net balance when it lies on the credit side, else zero.</param>
/// <param name="Abnormal">The balance lies opposite the account's normal side (an overdrawn cash account, a contra account).</param>
public sealed record TrialBalanceRow(string Code, string Name, AccountType Type, decimal Debit, decimal Credit, bool Abnormal);

/// <param name="Debit">The debit column's total; equal to <paramref name="Credit"/> in a sound ledger.</param>
public sealed record TrialBalanceView(DateOnly Date, decimal Debit, decimal Credit, IReadOnlyList<TrialBalanceRow> Accounts)
{
    public bool Balanced => Debit == Credit;
}

/// <summary>
/// Every account's balance at the end of a day (<see cref="LedgerSums"/>: month totals, then the
/// lines of the day's own month), each balance net in exactly one column. Revenue and expense accounts are included as they
/// stand (no year-end logic here: closing entries are postings like any other).
/// </summary>
public sealed class TrialBalance(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public async Task<Outcome<TrialBalanceView>> AtAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<TrialBalanceView>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var nets = await LedgerSums.Between(db, null, date)
            .ToDictionaryAsync(s => s.AccountId, s => s.Net, cancellationToken);
        var accounts = await db.LedgerAccounts.AsNoTracking()
            .Where(a => nets.Keys.Contains(a.Id))
            .OrderBy(a => a.Code)
            .ToListAsync(cancellationToken);
        var rows = accounts
            .Where(a => nets[a.Id] != 0)
            .Select(a => Row(a, nets[a.Id]))
            .ToList();
        return Outcome.Done(new TrialBalanceView(date, rows.Sum(r => r.Debit), rows.Sum(r => r.Credit), rows));
    }

    private static TrialBalanceRow Row(LedgerAccount account, decimal net) =>
        new(account.Code, account.Name, account.Type, Math.Max(net, 0), Math.Max(-net, 0), account.IsDebitNormal ? net < 0 : net > 0);
}
