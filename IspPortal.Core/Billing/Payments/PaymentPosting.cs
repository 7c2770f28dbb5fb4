using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <param name="Allocated">Money put on invoices by this posting.</param>
/// <param name="Credit">Confirmed money no invoice has taken, kept for the next invoice.</param>
/// <param name="InvoicesTouched">Numbers of the invoices paid (fully or in part).</param>
/// <param name="Arrears">What the customer still owes on invoices past their due date.</param>
public sealed record PostingResult(decimal Allocated, decimal Credit, IReadOnlyList<string> InvoicesTouched, decimal Arrears);

/// <summary>
/// Puts a customer's confirmed money on their open invoices, oldest first, and keeps the rest as
/// credit: after a payment is confirmed, and after a new invoice is issued to a customer with credit.
/// Credit is not a number of its own but what confirmed payments have left unallocated, so the
/// allocations are the whole story; <c>customers.credit_balance</c> is a copy for lists.
/// Each confirmation and allocation posts to the ledger here (<see cref="BillingLedger"/>).
/// Runs inside the caller's transaction under the customer's lock, which every writer of the
/// customer's invoices and payments takes, so two postings never allocate the same rupiah twice.
/// </summary>
public sealed class PaymentPosting(IDatabaseLocks locks, BillingLedger ledger, IspClock ispClock, PortalMetrics metrics, TimeProvider clock)
{
    private static readonly InvoiceStatus[] Open = [InvoiceStatus.Unpaid, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    public static string LockName(int customerId) => $"billing-customer:{customerId}";

    /// <summary>Takes the customer's lock for the open transaction of <paramref name="db"/>.</summary>
    public Task LockCustomerAsync(IIspDb db, int customerId, CancellationToken cancellationToken) =>
        locks.LockForTransactionAsync(db, LockName(customerId), cancellationToken);

    /// <summary>
    /// Posts after <paramref name="payment"/> was confirmed and saved, and queues its receipt naming the
    /// invoices this payment paid (none: it all went to credit).
    /// </summary>
    public async Task<PostingResult> PostWithReceiptAsync(IIspDb db, Payment payment, CancellationToken cancellationToken = default)
    {
        await ledger.PaymentConfirmedAsync(db, payment, cancellationToken);
        var result = await PostAsync(db, payment.CustomerId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == payment.CustomerId, cancellationToken);
        var paid = await db.PaymentAllocations.Where(a => a.PaymentId == payment.Id).OrderBy(a => a.Id).Select(a => a.Invoice!.Number).ToListAsync(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        await BillingNotices.QueueNewAsync(db, BillingNotices.Receipt(customer, payment, paid, zone, clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Every confirmation (cash, reviewed transfer, gateway) posts through here once.
        metrics.PaymentConfirmed(payment.Method.ToString());
        return result;
    }

    /// <summary>Call after the confirmed payment is saved (in the same transaction): what is posted is what the database holds.</summary>
    public async Task<PostingResult> PostAsync(IIspDb db, int customerId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Posting needs the caller's transaction: allocations and credit must commit together with the payment.");
        await LockCustomerAsync(db, customerId, cancellationToken);

        var payments = await db.Payments.Include(p => p.Allocations)
            .Where(p => p.CustomerId == customerId && p.Status == PaymentStatus.Confirmed && p.Amount > p.Allocations.Sum(a => a.Amount))
            .OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

        var invoices = await db.Invoices
            .Where(i => i.CustomerId == customerId && Open.Contains(i.Status))
            .OrderBy(i => i.Period).ThenBy(i => i.DueDate).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var allocated = 0m;
        var touched = new List<string>();
        var made = new List<PaymentAllocation>();
        foreach (var invoice in invoices)
        {
            foreach (var payment in payments)
            {
                var amount = Math.Min(payment.Amount - payment.AllocatedAmount, invoice.AmountDue);
                if (amount <= 0)
                    continue;
                made.Add(payment.AllocateTo(invoice, amount, now));
                allocated += amount;
                if (!touched.Contains(invoice.Number))
                    touched.Add(invoice.Number);
            }
        }

        var credit = payments.Sum(p => p.Amount - p.AllocatedAmount);
        await db.SaveChangesAsync(cancellationToken);
        await ledger.AllocationsMadeAsync(db, made, customerId, cancellationToken);
        // Set-based: the sync updates customers every few minutes, and the balance must not lose to its row version.
        await db.Customers.Where(c => c.Id == customerId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CreditBalance, credit), cancellationToken);

        var today = await ispClock.TodayAsync(cancellationToken);
        var arrears = invoices.Where(i => i.DueDate < today && Open.Contains(i.Status)).Sum(i => i.AmountDue);
        return new PostingResult(allocated, credit, touched, arrears);
    }
}
