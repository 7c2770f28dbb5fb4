using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Notifications.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>Inbound WhatsApp through the signed webhook (real HTTP) lands on a ticket: opens one, joins the open one, wakes one waiting for the customer.</summary>
public sealed class WhatsAppTicketIntakeTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>, IAsyncLifetime
{
    private const string AppSecret = "intake-app-secret";
    private Uri Webhook => new(portal.BaseAddress, WhatsAppWebhookEndpoints.Route.TrimStart('/'));

    public Task InitializeAsync() => portal.UseWhatsAppWebhookAsync(AppSecret);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_customer_without_an_open_ticket_opens_one_and_the_next_messages_join_it_even_two_at_once()
    {
        var (id, phone) = await TicketTestData.CustomerWithoutOpenTicketAsync(portal.Database, 0);
        using var client = portal.CreateClient();

        var both = await Task.WhenAll(
            WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, phone, "Ibu Sari", "Internet mati sejak subuh, lampu LOS merah", "wamid.T-1"),
            WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, phone, "Ibu Sari", "Tolong dicek ya", "wamid.T-2"));
        using var later = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, phone, "Ibu Sari", "Sudah dicek?", "wamid.T-3");

        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in both)
            response.Dispose();
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.CustomerId == id && t.Channel == TicketChannel.WhatsApp);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        var filed = await db.WhatsAppMessages.Where(m => m.ProviderMessageId!.StartsWith("wamid.T-")).Select(m => m.TicketId).ToListAsync();
        Assert.Equal([ticket.Id, ticket.Id, ticket.Id], filed);
        Assert.NotNull(ticket.LastCustomerMessageAt);
    }

    [Fact]
    public async Task A_number_no_customer_has_opens_a_ticket_with_its_contact_and_its_reply_joins_it()
    {
        using var client = portal.CreateClient();

        using var first = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, "+6289900001111", "Pak Tono", "Mau pasang internet di rumah", "wamid.U-1");
        using var second = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, "+6289900001111", "Pak Tono", "Alamat di Jl. Melati 3", "wamid.U-2");

        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.ContactPhone == "+6289900001111");
        Assert.Equal((null, "Pak Tono", "Mau pasang internet di rumah"), (ticket.CustomerId, ticket.ContactName, ticket.Subject));
        Assert.Equal(2, await db.WhatsAppMessages.CountAsync(m => m.TicketId == ticket.Id));
    }

    [Fact]
    public async Task A_reply_to_a_ticket_waiting_for_the_customer_puts_it_back_in_progress()
    {
        var (id, phone) = await TicketTestData.CustomerWithoutOpenTicketAsync(portal.Database, 1);
        int ticketId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(new TicketInput(
                await CodeAsync(id), "Koneksi lambat", "", TicketChannel.Phone));
            ticketId = opened.Value!.Id;
        }
        await using (var db = portal.Database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            ticket.MoveTo(TicketStatus.Assigned, null, DateTimeOffset.UtcNow);
            ticket.MoveTo(TicketStatus.WaitingForCustomer, null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        using var client = portal.CreateClient();

        using var reply = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, phone, "Pak Joko", "Sudah saya restart modemnya", "wamid.W-1");

        await using var after = portal.Database.CreateDbContext();
        var woken = await after.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.InProgress, woken.Status);
        Assert.Contains(woken.Activities, a => a.Kind == TicketActivityKind.StatusChanged && a.ToValue == nameof(TicketStatus.InProgress));
        Assert.Equal(ticketId, (await after.WhatsAppMessages.SingleAsync(m => m.ProviderMessageId == "wamid.W-1")).TicketId);
    }

    private async Task<string> CodeAsync(int id)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == id).Select(c => c.Code).SingleAsync();
    }
}
