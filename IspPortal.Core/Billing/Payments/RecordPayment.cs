using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <param name="IdempotencyKey">Chosen by the screen when it opens (or by the API caller): the same key twice records one payment.</param>
/// <param name="ReceivedOn">The day the money arrived (a transfer seen in the bank statement later); null for today.</param>
/// <param name="ProofName">The uploaded transfer receipt (see <see cref="ICustomerPhotoStore"/>); required for a transfer.</param>
public sealed record PaymentInput(
    string CustomerCode, PaymentMethod Method, decimal Amount, string IdempotencyKey,
    DateOnly? ReceivedOn = null, string? Reference = null, string? ProofName = null, string? Notes = null);

/// <param name="AlreadyRecorded">The key had recorded this payment before; nothing new was written.</param>
public sealed record RecordedPayment(long Id, string Number, PaymentStatus Status, decimal Amount, PostingResult? Posting, bool AlreadyRecorded);

/// <summary>
/// Staff record money received: cash at the counter (confirmed at once, posted to the open
/// invoices, receipt queued) or a bank transfer with its receipt photo (pending until Finance
/// confirms it, <see cref="ReviewTransfer"/>). QRIS is recorded by the gateway, never by hand.
/// </summary>
public sealed class RecordPayment(
    IIspDbFactory dbs, IDocumentSequences sequences, PaymentPosting posting, ArrearsReactivation reactivation, ICustomerPhotoStore proofs,
    IDatabaseErrors errors, IspClock ispClock, ICurrentUser currentUser, PaymentFeed feed, TimeProvider clock)
{
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxDaysBack = 90;

    public async Task<Outcome<RecordedPayment>> ExecuteAsync(PaymentInput input, CancellationToken cancellationToken = default)
    {
        var today = await ispClock.TodayAsync(cancellationToken);
        var problems = Check(input, today);
        if (problems.Any)
            return Outcome.Refused<RecordedPayment>(problems);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == input.CustomerCode.Trim(), cancellationToken);
        if (customer is null)
            return Outcome.Refused<RecordedPayment>(nameof(PaymentInput.CustomerCode), $"Pelanggan {input.CustomerCode} tidak ditemukan.");

        var actor = await currentUser.GetAsync(cancellationToken);
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var receivedOn = input.ReceivedOn ?? today;
        // A day in the past is booked at its local noon: the day is what the bank statement shows.
        var noon = receivedOn.ToDateTime(new TimeOnly(12, 0));
        var receivedAt = receivedOn == today ? now : new DateTimeOffset(noon, zone.GetUtcOffset(noon)).ToUniversalTime();

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await posting.LockCustomerAsync(db, customer.Id, cancellationToken);
            if (await Earlier(db, input.IdempotencyKey, cancellationToken) is { } earlier)
                return Repeat(earlier, input, customer.Id);

            var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.PaymentKind, Payment.NumberFormat, Invoice.FirstDayOf(receivedOn), cancellationToken);
            var payment = new Payment(number, customer.Id, input.Method, input.Amount, receivedAt, actor.UserId)
            {
                IdempotencyKey = input.IdempotencyKey,
                Reference = Blank(input.Reference),
                ProofPath = Blank(input.ProofName),
                Notes = Blank(input.Notes),
            };
            db.Payments.Add(payment);
            await db.SaveChangesAsync(cancellationToken);

            PostingResult? result = null;
            if (payment.Status == PaymentStatus.Confirmed)
            {
                result = await posting.PostWithReceiptAsync(db, payment, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            feed.Publish(new PaymentsChanged(customer.Id, now));

            if (result is not null)
                await reactivation.ExecuteAsync(customer.Id, cancellationToken);
            return Outcome.Done(new RecordedPayment(payment.Id, payment.Number, payment.Status, payment.Amount, result, false));
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) == "ux_payments_idempotency_key")
        {
            // Another request with the same key won between our check and our insert: report its payment.
            await using var again = await dbs.CreateAsync(cancellationToken);
            return Repeat((await Earlier(again, input.IdempotencyKey, cancellationToken))!, input, customer.Id);
        }
    }

    private FieldErrors Check(PaymentInput input, DateOnly today)
    {
        var errors = new FieldErrors()
            .When(input.Method is not (PaymentMethod.Cash or PaymentMethod.BankTransfer), nameof(PaymentInput.Method),
                $"Pembayaran {BillingNotices.MethodLabel(input.Method)} dicatat otomatis oleh payment gateway, tidak diinput manual.")
            .When(input.Amount <= 0, nameof(PaymentInput.Amount), "Jumlah harus lebih dari 0.")
            .When(input.Amount > MaxAmount, nameof(PaymentInput.Amount), $"Jumlah paling banyak {Rupiah.Format(MaxAmount)}.")
            .When(decimal.Truncate(input.Amount) != input.Amount, nameof(PaymentInput.Amount), "Jumlah harus dalam rupiah penuh, tanpa sen.")
            .When(string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > Payment.IdempotencyKeyMaxLength,
                nameof(PaymentInput.IdempotencyKey), $"Kunci idempotensi wajib diisi (maks. {Payment.IdempotencyKeyMaxLength} karakter).")
            .When(input.Reference?.Length > Payment.ReferenceMaxLength, nameof(PaymentInput.Reference), $"Referensi paling banyak {Payment.ReferenceMaxLength} karakter.")
            .When(input.Notes?.Length > 1000, nameof(PaymentInput.Notes), "Catatan paling banyak 1000 karakter.");
        if (input.ReceivedOn is { } day)
        {
            errors.When(day > today, nameof(PaymentInput.ReceivedOn), "Tanggal terima tidak boleh di masa depan.")
                .When(day < today.AddDays(-MaxDaysBack), nameof(PaymentInput.ReceivedOn), $"Tanggal terima paling lama {MaxDaysBack} hari yang lalu.");
        }
        if (input.Method == PaymentMethod.BankTransfer)
        {
            if (string.IsNullOrWhiteSpace(input.ProofName))
                errors.Add(nameof(PaymentInput.ProofName), "Unggah bukti transfer.");
            else if (!proofs.Exists(input.ProofName))
                errors.Add(nameof(PaymentInput.ProofName), "Bukti transfer tidak ditemukan; unggah ulang.");
        }
        return errors;
    }

    private static Task<Payment?> Earlier(IIspDb db, string key, CancellationToken cancellationToken) =>
        db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.IdempotencyKey == key, cancellationToken);

    private static Outcome<RecordedPayment> Repeat(Payment earlier, PaymentInput input, int customerId) =>
        earlier.CustomerId == customerId && earlier.Amount == input.Amount && earlier.Method == input.Method
            ? Outcome.Done(new RecordedPayment(earlier.Id, earlier.Number, earlier.Status, earlier.Amount, null, true))
            : Outcome.Refused<RecordedPayment>(nameof(PaymentInput.IdempotencyKey), $"Kunci idempotensi ini sudah dipakai untuk pembayaran {earlier.Number} yang berbeda.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
