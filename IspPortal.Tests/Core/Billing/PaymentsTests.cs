using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Invoicing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Core.Billing;

/// <summary>Cash and transfers on real PostgreSQL: allocation oldest first, partial payments, credit, idempotency and Finance's review.</summary>
public sealed class PaymentsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 15 March 2025, 10:00 in Jakarta.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 15, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;
    private string _photos = "";
    private int _location, _package;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _photos = Directory.CreateTempSubdirectory("ispportal-proofs-").FullName;
        _services = CoreServices.Build(database.ConnectionString, _clock, _photos);
        await using var db = database.CreateDbContext();
        var location = new LocationCode { Code = "KCB", Name = "Karawang", CreatedAt = _clock.GetUtcNow() };
        var package = new ServicePackage { Code = "HOME-20", Name = "Rumahan 20 Mbps", MikrotikProfile = "p20", DownloadMbps = 20, UploadMbps = 20, MonthlyPrice = 200_000m, CreatedAt = _clock.GetUtcNow() };
        db.AddRange(location, package);
        await db.SaveChangesAsync();
        (_location, _package) = (location.Id, package.Id);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_photos, recursive: true);
    }

    [Fact]
    public async Task Cash_pays_the_oldest_invoice_first_then_part_of_the_next_and_queues_a_receipt()
    {
        var customer = await CustomerAsync();
        await InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        await InvoiceAsync(customer, new DateOnly(2025, 2, 1), 200_000m);

        var recorded = await RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 300_000m, "key-1"));

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
        var customer = await CustomerAsync();
        await InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);

        var recorded = await RecordAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 500_000m, "key-credit"));

        Assert.Equal((200_000m, 300_000m), (recorded.Posting!.Allocated, recorded.Posting.Credit));
        await using (var db = database.CreateDbContext())
            Assert.Equal(300_000m, (await db.Customers.SingleAsync()).CreditBalance);

        await using (var scope = _services.CreateAsyncScope())
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
        var customer = await CustomerAsync();
        await InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        var input = new PaymentInput(customer.Code, PaymentMethod.Cash, 200_000m, "double-click");

        var both = await Task.WhenAll(Task.Run(() => RecordAsync(input)), Task.Run(() => RecordAsync(input)));
        var other = await RecordOutcomeAsync(input with { Amount = 150_000m });

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
        var customer = await CustomerAsync();
        await InvoiceAsync(customer, new DateOnly(2025, 3, 1), 200_000m);
        var proof = await ProofAsync();

        var missingProof = await RecordOutcomeAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 200_000m, "t-0"));
        var pending = await RecordAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 200_000m, "t-1", new DateOnly(2025, 3, 14), "BCA 123", proof));
        var wrong = await RecordAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 50_000m, "t-2", ProofName: proof));

        Assert.Equal("Unggah bukti transfer.", missingProof.Errors[nameof(PaymentInput.ProofName)].Single());
        Assert.Equal((PaymentStatus.Pending, (PostingResult?)null), (pending.Status, pending.Posting));
        await using (var db = database.CreateDbContext())
            Assert.Equal((InvoiceStatus.Unpaid, 0), ((await db.Invoices.SingleAsync()).Status, await db.OutboxMessages.CountAsync()));

        await using var scope = _services.CreateAsyncScope();
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
        var customer = await CustomerAsync();

        var refused = await RecordOutcomeAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, amount, "k"));

        Assert.True(refused.Errors.ContainsKey(field));
        await using var db = database.CreateDbContext();
        Assert.False(await db.Payments.AnyAsync());
    }

    [Fact]
    public async Task Qris_and_future_dates_cannot_be_recorded_by_hand()
    {
        var customer = await CustomerAsync();

        var qris = await RecordOutcomeAsync(new PaymentInput(customer.Code, PaymentMethod.Qris, 100m, "q"));
        var future = await RecordOutcomeAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 100m, "f", new DateOnly(2025, 3, 16)));

        Assert.Contains("payment gateway", qris.Errors[nameof(PaymentInput.Method)].Single(), StringComparison.Ordinal);
        Assert.Equal("Tanggal terima tidak boleh di masa depan.", future.Errors[nameof(PaymentInput.ReceivedOn)].Single());
    }

    private async Task<RecordedPayment> RecordAsync(PaymentInput input)
    {
        var outcome = await RecordOutcomeAsync(input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }

    private async Task<IspPortal.Core.Common.Outcome<RecordedPayment>> RecordOutcomeAsync(PaymentInput input)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(input);
    }

    private async Task<string> ProofAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IspPortal.Core.Customers.Photos.ICustomerPhotoStore>();
        using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var saved = await store.SaveAsync(png);
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value!;
    }

    private async Task<Customer> CustomerAsync()
    {
        await using var db = database.CreateDbContext();
        var registered = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var index = await db.Customers.CountAsync();
        var customer = new Customer($"KCB-CKP011224-{index:000}", $"Pelanggan {index}", $"+62812{index:0000000}", _location, _package, registered);
        customer.ChangeStatus(CustomerStatus.Active, StatusChangeSource.System, null, registered);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private async Task<Invoice> InvoiceAsync(Customer customer, DateOnly period, decimal amount)
    {
        await using var db = database.CreateDbContext();
        var invoice = new Invoice($"INV/{period:yyyy/MM}/{customer.Id:000000}", customer.Id, period, period, period.AddDays(9), 0, _clock.GetUtcNow());
        invoice.AddLine(InvoiceLineKind.Subscription, "Rumahan 20 Mbps", 1, amount, _package);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    }
}
