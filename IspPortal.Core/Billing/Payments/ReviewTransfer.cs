using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Finance looks at a transfer's receipt against the bank statement: confirmed money is posted to
/// the open invoices with a receipt to the customer (and brings an isolated customer back);
/// rejected money never counted. Either decision is final and audited.
/// </summary>
public sealed class ReviewTransfer(
    IIspDbFactory dbs, PaymentPosting posting, ArrearsReactivation reactivation, ICurrentUser currentUser, PaymentFeed feed, TimeProvider clock)
{
    public async Task<Outcome<RecordedPayment>> ConfirmAsync(long paymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customerId = await db.Payments.Where(p => p.Id == paymentId).Select(p => (int?)p.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (customerId is null)
            return Outcome.Refused<RecordedPayment>("", "Pembayaran tidak ditemukan.");

        var actor = await currentUser.GetAsync(cancellationToken);
        PostingResult result;
        Payment payment;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await posting.LockCustomerAsync(db, customerId.Value, cancellationToken);
            payment = await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
            if (Refusal(payment) is { } refusal)
                return Outcome.Refused<RecordedPayment>("", refusal);
            var now = clock.GetUtcNow();
            payment.Confirm(actor.UserId, now);
            await db.SaveChangesAsync(cancellationToken);
            result = await posting.PostWithReceiptAsync(db, payment, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        feed.Publish(new PaymentsChanged(payment.CustomerId, clock.GetUtcNow()));
        await reactivation.ExecuteAsync(payment.CustomerId, cancellationToken);
        return Outcome.Done(new RecordedPayment(payment.Id, payment.Number, payment.Status, payment.Amount, result, false));
    }

    public async Task<Outcome<RecordedPayment>> RejectAsync(long paymentId, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > Payment.ReasonMaxLength)
            return Outcome.Refused<RecordedPayment>("Reason", $"Alasan penolakan wajib diisi (maks. {Payment.ReasonMaxLength} karakter).");
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customerId = await db.Payments.Where(p => p.Id == paymentId).Select(p => (int?)p.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (customerId is null)
            return Outcome.Refused<RecordedPayment>("", "Pembayaran tidak ditemukan.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await posting.LockCustomerAsync(db, customerId.Value, cancellationToken);
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken);
        if (Refusal(payment) is { } refusal)
            return Outcome.Refused<RecordedPayment>("", refusal);
        var actor = await currentUser.GetAsync(cancellationToken);
        payment.Reject(PaymentStatus.Rejected, reason, actor.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Publish(new PaymentsChanged(payment.CustomerId, clock.GetUtcNow()));
        return Outcome.Done(new RecordedPayment(payment.Id, payment.Number, payment.Status, payment.Amount, null, false));
    }

    private static string? Refusal(Payment payment) =>
        payment.Method != PaymentMethod.BankTransfer ? $"Pembayaran {payment.Number} bukan transfer bank; hanya transfer yang diperiksa Finance."
        : payment.Status != PaymentStatus.Pending ? $"Pembayaran {payment.Number} sudah {StatusLabel(payment.Status)}."
        : null;

    public static string StatusLabel(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "menunggu konfirmasi",
        PaymentStatus.Confirmed => "dikonfirmasi",
        PaymentStatus.Rejected => "ditolak",
        PaymentStatus.Failed => "gagal",
        PaymentStatus.Expired => "kedaluwarsa",
        PaymentStatus.Refunded => "dikembalikan",
        _ => status.ToString(),
    };
}
