using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>Cash and transfers on real PostgreSQL: allocation oldest first, partial payments, credit, idempotency and Finance's review.</summary>
public sealed class PaymentsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync() => _data = await BillingTestData.StartAsync(database, _clock);

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Cash_pays_the_oldest_invoice_first_then_part_of_the_next_and_queues_a_receipt()
    {
        var customer = await _data.CustomerAsync();
        await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        await _data.InvoiceAsync(customer, new DateOnly(2025, 2, 1), 200_000m);

        var recorded = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 300_000m, "key-1"));

        Assert.Equal((PaymentStatus.Confirmed, 300_000m, 0m), (recorded.Status, recorded.Posting!.Allocated, recorded.Posting.Credit));
        Assert.Equal("PAY/2025/03/000001", recorded.Number);
        await using var db = database.CreateDbContext();
        var invoices = await db.Invoices.OrderBy(i => i.Period).ToListAsync();
        Assert.Equal([(InvoiceStatus.Paid, 200_000m), (InvoiceStatus.PartiallyPaid, 100_000m)], invoices.Select(i => (i.Status, i.AmountPaid)));
        Assert.Equal([invoices[0].Number, invoices[1].Number], recorded.Posting.InvoicesTouched);
        var receipt = await db.OutboxMessages.SingleAsync();
        Assert.Equal(("payment_receipt", $"payment-receipt:{recorded.Number}:WhatsApp"), (receipt.Template, receipt.IdempotencyKey));
        Assert.Contains("Rp 300.000", receipt.Parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overpayment_is_kept_as_credit_and_the_next_invoice_run_uses_it()
    {
        var customer = await _data.CustomerAsync();
        await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);

        var recorded = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 500_000m, "key-credit"));

        Assert.Equal((200_000m, 300_000m), (recorded.Posting!.Allocated, recorded.Posting.Credit));
        await using (var db = database.CreateDbContext())
            Assert.Equal(300_000m, (await db.Customers.SingleAsync()).CreditBalance);

        await using (var scope = _data.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(new DateOnly(2025, 4, 1), BillingRunTrigger.Manual)).Succeeded);

        await using var after = database.CreateDbContext();
        var april = await after.Invoices.SingleAsync(i => i.Period == new DateOnly(2025, 4, 1));
        Assert.Equal((InvoiceStatus.Paid, 200_000m), (april.Status, april.AmountPaid));
        Assert.Equal(100_000m, (await after.Customers.SingleAsync()).CreditBalance);
        Assert.Equal([200_000m, 200_000m], await after.PaymentAllocations.OrderBy(a => a.Id).Select(a => a.Amount).ToListAsync());
        // A paid invoice needs no "please pay": only the receipt is in the outbox.
        Assert.DoesNotContain(await after.OutboxMessages.Select(m => m.Template).ToListAsync(), t => t == "invoice_issued");
    }

    [Fact]
    public async Task The_same_key_twice_even_at_once_records_one_payment_and_a_different_payment_under_it_is_refused()
    {
        var customer = await _data.CustomerAsync();
        await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        var input = new PaymentInput(customer.Code, PaymentMethod.Cash, 200_000m, "double-click");

        var both = await Task.WhenAll(Task.Run(() => _data.PayAsync(input)), Task.Run(() => _data.PayAsync(input)));
        var other = await _data.RecordAsync(input with { Amount = 150_000m });

        Assert.Equal(both[0].Id, both[1].Id);
        Assert.Single(both, b => b.AlreadyRecorded);
        Assert.Contains("sudah dipakai", other.Errors[nameof(PaymentInput.IdempotencyKey)].Single(), StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Payments.CountAsync());
        Assert.Equal(1, await db.PaymentAllocations.CountAsync());
        Assert.Equal(200_000m, (await db.Invoices.SingleAsync()).AmountPaid);
    }

    [Fact]
    public async Task A_transfer_waits_for_Finance_counts_only_once_confirmed_and_a_rejected_one_never()
    {
        var customer = await _data.CustomerAsync();
        await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        var proof = await _data.ProofAsync();

        var missingProof = await _data.RecordAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 200_000m, "t-0"));
        var pending = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 200_000m, "t-1", new DateOnly(2025, 3, 14), "BCA 123", proof));
        var wrong = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 50_000m, "t-2", ProofName: proof));

        Assert.Equal("Unggah bukti transfer.", missingProof.Errors[nameof(PaymentInput.ProofName)].Single());
        Assert.Equal((PaymentStatus.Pending, (PostingResult?)null), (pending.Status, pending.Posting));
        await using (var db = database.CreateDbContext())
            Assert.Equal((InvoiceStatus.Unpaid, 0), ((await db.Invoices.SingleAsync()).Status, await db.OutboxMessages.CountAsync()));

        await using var scope = _data.Services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<ReviewTransfer>();
        var confirmed = await review.ConfirmAsync(pending.Id);
        var again = await review.ConfirmAsync(pending.Id);
        var rejected = await review.RejectAsync(wrong.Id, "Tidak ada di mutasi rekening");
        var noReason = await review.RejectAsync(wrong.Id, " ");

        Assert.Equal((PaymentStatus.Confirmed, 200_000m), (confirmed.Value!.Status, confirmed.Value.Posting!.Allocated));
        Assert.Equal("Pembayaran PAY/2025/03/000001 sudah dikonfirmasi.", again.FirstError);
        Assert.Equal(PaymentStatus.Rejected, rejected.Value!.Status);
        Assert.False(noReason.Succeeded);
        await using var after = database.CreateDbContext();
        Assert.Equal(InvoiceStatus.Paid, (await after.Invoices.SingleAsync()).Status);
        var payments = await after.Payments.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 5, 0, 0, TimeSpan.Zero), payments[0].ReceivedAt);
        Assert.Equal("Tidak ada di mutasi rekening", payments[1].RejectionReason);
        Assert.Equal(0m, (await after.Customers.SingleAsync()).CreditBalance);
        Assert.Equal(1, await after.OutboxMessages.CountAsync(m => m.Template == "payment_receipt"));
    }

    [Theory]
    [InlineData(0, "Amount")]
    [InlineData(-5, "Amount")]
    [InlineData(1500.5, "Amount")]
    [InlineData(2_000_000_000, "Amount")]
    public async Task Bad_amounts_are_refused_on_their_field_and_nothing_is_written(decimal amount, string field)
    {
        var customer = await _data.CustomerAsync();

        var refused = await _data.RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, amount, "k"));

        Assert.True(refused.Errors.ContainsKey(field));
        await using var db = database.CreateDbContext();
        Assert.False(await db.Payments.AnyAsync());
    }

    [Fact]
    public async Task Qris_and_future_dates_cannot_be_recorded_by_hand()
    {
        var customer = await _data.CustomerAsync();

        var qris = await _data.RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Qris, 100m, "q"));
        var future = await _data.RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 100m, "f", new DateOnly(2025, 3, 16)));

        Assert.Contains("payment gateway", qris.Errors[nameof(PaymentInput.Method)].Single(), StringComparison.Ordinal);
        Assert.Equal("Tanggal terima tidak boleh di masa depan.", future.Errors[nameof(PaymentInput.ReceivedOn)].Single());
    }
}
