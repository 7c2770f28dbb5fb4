using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IspPortal.Tests.SelfService;

/// <summary>A customer on a phone opens a ticket with a photo and chats (text and a photo) with an agent in another browser, live on both sides.</summary>
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed class CustomerTicketBrowserTests(CustomerPortalDemoFactory portal, BrowserFixture browser)
    : IClassFixture<CustomerPortalDemoFactory>, IClassFixture<BrowserFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_ticket_opened_with_a_photo_on_a_phone_is_answered_by_an_agent_and_both_see_each_other_without_reload()
    {
        var (code, _, _) = await portal.ActiveCustomerAsync("KRW", ConnectionState.Online);
        var agent = await browser.NewPageAsync(portal.BaseAddress);
        try
        {
            await browser.OnPageAsync(async customer =>
            {
                await SelfServicePortal.SignInOnPageAsync(portal, customer, code);
                await customer.GetByTestId("customer-nav-tickets").ClickAsync();
                await customer.GetByTestId("customer-ticket-new").ClickAsync();
                await customer.Input("customer-ticket-description").FillAsync("Internet putus sejak pagi, lampu LOS merah.");
                await customer.PickFileAsync("customer-ticket-photos", new FilePayload { Name = "modem.png", MimeType = "image/png", Buffer = Png },
                    customer.GetByTestId("customer-ticket-photo-count"));
                await Expect(customer.GetByTestId("customer-ticket-photo-count")).ToContainTextAsync("1");
                await customer.GetByTestId("customer-ticket-submit").ClickAsync();
                await Expect(customer.GetByTestId("customer-chat")).ToContainTextAsync("Internet putus sejak pagi");
                await Expect(customer.GetByTestId("customer-chat-attachment")).ToBeVisibleAsync();

                int ticketId;
                await using (var db = portal.Database.CreateDbContext())
                    ticketId = await db.Tickets.Where(t => t.Customer!.Code == code).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
                await agent.SignInAsync("staff");
                await agent.GotoAsync($"/tickets/{ticketId}/chat");
                await agent.WaitForCircuitAsync();
                await Expect(agent.GetByTestId("chat-messages")).ToContainTextAsync("Internet putus sejak pagi");

                await agent.Input("chat-text").FillAsync("Baik, teknisi kami menuju lokasi.");
                await agent.GetByTestId("chat-send").ClickAsync();
                await Expect(customer.GetByTestId("customer-chat")).ToContainTextAsync("Baik, teknisi kami menuju lokasi.");

                await customer.Input("customer-chat-text").FillAsync("Terima kasih, saya tunggu di rumah.");
                await customer.GetByTestId("customer-chat-send").ClickAsync();
                await Expect(agent.GetByTestId("chat-messages")).ToContainTextAsync("Terima kasih, saya tunggu di rumah.");

                // A photo alone, from the chat's camera button, reaches the agent as an attachment.
                await customer.PickFileAsync("customer-chat-photo", new FilePayload { Name = "lampu-los.png", MimeType = "image/png", Buffer = Png },
                    customer.GetByTestId("customer-chat-photo-name"));
                await Expect(customer.GetByTestId("customer-chat-photo-name")).ToContainTextAsync("lampu-los.png");
                await customer.GetByTestId("customer-chat-send").ClickAsync();
                await Expect(customer.GetByTestId("customer-chat-attachment")).ToHaveCountAsync(2);
                await Expect(customer.GetByTestId("customer-chat-photo-name")).ToHaveCountAsync(0);
                await Expect(agent.GetByTestId("chat-messages").GetByTestId("chat-attachment")).ToHaveCountAsync(2);
            }, portal.BaseAddress, phone: true);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }
}
