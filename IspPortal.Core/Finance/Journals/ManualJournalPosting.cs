using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Journals;

/// <summary>Posts a saved manual journal as <see cref="JournalSource.Manual"/> keyed by its id, created by its requester.</summary>
public sealed class ManualJournalPosting(IJournalWriter writer)
{
    /// <summary>Why <paramref name="journal"/> cannot post now (its month closed, an account deactivated); null when it can.</summary>
    public static async Task<string?> ProblemAsync(IIspDb db, ManualJournal journal, CancellationToken cancellationToken)
    {
        if (await ClosedPeriods.RefusalAsync(db, journal.EntryDate, cancellationToken) is { } closed)
            return closed;
        var accountIds = journal.Lines.Select(l => l.AccountId).Distinct().ToList();
        var inactive = await db.LedgerAccounts.AsNoTracking()
            .Where(a => accountIds.Contains(a.Id) && !a.IsActive)
            .Select(a => a.Code + " " + a.Name).FirstOrDefaultAsync(cancellationToken);
        return inactive is null ? null : $"Akun {inactive} sudah tidak aktif.";
    }

    /// <returns>The posted entry's id.</returns>
    public async Task<long> PostAsync(IIspDb db, ManualJournal journal, CancellationToken cancellationToken)
    {
        var memo = $"{journal.Number}: {journal.Memo}";
        var builder = new JournalDraftBuilder(journal.EntryDate, JournalSource.Manual, BillingLedger.Key(journal.Id), journal.Number,
            memo.Length > JournalEntry.MemoMaxLength ? memo[..JournalEntry.MemoMaxLength] : memo, journal.RequestedById);
        foreach (var line in journal.Lines.OrderBy(l => l.Position))
        {
            var dimensions = new LineDimensions(line.CustomerId, line.LocationCodeId, line.RouterId);
            builder.Debit(line.AccountId, line.Debit, dimensions).Credit(line.AccountId, line.Credit, dimensions);
        }
        var key = BillingLedger.Key(journal.Id);
        var posted = await writer.PostAsync(db, [builder.Build()], cancellationToken);
        return posted.TryGetValue((JournalSource.Manual, key), out var id)
            ? id
            : await db.JournalEntries.Where(e => e.SourceType == JournalSource.Manual && e.SourceKey == key).Select(e => e.Id).SingleAsync(cancellationToken);
    }
}
