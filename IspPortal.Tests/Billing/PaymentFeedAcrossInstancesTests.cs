using System.Collections.Concurrent;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>Two portal instances on one database: a payment made on one (a webhook, the counter, Finance's review) reaches the customer's pages on the other (docs/decisions/0024).</summary>
public sealed class PaymentFeedAcrossInstancesTests(DatabaseFixture database) : AcrossInstancesTest(database)
{
    [Fact]
    public async Task A_payment_webhook_confirmed_on_one_instance_reaches_the_customer_pages_on_the_other()
    {
        await using var midtrans = await QrisBilling.StartMidtransAsync(First);
        int customerId;
        string invoiceNumber;
        await using (var db = Database.CreateDbContext())
            (customerId, invoiceNumber) = await QrisBilling.InvoiceAsync(db, 150_000m);
        var received = new ConcurrentQueue<PaymentsChanged>();
        using var subscription = Second.GetRequiredService<PaymentFeed>().Subscribe(received.Enqueue);
        QrisToPay qris;
        await using (var scope = First.CreateAsyncScope())
            qris = (await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync(invoiceNumber)).Value!;
        Assert.Empty(received);

        NotificationResult result;
        await using (var scope = First.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<ReceiveGatewayNotification>().ExecuteAsync("midtrans", midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal(NotificationVerdict.Confirmed, result.Verdict);
        await Eventually.TrueAsync(() => received.Any(p => p.CustomerId == customerId));
        Assert.True(received.Single().Concerns(customerId));
        Assert.False(received.Single().Concerns(customerId + 1));
    }

    [Fact]
    public async Task Cash_at_the_counter_and_transfers_reviewed_by_Finance_on_one_instance_reach_the_other()
    {
        int customerId;
        string code;
        long toConfirm, toReject;
        await using (var db = Database.CreateDbContext())
        {
            (customerId, _) = await QrisBilling.InvoiceAsync(db, 150_000m);
            code = db.Customers.Single(c => c.Id == customerId).Code;
            var transfers = Enumerable.Range(1, 2)
                .Select(n => new Payment($"PAY/TEST/{n:000000}", customerId, PaymentMethod.BankTransfer, 100_000m, DateTimeOffset.UtcNow, null)).ToList();
            db.Payments.AddRange(transfers);
            await db.SaveChangesAsync();
            (toConfirm, toReject) = (transfers[0].Id, transfers[1].Id);
        }
        var received = new ConcurrentQueue<PaymentsChanged>();
        using var subscription = Second.GetRequiredService<PaymentFeed>().Subscribe(received.Enqueue);

        await using var scope = First.CreateAsyncScope();
        var cash = await scope.ServiceProvider.GetRequiredService<RecordPayment>().ExecuteAsync(new PaymentInput(code, PaymentMethod.Cash, 50_000m, "counter-1"));
        Assert.True(cash.Succeeded, cash.FirstError);
        await Eventually.TrueAsync(() => received.Count == 1, because: "the cash payment reached the other instance");
        var confirmed = await scope.ServiceProvider.GetRequiredService<ReviewTransfer>().ConfirmAsync(toConfirm);
        Assert.True(confirmed.Succeeded, confirmed.FirstError);
        await Eventually.TrueAsync(() => received.Count == 2, because: "the confirmed transfer reached the other instance");
        var rejected = await scope.ServiceProvider.GetRequiredService<ReviewTransfer>().RejectAsync(toReject, "Tidak ada di mutasi rekening");
        Assert.True(rejected.Succeeded, rejected.FirstError);
        await Eventually.TrueAsync(() => received.Count == 3, because: "the rejected transfer reached the other instance");

        Assert.All(received, p => Assert.Equal(customerId, p.CustomerId));
    }
}
