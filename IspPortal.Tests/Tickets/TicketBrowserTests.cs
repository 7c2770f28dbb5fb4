using System.Text.RegularExpressions;
using IspPortal.Core.Customers;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Tickets;

/// <summary>The helpdesk in a real browser against the demo ISP: a phone call becomes a worked ticket; a technician's day on a phone.</summary>
public sealed partial class TicketBrowserTests(DemoPortalFactory portal, BrowserFixture browser)
    : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Staff_logs_a_phone_call_assigns_it_and_the_ticket_is_started_resolved_with_a_note_and_in_the_history() => browser.OnPageAsync(async page =>
    {
        string customer;
        await using (var db = portal.Database.CreateDbContext())
            customer = await db.Customers.Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        const string subject = "Internet mati sejak subuh (uji browser)";

        await page.SignInAsync("staff");
        await page.GotoAsync("/tickets");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("tickets-grid").Locator("tbody tr").First).ToContainTextAsync("TKT-");
        await Assertions.Expect(page.GetByTestId("workload")).ToContainTextAsync("Budi Santoso");

        await page.GetByTestId("new-ticket").ClickAsync();
        await page.PickSuggestionAsync("ticket-customer", customer);
        await page.Input("ticket-subject").FillAsync(subject);
        await page.Input("ticket-description").FillAsync("Pelanggan menelepon: lampu LOS merah.");
        await page.GetByTestId("ticket-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(TicketUrl());
        var header = page.GetByTestId("ticket-header");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(subject);
        await Assertions.Expect(header.GetByTestId("ticket-category")).ToHaveTextAsync("Gangguan koneksi");
        await Assertions.Expect(header.GetByTestId("ticket-customer-info")).ToContainTextAsync(customer);
        await Assertions.Expect(page.Locator(".mud-tab-active")).ToHaveTextAsync("Chat");
        // An open ticket can be cancelled or resolved, not started before someone has it.
        await Assertions.Expect(header.GetByTestId("ticket-start")).ToHaveCountAsync(0);

        await header.GetByTestId("ticket-assign").ClickAsync();
        // Each agent comes with their open tickets beside the name.
        await page.GetByTestId("assign-dialog").Locator(".mud-select").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Budi Santoso (technician)" });
        await Assertions.Expect(option).ToContainTextAsync(new Regex(@"\d+ terbuka"));
        await option.ClickAsync();
        await page.GetByTestId("assign-save").ClickAsync();
        await Assertions.Expect(header.GetByTestId("ticket-assignee")).ToHaveTextAsync("Budi Santoso");
        await Assertions.Expect(page.GetByTestId("ticket-status").First).ToHaveTextAsync("Ditugaskan");

        await header.GetByTestId("ticket-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ticket-status").First).ToHaveTextAsync("Dikerjakan");

        await header.GetByTestId("ticket-resolve").ClickAsync();
        await page.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reason-dialog")).ToContainTextAsync("Catatan penyelesaian wajib diisi.");
        await page.Input("reason").FillAsync("Konektor ONT diganti, redaman normal");
        await page.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ticket-status").First).ToHaveTextAsync("Selesai");
        await Assertions.Expect(header.GetByTestId("ticket-reopen")).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByTestId("ticket-close")).ToBeVisibleAsync();

        await page.Locator(".mud-tab", new() { HasText = "Riwayat" }).ClickAsync();
        var history = page.GetByTestId("ticket-history");
        await Assertions.Expect(history).ToContainTextAsync("Tiket dibuat");
        await Assertions.Expect(history).ToContainTextAsync("Ditugaskan ke Budi Santoso");
        await Assertions.Expect(history).ToContainTextAsync("Status: Ditugaskan → Dikerjakan");
        await Assertions.Expect(history).ToContainTextAsync("Status: Dikerjakan → Selesai");
        await Assertions.Expect(history).ToContainTextAsync("Siti Rahmawati · Konektor ONT diganti, redaman normal");

        await using var after = portal.Database.CreateDbContext();
        var ticket = await after.Tickets.Include(t => t.Activities).Include(t => t.Category).SingleAsync(t => t.Subject == subject);
        var technician = await after.Users.SingleAsync(u => u.UserName == "technician");
        Assert.Equal((TicketStatus.Resolved, TicketChannel.Phone, technician.Id, "GANGGUAN"), (ticket.Status, ticket.Channel, ticket.AssigneeId, ticket.Category!.Code));
        Assert.Equal("Konektor ONT diganti, redaman normal", ticket.Activities.Single(a => a.ToValue == nameof(TicketStatus.Resolved)).Note);
    }, portal.BaseAddress);

    [Fact]
    public Task A_technician_works_their_tickets_from_my_work_on_a_phone_sized_screen() => browser.OnPageAsync(async page =>
    {
        string number;
        int id;
        await using (var db = portal.Database.CreateDbContext())
        {
            var technician = await db.Users.SingleAsync(u => u.UserName == "technician");
            var assigned = await db.Tickets.Where(t => t.AssigneeId == technician.Id && t.Status == TicketStatus.Assigned).OrderBy(t => t.Id).FirstAsync();
            (number, id) = (assigned.Number, assigned.Id);
        }

        await page.SignInAsync("technician");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("nav-landing")).ToHaveTextAsync("Pekerjaan saya");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/my-work");
        await page.WaitForCircuitAsync();

        var card = page.Locator($"[data-testid=my-ticket][data-number='{number}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("my-installations")).ToBeAttachedAsync();
        Assert.True(await NoSidewaysScrollAsync(page), "my work fits a 390 px wide screen");

        await card.GetByTestId("ticket-start").ClickAsync();
        await Assertions.Expect(card.GetByTestId("ticket-status")).ToHaveTextAsync("Dikerjakan");
        await card.GetByTestId("ticket-resolve").ClickAsync();
        await page.Input("reason").FillAsync("Kabel drop disambung ulang");
        await page.GetByTestId("reason-ok").ClickAsync();
        await Assertions.Expect(card.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai");
        await Assertions.Expect(card.GetByTestId("ticket-start")).ToHaveCountAsync(0);
        Assert.True(await NoSidewaysScrollAsync(page), "still no sideways scrolling after the actions");

        await card.GetByTestId("my-ticket-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tickets/{id}$"));
        await Assertions.Expect(page.GetByTestId("ticket-header")).ToBeVisibleAsync();
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(TicketStatus.Resolved, (await after.Tickets.SingleAsync(t => t.Id == id)).Status);
    }, portal.BaseAddress);

    [Fact]
    public Task An_open_ticket_page_follows_another_agents_action_without_a_reload() => browser.OnPageAsync(async page =>
    {
        int id;
        await using (var db = portal.Database.CreateDbContext())
            id = await db.Tickets.Where(t => t.Status == TicketStatus.Assigned).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        await page.SignInAsync("staff");
        await page.GotoAsync($"/tickets/{id}");
        await page.WaitForCircuitAsync();
        var status = page.GetByTestId("ticket-status").First;
        await Assertions.Expect(status).ToHaveTextAsync("Ditugaskan");

        var started = await portal.Services.ChangeStatusAsync(id, TicketAction.StartWork);

        Assert.True(started.Succeeded, started.FirstError);
        await Assertions.Expect(status).ToHaveTextAsync("Dikerjakan");
        await Assertions.Expect(page.GetByTestId("chat-messages")).ToContainTextAsync("sedang dikerjakan");
    }, portal.BaseAddress);

    [Fact]
    public Task A_manager_reads_the_last_30_days_of_tickets_and_narrows_them_to_one_channel() => browser.OnPageAsync(async page =>
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var from = new DateTimeOffset(today.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();

        await page.SignInAsync("manager");
        await page.GotoAsync("/tickets/analytics");
        await page.WaitForCircuitAsync();
        int all, byWhatsApp;
        await using (var db = portal.Database.CreateDbContext())
        {
            all = await db.Tickets.CountAsync(t => t.CreatedAt >= from);
            byWhatsApp = await db.Tickets.CountAsync(t => t.CreatedAt >= from && t.Channel == TicketChannel.WhatsApp);
        }
        Assert.True(byWhatsApp > 0 && byWhatsApp < all, "the demo has WhatsApp tickets and others");

        await Assertions.Expect(page.GetByTestId("stat-opened-value")).ToHaveTextAsync(all.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("stat-sla-resolution-value")).ToContainTextAsync("%");
        await Assertions.Expect(page.GetByTestId("agent-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-daily").Locator("svg").First).ToBeVisibleAsync();

        await page.ChooseAsync("analytics-channel", "WhatsApp");

        await Assertions.Expect(page.GetByTestId("stat-opened-value")).ToHaveTextAsync(byWhatsApp.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }, portal.BaseAddress);

    [Fact]
    public Task An_agent_revokes_the_customers_ticket_links_and_the_history_says_so() => browser.OnPageAsync(async page =>
    {
        int id;
        await using (var db = portal.Database.CreateDbContext())
            id = await db.Tickets.Where(t => t.Status == TicketStatus.InProgress).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
        await page.SignInAsync("staff");
        await page.GotoAsync($"/tickets/{id}");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("ticket-revoke-link").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "dicabut" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Riwayat", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Link tiket pelanggan dicabut")).ToBeVisibleAsync();
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(1, await after.Tickets.Where(t => t.Id == id).Select(t => t.CustomerLinkVersion).SingleAsync());
    }, portal.BaseAddress);

    private static Task<bool> NoSidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [GeneratedRegex(@"/tickets/\d+$")]
    private static partial Regex TicketUrl();
}
