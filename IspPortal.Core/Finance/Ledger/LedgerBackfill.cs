using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Finance.Ledger;

/// <param name="Posted">Entries this run posted, by source.</param>
/// <param name="SkippedInClosedMonths">Documents left unposted because their month is closed (a correction goes to the open month).</param>
public sealed record BackfillResult(IReadOnlyDictionary<JournalSource, int> Posted, int SkippedInClosedMonths)
{
    public int Total => Posted.Values.Sum();
}

/// <summary>
/// Posts the billing documents that have no entry yet with the same rules as the events
/// (<see cref="BillingLedger"/>), so the ledger is complete from the first invoice: documents from
/// before the ledger existed, and documents written outside the use cases (the demo's history).
/// Runs at start-up and loads only documents without an entry (an anti-join on the entries' source
/// key in the database), so a start with nothing left to post loads no invoice, line or customer.
/// Each batch commits on its own, and a source that posted meanwhile is skipped
/// by its unique key, so a run that dies or two instances starting together post nothing twice.
/// </summary>
public sealed class LedgerBackfill(IIspDbFactory dbs, IJournalWriter writer, LedgerAccounts accounts, PortalSettings settings, IspClock ispClock, ILogger<LedgerBackfill> logger)
{
    public const int BatchSize = 2000;

    public async Task<BackfillResult> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var finance = await settings.GetAsync<FinanceSettings>(cancellationToken);
        HashSet<DateOnly> closed;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            closed = (await db.LedgerPeriods.AsNoTracking().Select(p => p.Month).ToListAsync(cancellationToken)).ToHashSet();

        var posted = new Dictionary<JournalSource, int>();
        var skipped = 0;
        async Task RunAsync(JournalSource source, Func<IIspDb, AccountMap, long, Task<(List<JournalDraft> Drafts, long? Last)>> batch)
        {
            long cursor = 0;
            while (true)
            {
                await using var db = await dbs.CreateAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var map = await accounts.MapAsync(db, cancellationToken);
                var (drafts, last) = await batch(db, map, cursor);
                if (last is null)
                    return;
                var open = drafts.Where(d => !closed.Contains(new DateOnly(d.Date.Year, d.Date.Month, 1))).ToList();
                skipped += drafts.Count - open.Count;
                var count = (await writer.PostAsync(db, open, cancellationToken)).Count;
                await transaction.CommitAsync(cancellationToken);
                posted[source] = posted.GetValueOrDefault(source) + count;
                cursor = last.Value;
            }
        }

        await RunAsync(JournalSource.Invoice, (db, map, cursor) => InvoicesAsync(db, map, cursor, zone, voids: false, cancellationToken));
        await RunAsync(JournalSource.InvoiceVoid, (db, map, cursor) => InvoicesAsync(db, map, cursor, zone, voids: true, cancellationToken));
        await RunAsync(JournalSource.CreditNote, (db, map, cursor) => CreditNotesAsync(db, map, cursor, zone, cancellationToken));
        await RunAsync(JournalSource.Payment, (db, map, cursor) => PaymentsAsync(db, map, cursor, zone, finance, cancellationToken));
        await RunAsync(JournalSource.Allocation, (db, map, cursor) => AllocationsAsync(db, map, cursor, zone, cancellationToken));

        var result = new BackfillResult(posted, skipped);
        if (result.Total > 0 || skipped > 0)
            logger.LogInformation("Ledger backfill posted {Total} entries ({Posted}); {Skipped} documents fall in closed months and were left alone",
                result.Total, string.Join(", ", posted.Select(p => $"{p.Key} {p.Value}")), skipped);
        return result;
    }

    private static async Task<(List<JournalDraft>, long?)> InvoicesAsync(IIspDb db, AccountMap map, long cursor, TimeZoneInfo zone, bool voids, CancellationToken cancellationToken)
    {
        var source = voids ? JournalSource.InvoiceVoid : JournalSource.Invoice;
        var batch = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Customer)
            .Where(i => i.Id > cursor && (!voids || i.Status == InvoiceStatus.Void))
            .Where(i => !db.JournalEntries.Any(e => e.SourceType == source && e.SourceKey == i.Id.ToString()))
            .OrderBy(i => i.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return ([], null);
        var drafts = batch
            .Select(i => BillingLedger.InvoiceEntry(map, i, [.. i.Lines.OrderBy(l => l.Position)], i.Id, BillingLedger.Dimensions(i.Customer), source,
                voids ? IspClock.DayOf(i.VoidedAt ?? i.UpdatedAt, zone) : i.IssueDate, reverse: voids))
            .OfType<JournalDraft>()
            .ToList();
        return (drafts, batch[^1].Id);
    }

    private static async Task<(List<JournalDraft>, long?)> CreditNotesAsync(IIspDb db, AccountMap map, long cursor, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var batch = await db.CreditNotes.AsNoTracking().Include(n => n.Invoice).ThenInclude(i => i!.Customer)
            .Where(n => n.Id > cursor && !db.JournalEntries.Any(e => e.SourceType == JournalSource.CreditNote && e.SourceKey == n.Id.ToString()))
            .OrderBy(n => n.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return ([], null);
        var drafts = batch
            .Select(n => BillingLedger.CreditNoteEntry(map, n, n.Invoice!, BillingLedger.Dimensions(n.Invoice!.Customer), zone))
            .ToList();
        return (drafts, batch[^1].Id);
    }

    private static async Task<(List<JournalDraft>, long?)> PaymentsAsync(IIspDb db, AccountMap map, long cursor, TimeZoneInfo zone, FinanceSettings finance, CancellationToken cancellationToken)
    {
        var batch = await db.Payments.AsNoTracking().Include(p => p.Customer)
            .Where(p => p.Id > cursor && p.Status == PaymentStatus.Confirmed)
            .Where(p => !db.JournalEntries.Any(e => e.SourceType == JournalSource.Payment && e.SourceKey == p.Id.ToString()))
            .OrderBy(p => p.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return ([], null);
        var drafts = batch
            .Select(p => BillingLedger.PaymentEntry(map, p, finance, BillingLedger.Dimensions(p.Customer), zone))
            .ToList();
        return (drafts, batch[^1].Id);
    }

    private static async Task<(List<JournalDraft>, long?)> AllocationsAsync(IIspDb db, AccountMap map, long cursor, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var batch = await db.PaymentAllocations.AsNoTracking().Include(a => a.Invoice).ThenInclude(i => i!.Customer).Include(a => a.Payment)
            .Where(a => a.Id > cursor && !db.JournalEntries.Any(e => e.SourceType == JournalSource.Allocation && e.SourceKey == a.Id.ToString()))
            .OrderBy(a => a.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return ([], null);
        var drafts = batch
            .Select(a => BillingLedger.AllocationEntry(map, a, BillingLedger.Dimensions(a.Invoice!.Customer), zone))
            .ToList();
        return (drafts, batch[^1].Id);
    }
}
