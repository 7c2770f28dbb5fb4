using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Periods;

/// <summary>
/// The year-end closing entry: every revenue and expense account's balance for the year moved to
/// Laba ditahan, dated 31 December, so profit and loss accounts start the next year at zero. Keys are
/// <c>{yyyy}:{n}</c>, n counting the year's closings, so a reopened and closed again year posts anew;
/// reopening posts <see cref="JournalSource.YearReopen"/> with the key of the closing it reverses.
/// </summary>
public sealed class YearEndEntries(IJournalWriter writer, LedgerAccounts accounts)
{
    public async Task CloseAsync(IIspDb db, int year, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var map = await accounts.MapAsync(db, cancellationToken);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var profitAndLoss = await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.Type == AccountType.Revenue || a.Type == AccountType.Expense)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        // Twelve whole months: the month totals, a few rows per account.
        var balances = (await LedgerSums.Between(db, start, end).ToListAsync(cancellationToken))
            .Where(b => profitAndLoss.Contains(b.AccountId) && b.Net != 0)
            .OrderBy(b => b.AccountId)
            .ToList();
        if (balances.Count == 0)
            return;

        var closings = await CountAsync(db, JournalSource.YearClose, year, cancellationToken);
        var builder = new JournalDraftBuilder(end, JournalSource.YearClose, Key(year, closings + 1), null,
            $"Tutup buku tahun {year}: laba rugi ke Laba ditahan", actorId);
        foreach (var balance in balances)
            builder.Credit(balance.AccountId, balance.Net);
        builder.Debit(map[AccountRoles.RetainedEarnings], balances.Sum(b => b.Net));
        await writer.PostAsync(db, [builder.Build()], cancellationToken);
    }

    public async Task ReopenAsync(IIspDb db, int year, Guid? actorId, string reason, CancellationToken cancellationToken = default)
    {
        var closings = await CountAsync(db, JournalSource.YearClose, year, cancellationToken);
        var reopenings = await CountAsync(db, JournalSource.YearReopen, year, cancellationToken);
        if (closings <= reopenings)
            return; // The year closed with nothing to move (no profit and loss lines).
        var key = Key(year, closings);
        var lines = await db.JournalLines.AsNoTracking()
            .Where(l => l.Entry!.SourceType == JournalSource.YearClose && l.Entry.SourceKey == key)
            .OrderBy(l => l.Position)
            .ToListAsync(cancellationToken);
        var memo = $"Buka kembali tahun {year}: {reason}";
        var builder = new JournalDraftBuilder(new DateOnly(year, 12, 31), JournalSource.YearReopen, key, null,
            memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo, actorId);
        foreach (var line in lines)
            builder.Debit(line.AccountId, line.Credit - line.Debit);
        await writer.PostAsync(db, [builder.Build()], cancellationToken);
    }

    public static string Key(int year, int n) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}:{n}");

    private static Task<int> CountAsync(IIspDb db, JournalSource source, int year, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{year:D4}:");
        return db.JournalEntries.CountAsync(e => e.SourceType == source && e.SourceKey.StartsWith(prefix), cancellationToken);
    }
}
