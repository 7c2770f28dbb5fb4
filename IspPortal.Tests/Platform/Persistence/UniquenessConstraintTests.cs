using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Tickets;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static IspPortal.Tests.Platform.Persistence.SchemaTestData;

namespace IspPortal.Tests.Platform.Persistence;

/// <summary>Every uniqueness rule the business relies on is refused by the database itself.</summary>
public class UniquenessConstraintTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Customer_code_is_unique()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        await AddCustomerAsync(context, location, package, router, "KCB-CKP150326-001");

        await AssertRefusedAsync("ux_customers_code", c => c.Add(new Customer("KCB-CKP150326-001", "Siti", "+6281200000001", location.Id, package.Id, Now)));
    }

    [Fact]
    public async Task Pppoe_username_is_unique_per_router_but_may_repeat_on_another_router()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        var (_, _, other) = await AddNetworkAsync(context, "MLGT", "BDG");
        var first = await AddCustomerAsync(context, location, package, router, "KCB-CKP150326-001");
        var second = await AddCustomerAsync(context, location, package, router, "KCB-CKP150326-002");
        context.Add(new PppoeSecret(router.Id, first.Id, "CKP123", "protected", "home-20", false, Now));
        context.Add(new PppoeSecret(other.Id, first.Id, "CKP123", "protected", "home-20", true, Now));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_pppoe_secrets_router_username", c => c.Add(new PppoeSecret(router.Id, second.Id, "CKP123", "protected", "home-20", false, Now)));
    }

    [Fact]
    public async Task One_invoice_per_customer_per_period()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = await AddCustomerAsync(context, location, package, router);
        context.Add(NewInvoice("INV/2026/03/000001", customer.Id, new DateOnly(2026, 3, 1)));
        await context.SaveChangesAsync();

        // Any day of the month is the same period.
        await AssertRefusedAsync("ux_invoices_customer_period", c => c.Add(NewInvoice("INV/2026/03/000002", customer.Id, new DateOnly(2026, 3, 20))));
    }

    [Fact]
    public async Task Invoice_number_is_unique()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = await AddCustomerAsync(context, location, package, router);
        context.Add(NewInvoice("INV/2026/03/000001", customer.Id, new DateOnly(2026, 3, 1)));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_invoices_number", c => c.Add(NewInvoice("INV/2026/03/000001", customer.Id, new DateOnly(2026, 4, 1))));
    }

    [Fact]
    public async Task One_payment_per_gateway_transaction()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = await AddCustomerAsync(context, location, package, router);
        context.Add(NewQrisPayment("RCP/2026/03/000001", customer.Id, "midtrans", "0f1c-txn"));
        context.Add(NewQrisPayment("RCP/2026/03/000002", customer.Id, "xendit", "0f1c-txn"));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_payments_gateway_transaction", c => c.Add(NewQrisPayment("RCP/2026/03/000003", customer.Id, "midtrans", "0f1c-txn")));
    }

    [Fact]
    public async Task One_notification_per_idempotency_key()
    {
        await using var context = db.CreateDbContext();
        context.Add(NewOutboxMessage("invoice-reminder:INV/2026/03/000001:H-3"));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_notification_outbox_idempotency_key", c => c.Add(NewOutboxMessage("invoice-reminder:INV/2026/03/000001:H-3")));
    }

    [Fact]
    public async Task Router_code_is_unique()
    {
        await using var context = db.CreateDbContext();
        var (location, _, _) = await AddNetworkAsync(context);

        await AssertRefusedAsync("ux_routers_code", c => c.Add(new Router("CKP", "Another", location.Id, "10.0.0.2", 8728, "admin", "protected", Now) { IsolationProfile = "isolir" }));
    }

    [Fact]
    public async Task Location_code_is_unique()
    {
        await using var context = db.CreateDbContext();
        await AddNetworkAsync(context);

        await AssertRefusedAsync("ix_location_codes_code", c => c.Add(new LocationCode { Code = "KCB", Name = "Again", CreatedAt = Now }));
    }

    [Fact]
    public async Task Package_code_is_unique()
    {
        await using var context = db.CreateDbContext();
        await AddNetworkAsync(context);

        await AssertRefusedAsync("ix_service_packages_code", c => c.Add(new ServicePackage
        {
            Code = "HOME-CKP", Name = "Again", DownloadMbps = 10, UploadMbps = 5, MikrotikProfile = "x", MonthlyPrice = 1, CreatedAt = Now,
        }));
    }

    [Fact]
    public async Task Ticket_number_is_unique()
    {
        await using var context = db.CreateDbContext();
        context.Add(new Ticket("TKT-2603-000001", null, "Internet mati", "Sejak pagi", TicketChannel.Phone, TicketPriority.High, Now, null));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_tickets_number", c => c.Add(new Ticket("TKT-2603-000001", null, "Lambat", "", TicketChannel.Web, TicketPriority.Low, Now, null)));
    }

    [Fact]
    public async Task A_router_is_in_a_pool_once()
    {
        await using var context = db.CreateDbContext();
        var (_, _, router) = await AddNetworkAsync(context);
        var pool = new RouterPool { Name = "Cikampek", CreatedAt = Now };
        pool.AddMember(router, PoolMemberRole.Primary, 1, 1, null, Now);
        context.Add(pool);
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_router_pool_members_pool_router", async c =>
        {
            var again = await c.RouterPools.SingleAsync();
            var sameRouter = await c.Routers.SingleAsync(r => r.Id == router.Id);
            // A second pool object, so the domain's own guard does not see the first membership.
            var detached = new RouterPool { Name = "ignored" };
            var member = detached.AddMember(sameRouter, PoolMemberRole.Backup, 2, 1, null, Now);
            c.Entry(member).Property(m => m.RouterPoolId).CurrentValue = again.Id;
            c.Entry(member).Reference(m => m.Pool).CurrentValue = again;
            c.Add(member);
        });
    }

    [Fact]
    public async Task Each_escalation_level_happens_once_per_ticket()
    {
        await using var context = db.CreateDbContext();
        var ticket = new Ticket("TKT-2603-000009", null, "Putus", "", TicketChannel.WhatsApp, TicketPriority.Urgent, Now, null);
        ticket.Escalate(EscalationReason.FirstResponseOverdue, Now, "NOC", null, Now);
        context.Add(ticket);
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_ticket_escalations_ticket_level", c =>
            c.Database.ExecuteSqlAsync($"INSERT INTO ticket_escalations (ticket_id, level, reason, due_at, escalated_at) VALUES ({ticket.Id}, 1, 'Manual', {Now}, {Now})"));
    }

    [Fact]
    public async Task A_webhook_delivered_twice_stores_the_whatsapp_message_once()
    {
        await using var context = db.CreateDbContext();
        context.Add(new WhatsAppMessage(MessageDirection.Inbound, "+6281234567890", WhatsAppMessageType.Text, "Halo", Now, "wamid.HBgM123"));
        await context.SaveChangesAsync();

        await AssertRefusedAsync("ux_whatsapp_messages_provider_message_id", c =>
            c.Add(new WhatsAppMessage(MessageDirection.Inbound, "+6281234567890", WhatsAppMessageType.Text, "Halo", Now, "wamid.HBgM123")));
    }

    [Fact]
    public async Task Check_constraints_refuse_negative_money_and_impossible_coordinates()
    {
        await using var context = db.CreateDbContext();
        var (location, package, router) = await AddNetworkAsync(context);
        var customer = await AddCustomerAsync(context, location, package, router);

        var negativePrice = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var c = db.CreateDbContext();
            await c.Database.ExecuteSqlAsync($"UPDATE service_packages SET monthly_price = -1 WHERE id = {package.Id}");
        });
        AssertViolation(negativePrice, PostgresErrorCodes.CheckViolation, "ck_service_packages_price");

        var badLatitude = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var c = db.CreateDbContext();
            await c.Database.ExecuteSqlAsync($"UPDATE customers SET latitude = 91, longitude = 107 WHERE id = {customer.Id}");
        });
        AssertViolation(badLatitude, PostgresErrorCodes.CheckViolation, "ck_customers_latitude");

        var paidTooMuch = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var c = db.CreateDbContext();
            c.Add(NewInvoice("INV/2026/03/000001", customer.Id, new DateOnly(2026, 3, 1)));
            await c.SaveChangesAsync();
            await c.Database.ExecuteSqlAsync($"UPDATE invoices SET amount_paid = total + 1");
        });
        AssertViolation(paidTooMuch, PostgresErrorCodes.CheckViolation, "ck_invoices_amount_paid");
    }

    private async Task AssertRefusedAsync(string constraint, Func<IspDbContext, Task> addDuplicate)
    {
        await using var context = db.CreateDbContext();
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await addDuplicate(context);
            await context.SaveChangesAsync();
        });
        AssertViolation(exception, PostgresErrorCodes.UniqueViolation, constraint);
    }

    private Task AssertRefusedAsync(string constraint, Action<IspDbContext> addDuplicate) =>
        AssertRefusedAsync(constraint, context =>
        {
            addDuplicate(context);
            return Task.CompletedTask;
        });

    private static void AssertViolation(Exception exception, string sqlState, string constraint)
    {
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        Assert.NotNull(postgres);
        Assert.Equal(sqlState, postgres.SqlState);
        Assert.Equal(constraint, postgres.ConstraintName);
    }

    private static Invoice NewInvoice(string number, int customerId, DateOnly period)
    {
        var invoice = new Invoice(number, customerId, period, Invoice.FirstDayOf(period), Invoice.FirstDayOf(period).AddDays(9), 0m, Now);
        invoice.AddLine(InvoiceLineKind.Subscription, "Home 20", 1m, 150_000m);
        return invoice;
    }

    private static Payment NewQrisPayment(string number, int customerId, string gateway, string transactionId)
    {
        var payment = new Payment(number, customerId, PaymentMethod.Qris, 150_000m, Now, null);
        payment.LinkGateway(gateway, transactionId, $"{number}-1", "pending", Now);
        return payment;
    }

    private static OutboxMessage NewOutboxMessage(string key) =>
        new(key, NotificationChannel.WhatsApp, "+6281234567890", "invoice_reminder", "{}", Now);
}
