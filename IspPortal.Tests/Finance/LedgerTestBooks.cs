using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Finance;

/// <summary>Reads the ledger the way an accountant checks it: totals, balances by role, entries by source.</summary>
public static class LedgerTestBooks
{
    public static async Task<(decimal Debit, decimal Credit)> TotalsAsync(IspDbContext db) =>
        (await db.JournalLines.SumAsync(l => l.Debit), await db.JournalLines.SumAsync(l => l.Credit));

    /// <summary>Debits minus credits of the account playing <paramref name="role"/>.</summary>
    public static async Task<decimal> DebitBalanceAsync(IspDbContext db, string role) =>
        await db.JournalLines.Where(l => l.Account!.Role == role).SumAsync(l => l.Debit - l.Credit);

    public static async Task<Dictionary<JournalSource, int>> EntriesBySourceAsync(IspDbContext db) =>
        await db.JournalEntries.GroupBy(e => e.SourceType).ToDictionaryAsync(g => g.Key, g => g.Count());

    /// <summary>Every entry balances on its own, not only the ledger as a whole.</summary>
    public static async Task<int> UnbalancedEntriesAsync(IspDbContext db) =>
        await db.JournalLines.GroupBy(l => l.EntryId).CountAsync(g => g.Sum(l => l.Debit) != g.Sum(l => l.Credit));
}
