using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Finance.Expenses;

/// <param name="AlreadyRecorded">Months whose expense existed (a retry, another instance, a crash after recording).</param>
/// <param name="SkippedClosed">Months falling in a closed period, passed over with a warning.</param>
public sealed record RecurringRun(int Recorded, int AlreadyRecorded, int SkippedClosed, int Failed);

/// <summary>
/// Records every recurring expense's due months through a day, catching up months missed while the
/// portal was down, each through <see cref="RecordExpense"/> (approved and posted at once by the
/// acting system) with the key <c>recurring:{id}:{yyyy-MM}</c>: whoever records a month first wins
/// and everyone else finds that expense, so a retry, a second instance or two runs at once make
/// exactly one expense per month. A month in a closed period is skipped with a warning and not
/// tried again: its books are signed, and a bill missed there is a correction Finance enters in
/// the open month (recording it silently into the next month would misstate both).
/// </summary>
public sealed class CreateRecurringExpenses(
    IIspDbFactory dbs, IDatabaseLocks locks, RecordExpense record, LedgerAccounts ledger, FinanceCategories categories, IspClock ispClock,
    ICurrentUser currentUser, ILogger<CreateRecurringExpenses> logger)
{
    public const string LockName = "job:recurring-expenses";

    public async Task<Outcome<RecurringRun>> ExecuteAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceWrite))
            return Outcome.Refused<RecurringRun>("", Actor.NotPermitted);
        List<RecurringExpense> due;
        IReadOnlyList<CategoryView> all;
        AccountMap map;
        Dictionary<int, string> codes;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            all = await categories.ExpenseAsync(db, cancellationToken);
            map = await ledger.MapAsync(db, cancellationToken);
            codes = await db.LedgerAccounts.AsNoTracking().Where(a => a.Kind == AccountKind.Bank).ToDictionaryAsync(a => a.Id, a => a.Code, cancellationToken);
            due = await db.RecurringExpenses.AsNoTracking().Where(r => r.IsActive && r.StartsOn <= today).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        }

        int recorded = 0, already = 0, skipped = 0, failed = 0;
        foreach (var recurring in due)
        {
            var paidFrom = recurring.PaymentAccountId switch
            {
                null => MoneyAccounts.Payable,
                var id when id == map[AccountRoles.Cash] => MoneyAccounts.Cash,
                var id => codes.GetValueOrDefault(id.Value, ""),
            };
            foreach (var day in recurring.DueThrough(today))
            {
                var month = new DateOnly(day.Year, day.Month, 1);
                await using (var db = await dbs.CreateAsync(cancellationToken))
                {
                    if (await ClosedPeriods.RefusalAsync(db, day, cancellationToken) is not null)
                    {
                        logger.LogWarning("Recurring expense {RecurringId} for {Month:yyyy-MM} skipped: the month is closed; enter it as a correction in an open month if it is owed",
                            recurring.Id, month);
                        skipped++;
                        await MarkAsync(recurring.Id, month, cancellationToken);
                        continue;
                    }
                }
                var outcome = await record.ExecuteAsync(Input(recurring, all.Single(c => c.Id == recurring.CategoryId).Code, paidFrom, day), cancellationToken);
                if (outcome.Value is { AlreadyRecorded: true })
                    already++;
                else if (outcome.Succeeded)
                    recorded++;
                else if (outcome.Errors.ContainsKey("idempotencyKey"))
                    already++; // recorded before the recurring expense was edited: the month has its expense
                else
                {
                    failed++;
                    logger.LogError("Recurring expense {RecurringId} for {Month:yyyy-MM} refused: {Error}", recurring.Id, month, outcome.FirstError);
                    break; // the next run tries this month again, and the later ones after it
                }
                await MarkAsync(recurring.Id, month, cancellationToken);
            }
        }
        return Outcome.Done(new RecurringRun(recorded, already, skipped, failed));
    }

    /// <summary>The job's run through today in the ISP's time zone; null when another instance is running it.</summary>
    public async Task<RecurringRun?> RunScheduledAsync(CancellationToken cancellationToken = default)
    {
        await using var holder = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await holder.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(holder, LockName, cancellationToken))
            return null;
        var run = await ExecuteAsync(await ispClock.TodayAsync(cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!run.Succeeded)
        {
            logger.LogError("Recurring expenses refused: {Error}", run.FirstError);
            return null;
        }
        if (run.Value!.Recorded > 0 || run.Value.SkippedClosed > 0 || run.Value.Failed > 0)
            logger.LogInformation("Recurring expenses: {Recorded} recorded, {Already} already there, {Skipped} closed months skipped, {Failed} failed",
                run.Value.Recorded, run.Value.AlreadyRecorded, run.Value.SkippedClosed, run.Value.Failed);
        return run.Value;
    }

    private static ExpenseInput Input(RecurringExpense recurring, string categoryCode, string paidFrom, DateOnly day)
    {
        var description = $"{recurring.Description} ({day.Month:00}/{day.Year})";
        return new ExpenseInput(day, categoryCode, recurring.Amount,
            description.Length > Expense.DescriptionMaxLength ? recurring.Description : description, paidFrom,
            RecurringExpense.KeyFor(recurring.Id, day), recurring.Vat, recurring.Vendor, $"Dibuat otomatis dari pengeluaran berulang #{recurring.Id}.");
    }

    /// <summary>Moves the last month forward (never back: a slower instance may finish an older month after a newer one).</summary>
    private async Task MarkAsync(int id, DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.RecurringExpenses.Where(r => r.Id == id && (r.LastCreatedMonth == null || r.LastCreatedMonth < month))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCreatedMonth, month), cancellationToken);
    }
}
