using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.Charges;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The customer's Tagihan tab on real PostgreSQL: what is owed, what each payment paid, the billing timeline, and isolation exemptions.</summary>
public sealed class CustomerBillingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = BillingTestData.MidMarch2025();
    private BillingTestData _data = default!;

    public async Task InitializeAsync()
    {
        _data = await BillingTestData.StartAsync(database, _clock);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Shows_what_is_owed_what_each_payment_paid_and_what_an_amount_would_pay()
    {
        var customer = await _data.CustomerAsync("Budi Santoso");
        var february = await _data.InvoiceAsync(customer, new DateOnly(2025, 2, 1));
        var march = await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));
        var cash = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 250_000m, "cash"));
        var pending = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 100_000m, "transfer", ProofName: await _data.ProofAsync()));
        await _data.InScopeAsync(sp => sp.GetRequiredService<BillingCharges>().AddAsync(new ChargeInput(customer.Code, InvoiceLineKind.Equipment, "Router pengganti", 350_000m)));

        var view = (await ForAsync(customer.Code))!;

        Assert.Equal((150_000m, 150_000m, 0m), (view.Outstanding, view.Overdue, view.CreditBalance));
        Assert.Equal([(march.Number, InvoiceStatus.PartiallyPaid, 150_000m), (february.Number, InvoiceStatus.Paid, 0m)], view.Invoices.Select(i => (i.Number, i.Status, i.Due)));
        Assert.Equal([pending.Number, cash.Number], view.Payments.Select(p => p.Number));
        Assert.Equal([new AllocationView(february.Number, 200_000m), new AllocationView(march.Number, 50_000m)], view.Payments[1].Allocations);
        Assert.Empty(view.Payments[0].Allocations);
        Assert.Equal(("Router pengganti", 350_000m), (view.WaitingCharges.Single().Description, view.WaitingCharges.Single().Amount));
        var (paid, credit) = view.Preview(200_000m);
        Assert.Equal([new AllocationView(march.Number, 150_000m)], paid);
        Assert.Equal(50_000m, credit);
        Assert.Null(view.Exemption);
        Assert.Null(await ForAsync("KCB-TIDAK-ADA"));
    }

    [Fact]
    public async Task Timeline_tells_the_billing_story_newest_first_with_one_entry_per_reminder()
    {
        var customer = await _data.CustomerAsync("Siti Aminah");
        var march = await _data.InvoiceAsync(customer, new DateOnly(2025, 3, 1));
        var proof = await _data.ProofAsync();
        await using (var db = database.CreateDbContext())
        {
            foreach (var channel in new[] { NotificationChannel.WhatsApp, NotificationChannel.Email })
                db.OutboxMessages.Add(new OutboxMessage($"invoice-reminder:{march.Number}:-3:{channel}", channel, "x", "invoice_reminder", "{}", _clock.GetUtcNow().AddMinutes(1), customer.Id));
            db.CustomerStatusLogs.Add(new CustomerStatusLog(customer.Id, _clock.GetUtcNow().AddMinutes(2), StatusChangeKind.Lifecycle, "Active", "Isolated", StatusChangeSource.Billing, "Tagihan belum dibayar", null));
            var invoice = await db.Invoices.SingleAsync();
            db.CreditNotes.Add(new CreditNote("CN/2025/03/000001", invoice, 20_000m, "Gangguan 2 hari", null, _clock.GetUtcNow().AddMinutes(3)));
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(4));
        var rejected = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.BankTransfer, 10_000m, "t1", ProofName: proof));
        await _data.InScopeAsync(sp => sp.GetRequiredService<ReviewTransfer>().RejectAsync(rejected.Id, "Tidak ada di mutasi"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var cash = await _data.PayAsync(new PaymentInput(customer.Code, PaymentMethod.Cash, 180_000m, "c1"));

        var timeline = (await ForAsync(customer.Code))!.Timeline;

        Assert.Equal(
            [BillingEventKind.PaymentConfirmed, BillingEventKind.PaymentRejected, BillingEventKind.PaymentRecorded, BillingEventKind.CreditNote,
             BillingEventKind.Isolated, BillingEventKind.ReminderQueued, BillingEventKind.InvoiceIssued],
            timeline.Select(e => e.Kind));
        Assert.Equal((cash.Number, 180_000m), (timeline[0].Document, timeline[0].Amount));
        Assert.Equal("Tidak ada di mutasi", timeline[1].Detail);
        Assert.Equal((march.Number, "H-3 · Email, WhatsApp"), (timeline[5].Document, timeline[5].Detail));
        Assert.Equal($"{march.Number} · Gangguan 2 hari", timeline[3].Detail);
    }

    [Fact]
    public async Task An_exemption_needs_a_reason_and_a_day_not_past_is_shown_and_audited_and_can_end()
    {
        var customer = await _data.CustomerAsync("Pak Haji VIP");
        using var scope = _data.Services.CreateScope();
        var exemptions = scope.ServiceProvider.GetRequiredService<IsolationExemptions>();

        var noReason = await exemptions.SetAsync(customer.Code, null, "  ");
        var past = await exemptions.SetAsync(customer.Code, new DateOnly(2025, 3, 14), "Janji bayar");
        var promise = await exemptions.SetAsync(customer.Code, new DateOnly(2025, 3, 25), "Janji bayar sampai 25/03");

        Assert.True(noReason.Errors.ContainsKey(IsolationExemptions.ReasonField));
        Assert.Equal("Tanggal akhir tidak boleh di masa lalu.", past.Errors[IsolationExemptions.UntilField].Single());
        Assert.Equal(new ExemptionView(new DateOnly(2025, 3, 25), "Janji bayar sampai 25/03", true), promise.Value);
        Assert.Equal(promise.Value, (await ForAsync(customer.Code))!.Exemption);
        _clock.Advance(TimeSpan.FromDays(11));
        Assert.False((await ForAsync(customer.Code))!.Exemption!.InForce);

        var vip = await exemptions.SetAsync(customer.Code, null, "VIP");
        Assert.True(vip.Value!.InForce);
        Assert.True((await exemptions.EndAsync(customer.Code)).Succeeded);
        Assert.Null((await ForAsync(customer.Code))!.Exemption);
        Assert.False((await exemptions.EndAsync("KCB-TIDAK-ADA")).Succeeded);
        await using var db = database.CreateDbContext();
        var audit = await db.AuditLogs.Where(a => a.Entity == "customers" && a.EntityKey == customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Changes).ToListAsync();
        Assert.Contains(audit, changes => changes.Contains("Janji bayar sampai 25/03", StringComparison.Ordinal));
    }

    private Task<CustomerBillingView?> ForAsync(string code) =>
        _data.InScopeAsync(sp => sp.GetRequiredService<CustomerBilling>().ForAsync(code));
}
