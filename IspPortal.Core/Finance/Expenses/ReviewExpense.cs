using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Expenses;

/// <summary>
/// Finance decides on a submitted expense (approve posts it, reject with a reason posts nothing) and
/// pays an owed one. Each locks the expense's row, so two clicks or two people decide once.
/// </summary>
public sealed class ReviewExpense(
    IIspDbFactory dbs, IDatabaseLocks locks, LedgerAccounts ledger, FinanceCategories categories, IJournalWriter journal,
    IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<ExpenseStatus>> ApproveAsync(int expenseId, CancellationToken cancellationToken = default) =>
        await DecideAsync(expenseId, null, cancellationToken);

    public async Task<Outcome<ExpenseStatus>> RejectAsync(int expenseId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Expense.ReasonMaxLength)
            return Outcome.Refused<ExpenseStatus>("reason", $"Alasan penolakan wajib diisi (maks. {Expense.ReasonMaxLength} karakter).");
        return await DecideAsync(expenseId, reason.Trim(), cancellationToken);
    }

    /// <param name="paidFrom"><see cref="MoneyAccounts.Cash"/> or a bank account's code.</param>
    /// <param name="paidOn">The day the money left; null for today.</param>
    public async Task<Outcome<ExpenseStatus>> PayAsync(int expenseId, string paidFrom, DateOnly? paidOn = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<ExpenseStatus>("", Actor.NotPermitted);
        var today = await ispClock.TodayAsync(cancellationToken);
        var day = paidOn ?? today;
        if (day > today)
            return Outcome.Refused<ExpenseStatus>("paidOn", "Tanggal bayar tidak boleh di masa depan.");

        await using var db = await dbs.CreateAsync(cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        if (MoneyAccounts.Resolve(map, paidFrom) is not { } account)
            return Outcome.Refused<ExpenseStatus>("paidFrom", $"Sumber dana '{paidFrom}' tidak dikenal: pilih kas atau akun bank.");
        if (await ClosedPeriods.RefusalAsync(db, day, cancellationToken) is { } closed)
            return Outcome.Refused<ExpenseStatus>("paidOn", closed);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockedAsync(db, expenseId, cancellationToken) is not { } expense)
            return Outcome.Refused<ExpenseStatus>("", "Pengeluaran tidak ditemukan.");
        if (!expense.IsOutstanding)
            return Outcome.Refused<ExpenseStatus>("", $"Pengeluaran {expense.Number} bukan utang yang menunggu dibayar.");
        if (day < expense.ExpenseDate)
            return Outcome.Refused<ExpenseStatus>("paidOn", "Tanggal bayar tidak boleh sebelum tanggal pengeluaran.");
        expense.Pay(account, day);
        await db.SaveChangesAsync(cancellationToken);
        await journal.PostAsync(db, [ExpensePosting.Payment(expense, map, actor.UserId)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(expense.Status);
    }

    private async Task<Outcome<ExpenseStatus>> DecideAsync(int expenseId, string? rejection, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.FinanceWrite))
            return Outcome.Refused<ExpenseStatus>("", Actor.NotPermitted);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var all = await categories.ExpenseAsync(db, cancellationToken);
        var map = await ledger.MapAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockedAsync(db, expenseId, cancellationToken) is not { } expense)
            return Outcome.Refused<ExpenseStatus>("", "Pengeluaran tidak ditemukan.");
        if (expense.Status != ExpenseStatus.Submitted)
            return Outcome.Refused<ExpenseStatus>("", $"Pengeluaran {expense.Number} sudah diputuskan ({expense.Status}).");
        if (rejection is not null)
            expense.Reject(rejection);
        else
        {
            if (await ClosedPeriods.RefusalAsync(db, expense.ExpenseDate, cancellationToken) is { } closed)
                return Outcome.Refused<ExpenseStatus>("", closed + " Tolak pengajuan ini dan catat ulang di bulan yang terbuka.");
            expense.Approve(actor.UserId, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        if (rejection is null)
            await journal.PostAsync(db, [ExpensePosting.Entry(expense, all.Single(c => c.Id == expense.CategoryId), map, actor.UserId)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(expense.Status);
    }

    /// <summary>The expense read after taking its lock, so a decision made meanwhile is seen.</summary>
    private async Task<Expense?> LockedAsync(IIspDb db, int expenseId, CancellationToken cancellationToken)
    {
        await locks.LockForTransactionAsync(db, $"expense:{expenseId}", cancellationToken);
        return await db.Expenses.SingleOrDefaultAsync(e => e.Id == expenseId, cancellationToken);
    }
}
