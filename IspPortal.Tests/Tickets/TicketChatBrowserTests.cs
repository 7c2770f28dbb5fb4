using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Notifications.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.Tickets;

/// <summary>Two agents in two browser contexts on one ticket's chat: messages, typing, inbound WhatsApp and the unread badge, all live.</summary>
public sealed class TicketChatBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    private const string AppSecret = "browser-chat-secret";
    private const string Token = "browser-chat-token";
    private Uri Webhook => new(portal.BaseAddress, WhatsAppWebhookEndpoints.Route.TrimStart('/'));

    [Fact]
    public Task Two_agents_see_each_others_messages_typing_and_the_customers_whatsapp_without_reloading() => browser.OnPageAsync(async staff =>
    {
        await using var standIn = await WhatsAppCloudStandIn.StartAsync(Token);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var settings = WhatsAppWebhookSetup.CloudApiStandIn(portal.Services.GetRequiredService<ISecretProtector>(), standIn, Token, AppSecret);
            Assert.True((await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(settings, Actor.System)).Succeeded);
        }
        using var client = portal.CreateClient();
        using (await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, "+6289911112222", "Bu Rina", "Wifi tidak bisa konek", "wamid.BR-1")) { }
        int ticketId;
        await using (var db = portal.Database.CreateDbContext())
            ticketId = (await db.WhatsAppMessages.SingleAsync(m => m.ProviderMessageId == "wamid.BR-1")).TicketId!.Value;

        await staff.SignInAsync("staff");
        await staff.GotoAsync($"/tickets/{ticketId}/chat");
        await staff.WaitForCircuitAsync();
        var noc = await browser.NewPageAsync(portal.BaseAddress);
        try
        {
            await noc.SignInAsync("noc");
            await noc.GotoAsync($"/tickets/{ticketId}/chat");
            await noc.WaitForCircuitAsync();
            foreach (var page in new[] { staff, noc })
                await Assertions.Expect(page.GetByTestId("chat-messages")).ToContainTextAsync("Wifi tidak bisa konek");

            // Typing in one shows "sedang mengetik" in the other, then it goes away.
            var text = staff.Input("chat-text");
            await text.PressSequentiallyAsync("Halo Bu Rina");
            await Assertions.Expect(noc.GetByTestId("chat-typing")).ToContainTextAsync($"{await FullNameAsync("staff")} sedang mengetik", new() { Timeout = 3000 });
            await Assertions.Expect(noc.GetByTestId("chat-typing")).ToBeEmptyAsync(new() { Timeout = 10000 });

            // An internal note (Enter sends) appears in the other browser, marked as internal.
            await staff.GetByTestId("chat-mode-note").ClickAsync();
            await text.FillAsync("Cek ODP dulu sebelum balas");
            await text.PressAsync("Enter");
            var note = noc.GetByTestId("chat-message").Filter(new() { HasText = "Cek ODP dulu sebelum balas" });
            await Assertions.Expect(note).ToHaveAttributeAsync("data-kind", "InternalNote");
            await Assertions.Expect(note).ToContainTextAsync("Catatan internal");

            // A reply appears in the other browser with its tick (queued until the dispatcher runs).
            await noc.GetByTestId("chat-mode-reply").ClickAsync();
            var nocText = noc.Input("chat-text");
            await nocText.FillAsync("Baik Bu, kami cek sekarang.");
            await noc.GetByTestId("chat-send").ClickAsync();
            var reply = staff.GetByTestId("chat-message").Filter(new() { HasText = "Baik Bu, kami cek sekarang." });
            await Assertions.Expect(reply).ToHaveAttributeAsync("data-kind", "Agent");
            await Assertions.Expect(reply.GetByTestId("chat-ticks")).ToHaveAttributeAsync("data-status", "Queued");

            // The dispatcher sends it (✓), the customer's phone reports it read (blue ✓✓): both browsers follow.
            await using (var scope = portal.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
            var sent = Assert.Single(standIn.Received, m => m.To == "6289911112222");
            Assert.Equal("Baik Bu, kami cek sekarang.", sent.Text);
            await Assertions.Expect(reply.GetByTestId("chat-ticks")).ToHaveAttributeAsync("data-status", "Sent");
            using (await WhatsAppCloudStandIn.PostStatusAsync(client, Webhook, AppSecret, sent.Wamid, "read", sent.To)) { }
            await Assertions.Expect(reply.GetByTestId("chat-ticks")).ToHaveAttributeAsync("data-status", "Read");
            await Assertions.Expect(noc.GetByTestId("chat-message").Filter(new() { HasText = "Baik Bu, kami cek sekarang." }).Locator(".tick-read")).ToHaveTextAsync("✓✓");

            // A PDF on an internal note: the other agent gets the download link.
            await staff.Locator("[data-testid=chat-upload] input[type=file], input[type=file][data-testid=chat-upload]").First
                .SetInputFilesAsync(new FilePayload { Name = "denah-odp.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8] });
            await Assertions.Expect(staff.GetByTestId("chat-upload-name")).ToContainTextAsync("denah-odp.pdf");
            await staff.GetByTestId("chat-send").ClickAsync();
            await Assertions.Expect(noc.GetByTestId("chat-attachment")).ToContainTextAsync("denah-odp.pdf");
            Assert.Matches("^/tickets/attachments/\\d+$", await noc.GetByTestId("chat-attachment").GetAttributeAsync("href"));

            // The customer writes again on WhatsApp: both see it.
            using (await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, "+6289911112222", "Bu Rina", "Lampu modem merah", "wamid.BR-2")) { }
            foreach (var page in new[] { staff, noc })
                await Assertions.Expect(page.GetByTestId("chat-messages")).ToContainTextAsync("Lampu modem merah");

            // A new customer's message opens an unassigned ticket: the unread badge counts it at once.
            using (await WhatsAppCloudStandIn.PostInboundAsync(client, Webhook, AppSecret, "+6289933334444", "Pak Anton", "Minta pasang baru", "wamid.BR-3")) { }
            var expected = await UnreadForAsync("noc");
            Assert.True(expected >= 1);
            await Assertions.Expect(noc.GetByTestId("nav-unread-tickets")).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await noc.Context.CloseAsync();
        }
    }, portal.BaseAddress);

    [Fact]
    public Task A_manager_reads_the_chat_but_gets_no_composer() => browser.OnPageAsync(async manager =>
    {
        int ticketId;
        await using (var db = portal.Database.CreateDbContext())
            ticketId = await db.Tickets.Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();

        await manager.SignInAsync("manager");
        await manager.GotoAsync($"/tickets/{ticketId}/chat");
        await manager.WaitForCircuitAsync();

        await Assertions.Expect(manager.GetByTestId("chat-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("chat-messages")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("chat-composer")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByTestId("chat-send")).ToHaveCountAsync(0);
    }, portal.BaseAddress);

    private async Task<string> FullNameAsync(string userName)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.FullName).SingleAsync();
    }

    /// <summary>The badge's rule, counted in SQL for the user.</summary>
    private async Task<int> UnreadForAsync(string userName)
    {
        await using var db = portal.Database.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        TicketStatus[] done = [TicketStatus.Verified, TicketStatus.Closed, TicketStatus.Cancelled];
        return await db.Tickets
            .Where(t => t.LastCustomerMessageAt != null && !done.Contains(t.Status) && (t.AssigneeId == userId || t.AssigneeId == null))
            .Where(t => !db.TicketReads.Any(r => r.UserId == userId && r.TicketId == t.Id && r.LastReadAt >= t.LastCustomerMessageAt))
            .CountAsync();
    }
}
