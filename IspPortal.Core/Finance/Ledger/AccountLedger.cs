using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <param name="Balance">The account's balance after this line, on its normal side (a negative number is an abnormal balance).</param>
public sealed record AccountLedgerLine(
    long EntryId, DateOnly Date, JournalSource Source, string SourceKey, string? SourceNumber, string Memo, decimal Debit, decimal Credit, decimal Balance, string? CustomerCode)
{
    public string EntryNumber => JournalEntry.NumberOf(EntryId);
}

/// <param name="Opening">The balance at the end of the day before <paramref name="From"/>, on the account's normal side.</param>
/// <param name="Closing">The balance at the end of <paramref name="To"/>.</param>
/// <param name="Debit">All debits in the range (every page).</param>
/// <param name="Segment">The location and router the lines are limited to (<see cref="LedgerSegment.None"/>: every line).</param>
/// <param name="SegmentName">The segment's words (<see cref="LedgerSegment.DescribeAsync"/>), null for every line.</param>
public sealed record AccountLedgerPage(
    string Code, string Name, AccountType Type, DateOnly From, DateOnly To, decimal Opening, decimal Debit, decimal Credit, decimal Closing,
    IReadOnlyList<AccountLedgerLine> Lines, int Page, int PageSize, bool HasMore, LedgerSegment Segment, string? SegmentName);

/// <summary>
/// One account's lines in a date range, oldest first, with the balance before the range and the
/// running balance after each line; each page reads only its account's part of the line index
/// and the month totals before it. Limited to a <see cref="LedgerSegment"/> it reads that segment's lines and month totals, so the
/// P&amp;L of a location drills down to exactly the lines it summed.
/// </summary>
public sealed class AccountLedger(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<Outcome<AccountLedgerPage>> PageAsync(string code, DateOnly from, DateOnly to, int page = 0, LedgerSegment? segment = null, CancellationToken cancellationToken = default)
    {
        segment ??= LedgerSegment.None;
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<AccountLedgerPage>("", Actor.NotPermitted);
        if (to < from)
            return Outcome.Refused<AccountLedgerPage>("to", "Tanggal akhir tidak boleh sebelum tanggal awal.");
        page = Math.Clamp(page, 0, PageRequest.MaxPage);
        await using var db = await dbs.CreateAsync(cancellationToken);
        code = code.Trim();
        var account = await db.LedgerAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (account is null)
            return Outcome.Refused<AccountLedgerPage>("account", $"Akun {code} tidak ada.");
        var sign = account.IsDebitNormal ? 1 : -1;

        var lines = segment.Apply(db.JournalLines.AsNoTracking().Where(l => l.AccountId == account.Id));
        var inRange = lines.Where(l => l.EntryDate >= from && l.EntryDate <= to);
        // Month totals for the whole months, lines for the partial ones: a few rows however long the account's history.
        var opening = await LedgerSums.Between(db, segment, null, from.AddDays(-1), account.Id).Select(s => s.Net).SingleOrDefaultAsync(cancellationToken);
        var sums = await LedgerSums.Between(db, segment, from, to, account.Id).SingleOrDefaultAsync(cancellationToken);
        var ordered = inRange.OrderBy(l => l.EntryDate).ThenBy(l => l.EntryId).ThenBy(l => l.Position);
        // The running balance carries on from the lines of the pages before this one.
        var before = page == 0 ? 0 : await ordered.Take(page * PageSize).SumAsync(l => l.Debit - l.Credit, cancellationToken);
        var rows = await ordered.Skip(page * PageSize).Take(PageSize + 1)
            .Select(l => new
            {
                l.EntryId, l.EntryDate, l.Entry!.SourceType, l.Entry.SourceKey, l.Entry.SourceNumber, Memo = l.Memo ?? l.Entry.Memo, l.Debit, l.Credit,
                CustomerCode = db.Customers.Where(c => c.Id == l.CustomerId).Select(c => c.Code).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var running = opening + before;
        var shown = new List<AccountLedgerLine>(PageSize);
        foreach (var row in rows.Take(PageSize))
        {
            running += row.Debit - row.Credit;
            shown.Add(new AccountLedgerLine(row.EntryId, row.EntryDate, row.SourceType, row.SourceKey, row.SourceNumber, row.Memo, row.Debit, row.Credit, sign * running, row.CustomerCode));
        }
        var debit = sums?.Debit ?? 0;
        var credit = sums?.Credit ?? 0;
        return Outcome.Done(new AccountLedgerPage(account.Code, account.Name, account.Type, from, to, sign * opening, debit, credit,
            sign * (opening + debit - credit), shown, page, PageSize, rows.Count > PageSize, segment, await segment.DescribeAsync(db, cancellationToken)));
    }
}
