using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Notifications.Endpoints;
using IspPortal.Web.Features.Tickets.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// The chat bridged to WhatsApp over real HTTP: a signed inbound message opens a ticket, the agent's
/// reply reaches the Cloud API stand-in through the outbox, and the stand-in's statuses become the ticks.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Disposed in DisposeAsync (xunit IAsyncLifetime).")]
public sealed class TicketChatEndToEndTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>, IAsyncLifetime
{
    private const string AppSecret = "chat-app-secret";
    private const string Token = "chat-e2e-token";
    private WhatsAppCloudStandIn _standIn = default!;
    private Uri Webhook => new(portal.BaseAddress, WhatsAppWebhookEndpoints.Route.TrimStart('/'));

    public async Task InitializeAsync()
    {
        _standIn = await WhatsAppCloudStandIn.StartAsync(Token);
        var protector = portal.Services.GetRequiredService<ISecretProtector>();
        await using var scope = portal.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(
            WhatsAppWebhookSetup.CloudApiStandIn(protector, _standIn, Token, AppSecret), Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
    }

    public Task DisposeAsync() => _standIn.DisposeAsync().AsTask();

    [Fact]
    public async Task Inbound_whatsapp_opens_a_ticket_the_reply_reaches_the_customer_and_the_statuses_become_ticks()
    {
        var (_, phone) = await TicketTestData.CustomerWithoutOpenTicketAsync(portal.Database, 5);
        var events = new ConcurrentQueue<TicketChatEvent>();
        using var subscription = portal.Services.GetRequiredService<ITicketChatBus>().Subscribe(events.Enqueue);
        using var client = portal.CreateClient();

        using (var inbound = await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, phone, "Pak Dedi", "Internet putus total dari tadi malam", "wamid.CHAT-1"))
            Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        int ticketId;
        await using (var db = portal.Database.CreateDbContext())
            ticketId = (await db.WhatsAppMessages.SingleAsync(m => m.ProviderMessageId == "wamid.CHAT-1")).TicketId!.Value;
        await Eventually.TrueAsync(() => events.Contains(new ChatMessageAdded(ticketId)));

        TicketReplySent sent;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var reply = await scope.ServiceProvider.GetRequiredService<SendTicketReply>().ExecuteAsync(
                new TicketReplyInput(ticketId, "Mohon maaf Pak Dedi, teknisi kami berangkat jam 10.", Guid.NewGuid().ToString("N")));
            Assert.True(reply.Succeeded, reply.FirstError);
            sent = reply.Value!;
            await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
        }
        var received = Assert.Single(_standIn.Received, m => m.To == phone.TrimStart('+'));
        Assert.Equal(("text", "Mohon maaf Pak Dedi, teknisi kami berangkat jam 10."), (received.Type, received.Text));
        await Eventually.TrueAsync(() => events.Contains(new ChatDeliveryChanged(ticketId, sent.WhatsAppMessageId!.Value, WhatsAppMessageStatus.Sent)));

        using (var delivered = await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, received.Wamid, "delivered", received.To))
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        await Eventually.TrueAsync(() => events.Contains(new ChatDeliveryChanged(ticketId, sent.WhatsAppMessageId!.Value, WhatsAppMessageStatus.Delivered)));
        using (var read = await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, received.Wamid, "read", received.To))
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Eventually.TrueAsync(() => events.Contains(new ChatDeliveryChanged(ticketId, sent.WhatsAppMessageId!.Value, WhatsAppMessageStatus.Read)));

        await using var scope2 = portal.Services.CreateAsyncScope();
        var conversation = await scope2.ServiceProvider.GetRequiredService<TicketConversation>().LoadAsync(ticketId);
        var customer = Assert.Single(conversation!.Items, i => i.Kind == ChatItemKind.Customer);
        Assert.Equal("Internet putus total dari tadi malam", customer.Body);
        var agent = Assert.Single(conversation.Items, i => i.Kind == ChatItemKind.Agent);
        Assert.Equal(WhatsAppMessageStatus.Read, agent.Delivery);
        Assert.True(conversation.Ticket.WindowOpen);
    }

    [Fact]
    public async Task Attachments_download_only_for_roles_that_read_tickets()
    {
        int ticketId;
        await using (var db = portal.Database.CreateDbContext())
            ticketId = await db.Tickets.Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled).Select(t => t.Id).FirstAsync();
        byte[] pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8];
        long commentId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var noted = await scope.ServiceProvider.GetRequiredService<AddInternalNote>().ExecuteAsync(ticketId, "foto ODP", new ChatUpload("hasil ukur.pdf", pdf));
            Assert.True(noted.Succeeded, noted.FirstError);
            commentId = noted.Value;
        }
        var url = new Uri(TicketAttachmentEndpoints.UrlFor(commentId).TrimStart('/'), UriKind.Relative);

        using var technician = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Technician));
        using var finance = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Finance));
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        using var allowed = await technician.GetAsync(url);
        using var denied = await finance.GetAsync(url);
        using var signIn = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", allowed.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("hasil ukur.pdf", allowed.Content.Headers.ContentDisposition?.FileNameStar ?? allowed.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(pdf, await allowed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
