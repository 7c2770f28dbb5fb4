using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Invoices;

/// <summary>
/// What Finance may do to an issued invoice, which is never edited: void it (nothing paid yet; the
/// reason is kept and audited, and its one-off charges go back to wait for the next invoice) or
/// issue a credit note that takes money off what it still asks for. Both under the customer's
/// lock, like every writer of a customer's invoices and payments, and both post to the ledger in
/// the same transaction (<see cref="BillingLedger"/>).
/// </summary>
public sealed class InvoiceCorrections(
    IIspDbFactory dbs, IDocumentSequences sequences, PaymentPosting posting, BillingLedger ledger, ArrearsReactivation reactivation, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<Invoice>> VoidAsync(string invoiceNumber, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > Invoice.VoidReasonMaxLength)
            return Outcome.Refused<Invoice>("Reason", $"Alasan pembatalan wajib diisi (maks. {Invoice.VoidReasonMaxLength} karakter).");
        return await UnderLockAsync(invoiceNumber, async (db, invoice, actor, now) =>
        {
            if (invoice.Status == InvoiceStatus.Void)
                return Outcome.Refused<Invoice>("", $"Tagihan {invoice.Number} sudah dibatalkan.");
            if (invoice.AmountPaid > 0 || invoice.CreditedAmount > 0)
                return Outcome.Refused<Invoice>("", $"Tagihan {invoice.Number} sudah dibayar atau dikreditkan sebagian; buat nota kredit untuk sisanya.");
            invoice.Void(reason, actor.UserId, now);
            await db.BillingCharges.Where(c => c.InvoiceId == invoice.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.InvoiceId, (int?)null), cancellationToken);
            await ledger.InvoiceVoidedAsync(db, invoice, cancellationToken);
            return Outcome.Done(invoice);
        }, cancellationToken);
    }

    public async Task<Outcome<CreditNote>> CreditAsync(string invoiceNumber, decimal amount, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        var errors = new FieldErrors()
            .When(reason.Length is 0 or > CreditNote.ReasonMaxLength, "Reason", $"Alasan nota kredit wajib diisi (maks. {CreditNote.ReasonMaxLength} karakter).")
            .When(amount <= 0, "Amount", "Jumlah harus lebih dari 0.")
            .When(decimal.Truncate(amount) != amount, "Amount", "Jumlah harus dalam rupiah penuh, tanpa sen.");
        if (errors.Any)
            return Outcome.Refused<CreditNote>(errors);
        var outcome = await UnderLockAsync(invoiceNumber, async (db, invoice, actor, now) =>
        {
            if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid)
                return Outcome.Refused<CreditNote>("", $"Tagihan {invoice.Number} sudah {(invoice.Status == InvoiceStatus.Void ? "dibatalkan" : "lunas")}; tidak ada yang bisa dikreditkan.");
            if (amount > invoice.AmountDue)
                return Outcome.Refused<CreditNote>("Amount", $"Nota kredit paling banyak sisa tagihan, {Rupiah.Format(invoice.AmountDue)}.");
            var today = await ispClock.TodayAsync(cancellationToken);
            var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.CreditNoteKind, CreditNote.NumberFormat, today, cancellationToken);
            var note = new CreditNote(number, invoice, amount, reason, actor.UserId, now);
            db.CreditNotes.Add(note);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.CreditNoteIssuedAsync(db, note, invoice, cancellationToken);
            return Outcome.Done(note);
        }, cancellationToken);
        if (outcome.Succeeded)
            await reactivation.ExecuteAsync(outcome.Value!.CustomerId, cancellationToken);
        return outcome;
    }

    private async Task<Outcome<T>> UnderLockAsync<T>(string invoiceNumber, Func<IIspDb, Invoice, Actor, DateTimeOffset, Task<Outcome<T>>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customerId = await db.Invoices.Where(i => i.Number == invoiceNumber.Trim()).Select(i => (int?)i.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (customerId is null)
            return Outcome.Refused<T>("", $"Tagihan {invoiceNumber} tidak ditemukan.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await posting.LockCustomerAsync(db, customerId.Value, cancellationToken);
        var invoice = await db.Invoices.SingleAsync(i => i.Number == invoiceNumber.Trim(), cancellationToken);
        var outcome = await change(db, invoice, await currentUser.GetAsync(cancellationToken), clock.GetUtcNow());
        if (!outcome.Succeeded)
            return outcome;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
