using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Ledger;

/// <param name="From">First entry day (inclusive).</param>
/// <param name="To">Last entry day (inclusive).</param>
/// <param name="AccountCode">Only entries with a line on this account.</param>
/// <param name="Text">Part of the source number (<c>INV/2026/11</c>) or the memo.</param>
public sealed record JournalFilter(DateOnly? From = null, DateOnly? To = null, string? AccountCode = null, string? Text = null, JournalSource? Source = null);

public sealed record JournalLineView(string AccountCode, string AccountName, decimal Debit, decimal Credit, string? CustomerCode, string? Memo);

/// <param name="Link">The page of the source document (<see cref="JournalLinks"/>), null when it has none.</param>
public sealed record JournalEntryView(
    long Id, DateOnly Date, JournalSource Source, string SourceKey, string? SourceNumber, string Memo, string? Link, IReadOnlyList<JournalLineView> Lines)
{
    public string Number => JournalEntry.NumberOf(Id);

    public decimal Total => Lines.Sum(l => l.Debit);
}

/// <param name="HasMore">Another page follows (the search counts nothing: over millions of lines a count costs more than the page).</param>
public sealed record JournalPage(IReadOnlyList<JournalEntryView> Items, int Page, int PageSize, bool HasMore);

/// <summary>The journal: entries newest first, filtered by day, account, text and source, each with its lines and the page of its source.</summary>
public sealed class JournalSearch(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<Outcome<JournalPage>> PageAsync(JournalFilter filter, int page = 0, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.FinanceRead))
            return Outcome.Refused<JournalPage>("", Actor.NotPermitted);
        if (filter.From is { } start && filter.To is { } end && end < start)
            return Outcome.Refused<JournalPage>("to", "Tanggal akhir tidak boleh sebelum tanggal awal.");
        page = Math.Clamp(page, 0, PageRequest.MaxPage);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var entries = db.JournalEntries.AsNoTracking();
        if (filter.From is { } from)
            entries = entries.Where(e => e.EntryDate >= from);
        if (filter.To is { } to)
            entries = entries.Where(e => e.EntryDate <= to);
        if (filter.Source is { } source)
            entries = entries.Where(e => e.SourceType == source);
        if (!string.IsNullOrWhiteSpace(filter.AccountCode))
        {
            var code = filter.AccountCode.Trim();
            if (await db.LedgerAccounts.Where(a => a.Code == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken) is not { } accountId)
                return Outcome.Refused<JournalPage>("account", $"Akun {code} tidak ada.");
            entries = entries.Where(e => e.Lines.Any(l => l.AccountId == accountId));
        }
        if (new PageRequest(Search: filter.Text).SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            entries = entries.Where(e => (e.SourceNumber != null && EF.Functions.Like(e.SourceNumber.ToLower(), pattern)) || EF.Functions.Like(e.Memo.ToLower(), pattern));
        }
        var heads = await entries.OrderByDescending(e => e.EntryDate).ThenByDescending(e => e.Id)
            .Skip(page * PageSize).Take(PageSize + 1)
            .Select(e => new { e.Id, e.EntryDate, e.SourceType, e.SourceKey, e.SourceNumber, e.Memo })
            .ToListAsync(cancellationToken);
        var shown = heads.Take(PageSize).ToList();
        var ids = shown.Select(e => e.Id).ToList();
        var lines = (await db.JournalLines.AsNoTracking()
                .Where(l => ids.Contains(l.EntryId))
                .OrderBy(l => l.EntryId).ThenBy(l => l.Position)
                .Select(l => new
                {
                    l.EntryId, l.CustomerId,
                    Line = new JournalLineView(l.Account!.Code, l.Account.Name, l.Debit, l.Credit,
                        db.Customers.Where(c => c.Id == l.CustomerId).Select(c => c.Code).FirstOrDefault(), l.Memo),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.EntryId);
        var creditNoteIds = shown.Where(e => e.SourceType == JournalSource.CreditNote).Select(e => JournalLinks.IdOf(e.SourceKey)).OfType<long>().ToList();
        var creditNoteInvoices = await db.CreditNotes.Where(n => creditNoteIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.InvoiceId, cancellationToken);
        var views = shown.Select(e =>
        {
            var entryLines = lines[e.Id].ToList();
            var customer = entryLines.Select(l => l.Line.CustomerCode).FirstOrDefault(c => c is not null);
            var invoice = JournalLinks.IdOf(e.SourceKey) is { } id && creditNoteInvoices.TryGetValue(id, out var invoiceId) ? invoiceId : (int?)null;
            return new JournalEntryView(e.Id, e.EntryDate, e.SourceType, e.SourceKey, e.SourceNumber, e.Memo,
                JournalLinks.For(e.SourceType, e.SourceKey, customer, invoice), [.. entryLines.Select(l => l.Line)]);
        }).ToList();
        return Outcome.Done(new JournalPage(views, page, PageSize, heads.Count > PageSize));
    }
}
