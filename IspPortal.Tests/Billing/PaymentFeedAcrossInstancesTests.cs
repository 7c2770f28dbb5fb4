using System.Collections.Concurrent;
using IspPortal.Core.Billing.Payments;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>Two portal instances on one database: a payment webhook received by one reaches the customer's pages on the other (docs/decisions/0024).</summary>
public sealed class PaymentFeedAcrossInstancesTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private TwoPortalInstances _instances = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _instances = await TwoPortalInstances.StartAsync(database.ConnectionString);
    }

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task A_payment_webhook_confirmed_on_one_instance_reaches_the_customer_pages_on_the_other()
    {
        await using var midtrans = await QrisBilling.StartMidtransAsync(_instances.First);
        int customerId;
        string invoiceNumber;
        await using (var db = database.CreateDbContext())
            (customerId, invoiceNumber) = await QrisBilling.InvoiceAsync(db, 150_000m);
        var received = new ConcurrentQueue<PaymentConfirmed>();
        using var subscription = _instances.Second.GetRequiredService<PaymentFeed>().Subscribe(received.Enqueue);
        QrisToPay qris;
        await using (var scope = _instances.First.CreateAsyncScope())
            qris = (await scope.ServiceProvider.GetRequiredService<CreateQrisPayment>().ExecuteAsync(invoiceNumber)).Value!;
        Assert.Empty(received);

        NotificationResult result;
        await using (var scope = _instances.First.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<ReceiveGatewayNotification>().ExecuteAsync("midtrans", midtrans.Notification(qris.OrderId, "settlement"));

        Assert.Equal(NotificationVerdict.Confirmed, result.Verdict);
        await Eventually.TrueAsync(() => received.Any(p => p.CustomerId == customerId));
        Assert.True(received.Single().Concerns(customerId));
        Assert.False(received.Single().Concerns(customerId + 1));
    }
}
